from django.apps import AppConfig


class YourDataConfig(AppConfig):
    name = "openplate.yourdata"
    label = "yourdata"
    verbose_name = "Your data"
