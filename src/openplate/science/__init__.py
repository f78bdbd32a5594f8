"""The science of OpenPlate: units, energy budgets, nutrition reference values, exercise, the
weight trend and the dynamic body-weight model.

Pure functions over plain numbers and NumPy arrays, each naming its source. Nothing here imports
Django, so the science can be used, tested and benchmarked on its own.
"""

from openplate.science.errors import InvalidInput

__all__ = ["InvalidInput"]
