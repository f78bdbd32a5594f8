"""Forms of the account pages: sign-up, the goal, display units and API tokens.

The forms check what a browser can get wrong (a missing field, a word where a number goes);
`openplate.accounts.goals` and `openplate.accounts.tokens` check the rules and say which field is
at fault, and the forms put those messages back beside the field the person filled in.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.forms import UserCreationForm, UsernameField
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundWidget

from openplate.accounts.goals import LOSS_REFUSED, GoalInput
from openplate.accounts.models import Goal, Profile, default_time_zone
from openplate.accounts.profile import UNKNOWN_ZONE, time_zone_choices
from openplate.core.forms import PlainNumberInput
from openplate.science import energy, units
from openplate.science.energy import ActivityLevel, Sex
from openplate.science.goals import (
    WEEKLY_GOALS_KG,
    WEEKLY_GOALS_LB,
    weekly_goal_kg_label,
    weekly_goal_lb_label,
)
from openplate.science.nutrition import DEFAULT_MACRO_PERCENT

DEFAULT_MACROS = {f"{name}_percent": share for name, share in DEFAULT_MACRO_PERCENT.items()}
MACRO_FIELDS = tuple(DEFAULT_MACROS)
DISPLAY_DECIMALS = 1  # heights, weights and inches are shown to a tenth


# --- Weekly goals ------------------------------------------------------------------------------


def _choice_value(rate: float) -> str:
    return f"{rate:g}"


RATE_LB_CHOICES = [(_choice_value(r), weekly_goal_lb_label(r)) for r in WEEKLY_GOALS_LB]
RATE_KG_CHOICES = [(_choice_value(r), weekly_goal_kg_label(r)) for r in WEEKLY_GOALS_KG]


def _nearest(choices: tuple[float, ...], value: float) -> str:
    return _choice_value(min(choices, key=lambda choice: abs(choice - value)))


# The fields read in each units, and what is said when one is left empty ("" when it may be).
UNIT_FIELDS: Mapping[str, Mapping[str, str]] = {
    Profile.Units.IMPERIAL: {
        "rate_lb": "Choose a weekly goal.",
        "height_ft": "Enter your height.",
        "height_in": "",
        "weight_lb": "Enter your weight.",
        "target_lb": "",
    },
    Profile.Units.METRIC: {
        "rate_kg": "Choose a weekly goal.",
        "height_cm": "Enter your height.",
        "weight_kg": "Enter your weight.",
        "target_kg": "",
    },
}


# --- Sign-up -----------------------------------------------------------------------------------


if TYPE_CHECKING:
    BaseSignupForm = UserCreationForm[User]
else:  # Django's forms are not generic when the code runs
    BaseSignupForm = UserCreationForm


class SignupForm(BaseSignupForm):
    """A username, an optional e-mail address (the way back in after a forgotten password) and
    the password twice; and, unseen, the browser's time zone, which a few lines of JavaScript
    (static/openplate/time_zone.js) put in. Without them it is the server's."""

    email = forms.EmailField(
        label="E-mail (optional)",
        required=False,
        help_text="Only needed to reset a forgotten password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    time_zone = forms.CharField(
        required=False,
        max_length=64,
        initial=default_time_zone,
        widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""}),
    )

    class Meta:
        model = User
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if email and User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account already uses this e-mail address.")
        return email


# --- The goal ----------------------------------------------------------------------------------


def _number_input(**attrs: str) -> forms.NumberInput:
    # No min or max in the page: a field hidden by the units switch must never stop the browser
    # from sending the form, so every range is checked on the server.
    return PlainNumberInput(attrs={"step": "any", "inputmode": "decimal", **attrs})


