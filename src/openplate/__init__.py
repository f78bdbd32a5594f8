"""OpenPlate: a self-hosted calorie and nutrition tracker."""

__version__ = "0.1.0"
