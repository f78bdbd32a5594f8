from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "openplate.diary"
    label = "diary"
    verbose_name = "Food diary"
    default_auto_field = "django.db.models.BigAutoField"
