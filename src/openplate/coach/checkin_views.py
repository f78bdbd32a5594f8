"""The weekly check-in page: this week's check-in with its two answers, the day of the week it
comes on, and the check-ins before it, newest first.

The answers and the day are plain POST forms that come back to the page with a message. The day
is chosen here rather than on the settings page: it is the check-in's own setting, and the person
looks for it where the check-in is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from openplate.accounts.models import Profile, Weekday
from openplate.accounts.numbers_light import numbers_light_of
from openplate.accounts.profile import profile_of, today_for
from openplate.coach import checkins
from openplate.coach.models import CheckIn
from openplate.core.pages import signed_in
from openplate.science import goals, units

# A proposal within this many kcal of the current budget reads "about the same" in
# numbers-light mode.
ABOUT_THE_SAME_KCAL = 25.0
HELD_IN_THE_SAFE_RANGE = "Held back to stay inside the range that is safe for you."


class WeekdayForm(forms.Form):
    check_in_weekday = forms.TypedChoiceField(
        label="Check in on", choices=Weekday.choices, coerce=int
    )


@dataclass(frozen=True)
class Shown:
    """A check-in as the page says it, its weights in the person's units."""

    check_in: CheckIn
    trend_weight: str
    trend_change: str
    rate: str
    forecast_4_weeks: str | None
    forecast_12_weeks: str | None
    target_weight: str | None
    direction: str  # the proposal beside the current budget, in words, for numbers-light

    @property
    def reasons_without_calories(self) -> list[str]:
        """The reasons numbers-light mode shows: those that name no calorie figure, and one
        sentence for the others."""
        kept = [reason for reason in self.check_in.held_back if "kcal" not in reason]
        if len(kept) < len(self.check_in.held_back):
            kept.append(HELD_IN_THE_SAFE_RANGE)
        return kept


def shown(check_in: CheckIn, system: units.UnitSystem) -> Shown:
    def mass(kg: float | None) -> str | None:
        return None if kg is None else units.format_mass(kg, system)

    change = check_in.trend_change_kg
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    difference = check_in.proposed_budget_kcal - check_in.current_budget_kcal
    direction = (
        "about the same as now"
        if abs(difference) < ABOUT_THE_SAME_KCAL
        else "a little more than now"
        if difference > 0
        else "a little less than now"
    )
    return Shown(
        check_in=check_in,
        trend_weight=units.format_mass(check_in.trend_weight_kg, system),
        trend_change=f"{sign}{units.format_mass(abs(change), system)}",
        rate=goals.weekly_goal_label(check_in.rate_kg_per_week),
        forecast_4_weeks=mass(check_in.forecast_4_weeks_kg),
        forecast_12_weeks=mass(check_in.forecast_12_weeks_kg),
        target_weight=mass(check_in.target_weight_kg),
        direction=direction,
    )


def unit_system(profile: Profile | None) -> units.UnitSystem:
    return "metric" if profile is not None and profile.units == Profile.Units.METRIC else "imperial"


@login_required
@require_safe
def check_in(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    today = today_for(user)
    system = unit_system(profile_of(user))
    week = checkins.this_week(user, today)
    this_week, not_ready = week.check_in, week.not_ready
    due = this_week if this_week and checkins.can_answer(this_week, today) else None
    context: dict[str, Any] = {
        "today": today,
        "due": shown(due, system) if due else None,
        "answered": this_week if this_week and not due else None,
        "not_ready": not_ready,
        "next_day": checkins.next_check_in_day(user, today),
        "weekday_form": WeekdayForm(initial={"check_in_weekday": checkins.check_in_weekday(user)}),
        "past": [shown(past, system) for past in checkins.past_check_ins(user) if past != due],
    }
    return render(request, "coach/check_in.html", context)


@login_required
@require_POST
def accept(request: HttpRequest, check_in_id: int) -> HttpResponse:
    user = signed_in(request)
    check_in = get_object_or_404(CheckIn, pk=check_in_id, user=user)
    try:
        goal = checkins.accept(check_in)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        budget = "" if numbers_light_of(user) else f" of {goal.budget_kcal:,.0f} kcal a day"
        messages.success(request, f"Accepted: your new budget{budget} starts today.")
    return redirect("coach:check_in")


@login_required
@require_POST
def keep(request: HttpRequest, check_in_id: int) -> HttpResponse:
    user = signed_in(request)
    check_in = get_object_or_404(CheckIn, pk=check_in_id, user=user)
    try:
        checkins.keep(check_in)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Kept: your budget stays as it is.")
    return redirect("coach:check_in")


@login_required
@require_POST
def check_in_day(request: HttpRequest) -> HttpResponse:
    form = WeekdayForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a day of the week.")
        return redirect("coach:check_in")
    weekday = checkins.set_check_in_weekday(
        signed_in(request), form.cleaned_data["check_in_weekday"]
    )
    messages.success(request, f"Your weekly check-in is now on {Weekday(weekday).label}s.")
    return redirect("coach:check_in")
