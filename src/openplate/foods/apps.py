from django.apps import AppConfig


class FoodsConfig(AppConfig):
    name = "openplate.foods"
    label = "foods"
    verbose_name = "Foods"
    default_auto_field = "django.db.models.BigAutoField"
