from django.apps import AppConfig


class ExerciseConfig(AppConfig):
    name = "openplate.exercise"
    label = "exercise"
    default_auto_field = "django.db.models.BigAutoField"
