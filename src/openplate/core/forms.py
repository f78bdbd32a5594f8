"""What the pages' forms share: a service's refusals shown beside the fields they are about."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from openplate.core.checks import text_problem
from openplate.core.dates import day_problem


def add_service_errors(
    form: forms.Form, error: ValidationError, renames: Mapping[str, str] | None = None
) -> None:
    """Show a service's field errors beside the form's fields (the rest above the form).

    `renames` maps a service's field to the form's, where they differ.
    """
    for field, messages in error.message_dict.items():
        name = (renames or {}).get(field, field)
        form.add_error(name if name in form.fields else None, messages)


def supported_day(day: date) -> None:
    """A date field's validator: the day is one OpenPlate takes (core.dates)."""
    problem = day_problem(day)
    if problem:
        raise ValidationError(problem)


class CheckedForm(forms.Form):
    """A form whose text fields refuse what no database column stores (a NUL character or a
    lone surrogate), each beside its field, and whose numbers never keep the sign of -0."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        problems = {
            name: problem
            for name, value in cleaned.items()
            if isinstance(value, str) and (problem := text_problem(value))
        }
        for name, problem in problems.items():
            self.add_error(name, problem)
        for name, value in cleaned.items():
            if isinstance(value, float) and value == 0:
                cleaned[name] = 0.0
        return cleaned


class OwnIdsForm(CheckedForm):
    """A form whose ids start with its own `id_prefix`, for pages that hold several forms with
    a field of the same name: with Django's shared `id_<name>`, every label points at the first
    such field and a screen reader hears its name once per form."""

    id_prefix = "form"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class PlainNumberInput(forms.NumberInput):
    """A number box that writes a number as a person would: 4, 160 and 160.5, never 4.0."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().format_value(value)
