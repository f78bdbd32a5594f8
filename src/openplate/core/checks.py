"""What the services (diary, exercise, progress) check the same way. Each service collects its
field errors in one dict, so a caller hears of every field at fault at once, and saves nothing
when there is any."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import ValidationError

from openplate.core.dates import day_problem

FieldErrors = dict[str, list[str]]


def is_number(value: Any) -> bool:
    """A finite int or float: neither "100" nor True (a bool is an int to Python), nor NaN."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def day_errors(day: Any) -> FieldErrors:
    """{"date": [why]} when `day` cannot be logged, else no errors."""
    problem = day_problem(day)
    return {"date": [problem]} if problem else {}


def raise_errors(errors: FieldErrors) -> None:
    if errors:
        raise ValidationError(errors)
