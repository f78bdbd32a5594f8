"""The weigh-in form: a day, a weight in the person's units, and body fat if they know it."""

from __future__ import annotations

from django import forms

from openplate.body.services import KG, LB
from openplate.core.forms import CheckedForm, supported_day


def _number_input(**attrs: str) -> forms.NumberInput:
    # Ranges are checked on the server, which says them in the person's units.
    return forms.NumberInput(attrs={"step": "any", "inputmode": "decimal", **attrs})


class WeighInForm(CheckedForm):
    date = forms.DateField(
        label="Date",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        validators=[supported_day],
    )
    weight = forms.FloatField(label="Weight", widget=_number_input())
    body_fat_percent = forms.FloatField(
        label="Body fat % (optional)", required=False, widget=_number_input()
    )
    unit = forms.ChoiceField(choices=[(LB, "lb"), (KG, "kg")], widget=forms.HiddenInput)

    def __init__(self, *args: object, unit: str = LB, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["weight"].label = f"Weight ({unit})"
        self.fields["unit"].initial = unit
