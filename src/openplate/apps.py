from django.apps import AppConfig


class OpenPlateConfig(AppConfig):
    """The project package itself, installed so that its templates and static files are found."""

    name = "openplate"
    verbose_name = "OpenPlate"