class GoalForm(forms.Form):
    """MyPlate's goal form. Heights, weights and weekly goals come in both US and metric fields;
    the units the person chose say which set counts."""

    units = forms.ChoiceField(
        label="Units", choices=Profile.Units.choices, widget=forms.RadioSelect
    )
    rate_lb = forms.TypedChoiceField(
        label="Weekly goal", choices=RATE_LB_CHOICES, coerce=float, required=False, initial="0"
    )
    rate_kg = forms.TypedChoiceField(
        label="Weekly goal", choices=RATE_KG_CHOICES, coerce=float, required=False, initial="0"
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=[(sex.value, sex.value.title()) for sex in Sex],
        widget=forms.RadioSelect,
    )
    life_stage = forms.ChoiceField(
        label="Pregnant or breastfeeding?",
        help_text="A budget to lose weight is not offered then.",
        choices=Profile.LifeStage.choices,
        initial=Profile.LifeStage.NEITHER,
        required=False,
        widget=forms.RadioSelect,
    )
    height_ft = forms.IntegerField(
        label="Feet", required=False, widget=_number_input(inputmode="numeric", step="1")
    )
    height_in = forms.FloatField(label="Inches", required=False, widget=_number_input())
    height_cm = forms.FloatField(label="Height (cm)", required=False, widget=_number_input())
    weight_lb = forms.FloatField(label="Weight (lb)", required=False, widget=_number_input())
    weight_kg = forms.FloatField(label="Weight (kg)", required=False, widget=_number_input())
    target_lb = forms.FloatField(
        label="Goal weight (lb, optional)", required=False, widget=_number_input()
    )
    target_kg = forms.FloatField(
        label="Goal weight (kg, optional)", required=False, widget=_number_input()
    )
    birth_date = forms.DateField(
        label="Birth date",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "autocomplete": "bday"}),
    )
    activity = forms.ChoiceField(
        label="Activity level",
        help_text="Your daily life, without workouts: exercise you log is added on top.",
        choices=[(level.key, level.label) for level in energy.ACTIVITY_LEVELS.values()],
        widget=forms.RadioSelect,
    )
    protein_percent = forms.IntegerField(
        label="Protein (%)", required=False, widget=_number_input(inputmode="numeric", step="1")
    )
    carbohydrate_percent = forms.IntegerField(
        label="Carbohydrate (%)",
        required=False,
        widget=_number_input(inputmode="numeric", step="1"),
    )
    fat_percent = forms.IntegerField(
        label="Fat (%)", required=False, widget=_number_input(inputmode="numeric", step="1")
    )

    # Where each GoalInput field the service may refuse is filled in, by units.
    SERVICE_FIELDS: Mapping[str, Mapping[str, str]] = {
        Profile.Units.IMPERIAL: {
            "height_cm": "height_ft",
            "weight_kg": "weight_lb",
            "rate_kg_per_week": "rate_lb",
            "target_weight_kg": "target_lb",
        },
        Profile.Units.METRIC: {
            "height_cm": "height_cm",
            "weight_kg": "weight_kg",
            "rate_kg_per_week": "rate_kg",
            "target_weight_kg": "target_kg",
        },
    }

    MAINTAIN = "maintain"  # the name of the button that sends the form as a goal to maintain
    offer_maintain = False  # set when the service refused a loss goal

    @property
    def chosen_units(self) -> str:
        """The units the form is in: as sent, else as first shown."""
        if self.is_bound and self.data.get("units") in Profile.Units.values:
            return str(self.data["units"])
        return str(self.initial.get("units") or Profile.Units.IMPERIAL)

    def activity_options(self) -> Iterator[tuple[BoundWidget, ActivityLevel]]:
        """Each activity radio button with its level, for the label and description."""
        return zip(self["activity"], energy.ACTIVITY_LEVELS.values(), strict=True)

    def macros_changed(self) -> bool:
        """Whether the macro split differs from the defaults or has errors (to show it open)."""
        if any(self[name].errors for name in MACRO_FIELDS):
            return True
        values = {name: self[name].value() for name in MACRO_FIELDS}
        return any(
            value not in (None, "") and str(value) != str(DEFAULT_MACROS[name])
            for name, value in values.items()
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("sex") != Sex.FEMALE or not data.get("life_stage"):
            self.errors.pop("life_stage", None)  # asked of women only: hidden otherwise
            data["life_stage"] = Profile.LifeStage.NEITHER
        if self.MAINTAIN in self.data:
            for name in ("rate_lb", "rate_kg"):
                self.errors.pop(name, None)
                data[name] = 0.0
        chosen = UNIT_FIELDS.get(data.get("units", ""), {})
        for name in {name for fields in UNIT_FIELDS.values() for name in fields} - set(chosen):
            self.errors.pop(name, None)  # the other units' fields are not read
            data.pop(name, None)
        for name, message in chosen.items():
            if data.get(name) in (None, "") and name not in self.errors and message:
                self.add_error(name, message)
        inches = data.get("height_in")
        if inches is not None and not 0 <= inches < units.INCHES_PER_FOOT:
            self.add_error("height_in", "Inches must be from 0 to less than 12.")
        return data

    def goal_input(self) -> GoalInput:
        """The cleaned form, in SI units, for `set_goal`."""
        data = self.cleaned_data
        if data["units"] == Profile.Units.METRIC:
            height_cm = data["height_cm"]
            weight_kg = data["weight_kg"]
            rate_kg = data["rate_kg"]
            target_kg = data.get("target_kg")
        else:
            height_cm = units.cm_from_feet_inches(data["height_ft"], data["height_in"] or 0)
            weight_kg = units.kg_from_lb(data["weight_lb"])
            rate_kg = units.kg_from_lb(data["rate_lb"])
            target_lb = data.get("target_lb")
            target_kg = None if target_lb is None else units.kg_from_lb(target_lb)
        macros = {
            name: DEFAULT_MACROS[name] if data.get(name) is None else data[name]
            for name in MACRO_FIELDS
        }
        return GoalInput(
            sex=data["sex"],
            birth_date=data["birth_date"],
            height_cm=height_cm,
            weight_kg=weight_kg,
            activity=data["activity"],
            rate_kg_per_week=rate_kg,
            units=data["units"],
            target_weight_kg=target_kg,
            life_stage=data["life_stage"],
            **macros,
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """Show the goal service's refusals beside the fields the person filled in."""
        fields = self.SERVICE_FIELDS[self.chosen_units]
        imperial = self.chosen_units == Profile.Units.IMPERIAL
        refusals = getattr(error, "error_dict", {}).get("rate_kg_per_week", [])
        self.offer_maintain = any(refusal.code == LOSS_REFUSED for refusal in refusals)
        for name, messages in error.message_dict.items():
            field: str | None = fields.get(name, name)
            if field not in self.fields:
                field = None  # shown above the form
            elif imperial and name in ("height_cm", "weight_kg", "target_weight_kg"):
                messages = [_imperial_range_message(name)]
            for message in messages:
                self.add_error(field, message)


def _imperial_range_message(name: str) -> str:
    if name == "height_cm":
        low, high = units.HEIGHT_RANGE_CM
        ends = (units.format_height(low, "imperial"), units.format_height(high, "imperial"))
        return f"Height must be between {ends[0]} and {ends[1]}."
    low, high = units.BODY_WEIGHT_RANGE_KG
    ends = (
        units.format_mass(low, "imperial", decimals=0),
        units.format_mass(high, "imperial", decimals=0),
    )
    noun = "Goal weight" if name == "target_weight_kg" else "Weight"
    return f"{noun} must be between {ends[0]} and {ends[1]}."


def goal_form_initial(
    profile: Profile | None, goal: Goal | None, *, units_preference: str | None = None
) -> dict[str, Any]:
    """The goal form filled in from the person's profile and current goal."""
    initial: dict[str, Any] = {
        "units": units_preference or (profile.units if profile else Profile.Units.IMPERIAL),
        **DEFAULT_MACROS,
    }
    if profile is not None:
        initial |= {
            "sex": profile.sex,
            "activity": profile.activity,
            "birth_date": profile.birth_date,
            "life_stage": profile.life_stage,
        }
        initial |= _height_fields(profile.height_cm)
    if goal is not None:
        initial |= _weight_fields(goal.weight_kg)
        initial |= _rate_fields(goal.rate_kg_per_week)
        initial |= {name: getattr(goal, name) for name in MACRO_FIELDS}
        if goal.target_weight_kg is not None:
            initial |= _target_fields(goal.target_weight_kg)
    return initial


def switch_units(initial: Mapping[str, Any], data: Mapping[str, str], to: str) -> dict[str, Any]:
    """The goal form after the person switched to units `to`, with what they had typed.

    `data` holds the form as it was before the switch; its heights, weights and weekly goal in
    the other units are converted, so nothing typed is lost.
    """
    switched = {
        **initial,
        **{name: value for name, value in data.items() if name in GoalForm.base_fields},
    }
    switched["units"] = to
    if to == Profile.Units.METRIC:
        feet, inches = _number(data.get("height_ft")), _number(data.get("height_in")) or 0.0
        if feet is not None:
            switched |= _height_fields(units.cm_from_feet_inches(feet, inches))
        if (pounds := _number(data.get("weight_lb"))) is not None:
            switched |= _weight_fields(units.kg_from_lb(pounds))
        if (rate_lb := _number(data.get("rate_lb"))) is not None:
            switched |= _rate_fields(units.kg_from_lb(rate_lb))
        if (target_lb := _number(data.get("target_lb"))) is not None:
            switched |= _target_fields(units.kg_from_lb(target_lb))
    elif to == Profile.Units.IMPERIAL:
        if (cm := _number(data.get("height_cm"))) is not None:
            switched |= _height_fields(cm)
        if (kg := _number(data.get("weight_kg"))) is not None:
            switched |= _weight_fields(kg)
        if (rate_kg := _number(data.get("rate_kg"))) is not None:
            switched |= _rate_fields(rate_kg)
        if (target_kg := _number(data.get("target_kg"))) is not None:
            switched |= _target_fields(target_kg)
    return switched


def _number(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _height_fields(cm: float) -> dict[str, Any]:
    if not math.isfinite(cm) or cm < 0:
        return {}
    feet, inches = units.feet_inches_from_cm(cm, decimals=DISPLAY_DECIMALS)
    return {"height_cm": round(cm, DISPLAY_DECIMALS), "height_ft": feet, "height_in": inches}


def _weight_fields(kg: float) -> dict[str, Any]:
    return {
        "weight_kg": round(kg, DISPLAY_DECIMALS + 1),  # so a switch back gives the pounds typed
        "weight_lb": round(units.lb_from_kg(kg), DISPLAY_DECIMALS),
    }


def _target_fields(kg: float) -> dict[str, Any]:
    return {
        "target_kg": round(kg, DISPLAY_DECIMALS + 1),
        "target_lb": round(units.lb_from_kg(kg), DISPLAY_DECIMALS),
    }


def _rate_fields(rate_kg_per_week: float) -> dict[str, Any]:
    return {
        "rate_lb": _nearest(WEEKLY_GOALS_LB, units.lb_from_kg(rate_kg_per_week)),
        "rate_kg": _nearest(WEEKLY_GOALS_KG, rate_kg_per_week),
    }


# --- Settings ----------------------------------------------------------------------------------


class UnitsForm(forms.Form):
    units = forms.ChoiceField(
        label="Show heights and weights in",
        choices=Profile.Units.choices,
        widget=forms.RadioSelect,
    )


class TimeZoneForm(forms.Form):
    """The zone the person's days follow. The list holds today's IANA names; a person whose
    browser gave an older alias (US/Pacific) finds it in the list too, until they change it."""

    time_zone = forms.ChoiceField(
        label="Time zone",
        help_text="Your day starts at midnight here: today's diary, totals and streaks follow it.",
        error_messages={"invalid_choice": UNKNOWN_ZONE},
    )

    def __init__(self, *args: Any, current: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = list(time_zone_choices())
        listed = {name for _, zones in choices for name, _ in zones}
        if current and current not in listed:
            choices.insert(0, ("Yours", [(current, current)]))
        field = self.fields["time_zone"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class WaterGoalForm(forms.Form):
    amount = forms.FloatField(label="Daily water goal", min_value=0)
    unit = forms.ChoiceField(label="Unit", choices=[("cups", "cups"), ("ml", "ml")])


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        help_text="Something to recognise it by, such as the script that uses it.",
    )
