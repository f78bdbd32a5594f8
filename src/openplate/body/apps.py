from django.apps import AppConfig


class BodyConfig(AppConfig):
    name = "openplate.body"
    label = "body"
    verbose_name = "Weight and water"
    default_auto_field = "django.db.models.BigAutoField"
