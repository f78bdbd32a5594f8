"""Forms of the exercise pages. They check types; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from openplate.core.forms import CheckedForm, OwnIdsForm, supported_day
from openplate.science import units

MINUTES_HELP = "Optional; with minutes, strength work counts 3.5 METs."


def _number(label: str, *, required: bool = True, help_text: str = "") -> forms.FloatField:
    return forms.FloatField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )


def _count(label: str) -> forms.IntegerField:
    return forms.IntegerField(label=label, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))


class ActivityForm(OwnIdsForm):
    """An activity of the Compendium, by its code, for some minutes."""

    id_prefix = "activity"

    activity = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": "Choose an activity from the search results."},
    )
    minutes = _number("Minutes")


class CustomForm(OwnIdsForm):
    id_prefix = "custom"

    name = forms.CharField(label="Exercise", max_length=255)
    energy_kcal = _number("Calories burned")
    minutes = _number("Minutes", required=False, help_text="Optional.")


class StrengthForm(OwnIdsForm):
    """Sets × reps at a load, in the person's unit (lb or kg)."""

    id_prefix = "strength"

    name = forms.CharField(label="Exercise", max_length=255, help_text="Such as “Squats”.")
    sets = _count("Sets")
    reps = _count("Reps")
    load = _number("Weight (lb)", required=False, help_text="Per rep; optional.")
    minutes = _number("Minutes", required=False, help_text=MINUTES_HELP)

    def __init__(self, *args: Any, metric: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metric = metric
        self.fields["load"].label = "Weight (kg)" if metric else "Weight (lb)"

    def load_kg(self) -> float | None:
        load = self.cleaned_data.get("load")
        if load is None or self.metric:
            return load
        return units.kg_from_lb(load)


class DayField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})
    default_validators = [supported_day]


class EditActivityForm(CheckedForm):
    date = DayField(label="Day")
    minutes = _number("Minutes")


class EditCustomForm(CustomForm):
    date = DayField(label="Day")


class EditStrengthForm(StrengthForm):
    date = DayField(label="Day")


# The services' names of the fields these forms name otherwise.
SERVICE_FIELDS = {"load_kg": "load", "day": "date"}
