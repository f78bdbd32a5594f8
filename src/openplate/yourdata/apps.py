from django.apps import AppConfig
from django.db.models.signals import post_delete


class YourDataConfig(AppConfig):
    name = "openplate.yourdata"
    label = "yourdata"
    verbose_name = "Your data"

    def ready(self) -> None:
        from django.contrib.auth.models import User

        from openplate.yourdata.deletion import end_sessions

        post_delete.connect(end_sessions, sender=User, dispatch_uid="yourdata.end_sessions")
