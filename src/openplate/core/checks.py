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


# The smallest amount that "above 0" takes, in the field's own unit (g, kcal, ml, minutes,
# servings): a thousandth of it, below anything a page shows. Without it 1e-320 kcal (a number
# so small the float barely holds it) would pass as "above 0".
SMALLEST_AMOUNT = 0.001


def is_amount(value: Any, most: float) -> bool:
    """A number from SMALLEST_AMOUNT to `most`: an amount "above 0 and at most `most`"."""
    return is_number(value) and SMALLEST_AMOUNT <= value <= most


NUL = "\x00"


def text_problem(text: str) -> str | None:
    """Why `text` cannot be stored, or None when it can: a NUL character (PostgreSQL's text
    holds none) or a lone surrogate (half of a UTF-16 pair, which UTF-8 cannot encode)."""
    if NUL in text:
        return "Remove the NUL character (\\u0000): text cannot hold it."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "Remove the unpaired surrogate (\\ud800 to \\udfff): it is half a character."
    return None
