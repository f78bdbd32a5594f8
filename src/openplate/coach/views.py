"""The coach's pages: what the diary and the scale say about the person's own energy.

"Your expenditure" shows the estimate (`openplate.coach.expenditure`) and the days that look
incompletely logged, each with three answers, all plain POST forms that come back here:

- "Keep it": the day is right as logged (a light day): it is marked complete and counts.
- "Leave it out": its food is left out of the estimate (its weigh-in still counts).
- "Mark it complete": the person finished logging it: it is marked complete and counts.

"Keep it" and "Mark it complete" record the same mark, `complete`, as the estimator has one
status for a day the person vouches for; they are two answers because they are two different
things to say about a day. The day's page in the diary shows the mark and can clear it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from openplate.accounts.models import Profile
from openplate.accounts.profile import profile_of, today_for
from openplate.coach.dated import DatedDay, DatedEstimate, estimate_from
from openplate.coach.expenditure import from_first_news, logged_days, person_prior, window_for
from openplate.core.pages import signed_in
from openplate.diary.marks import mark_day
from openplate.diary.models import DayMark
from openplate.science import units
from openplate.science.errors import InvalidInput
from openplate.science.expenditure import DayStatus

# Under two weeks of days used, the page says the estimate is early: its band is still wide.
EARLY_DAYS_USED = 14

# What each answer to an incomplete day records, and what the page then says of the day.
CHOICES = {
    "keep": (DayMark.Status.COMPLETE, "is kept as logged and counts"),
    "leave-out": (DayMark.Status.EXCLUDED, "is left out: its food no longer counts"),
    "complete": (DayMark.Status.COMPLETE, "is marked complete and counts"),
}


@dataclass(frozen=True)
class Gathered:
    """What the window holds so far, for a person the estimate cannot be made for yet."""

    logged_days: int
    weigh_ins: int
    reason: str


@login_required
@require_safe
def expenditure(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    profile = profile_of(user)
    window = window_for(user)
    days = logged_days(user, window)
    system: units.UnitSystem = (
        "metric" if profile is not None and profile.units == Profile.Units.METRIC else "imperial"
    )
    context: dict[str, Any] = {"window": window, "today": today_for(user)}
    try:
        start, counted = from_first_news(window.start, days)
        result = estimate_from(start, counted, person_prior(profile, window.end))
    except InvalidInput as error:
        context["gathered"] = Gathered(
            logged_days=sum(
                day.intake_kcal is not None or day.status is DayStatus.FASTED for day in days
            ),
            weigh_ins=sum(day.weight_kg is not None for day in days),
            reason=str(error),
        )
        return render(request, "coach/expenditure.html", context)
    context |= {
        "result": result,
        "estimate": result.estimate,
        "band_words": band_words(result.estimate.band),
        "trend_weight": units.format_mass(result.estimate.trend_weight_kg, system),
        "early": result.estimate.days_used < EARLY_DAYS_USED,
        "incomplete": [
            {"day": day.day, "kcal": day.logged.intake_kcal}
            for day in result.days
            if day.estimate.incomplete
        ][::-1],
        "marked": [
            {"day": day.day, "status": day.logged.status}
            for day in result.days
            if day.logged.status is not DayStatus.AUTO
        ][::-1],
        "chart_data": chart_data(result),
        "chart_summary": chart_summary(result),
    }
    return render(request, "coach/expenditure.html", context)


@login_required
@require_POST
def decide_day(request: HttpRequest, day: date) -> HttpResponse:
    """The person's answer to a day that looks incomplete: `choice` keep, leave-out or
    complete (`CHOICES`)."""
    choice = CHOICES.get(request.POST.get("choice", ""))
    if choice is None:
        messages.error(request, "Choose keep it, leave it out or mark it complete.")
    else:
        status, done = choice
        try:
            mark_day(signed_in(request), day=day, status=status)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{day:%A %b %-d} {done}.")
    return redirect(reverse("coach:expenditure") + "#incomplete")


def band_words(band: float) -> str:
    """A band's coverage as people say it: 0.8 is "8 times in 10", 0.95 "95 times in 100"."""
    for out_of in (10, 100):
        times = band * out_of
        if abs(times - round(times)) < 1e-9:
            return f"{round(times)} times in {out_of}"
    return f"{band:.1%} of the time"


def chart_data(result: DatedEstimate) -> dict[str, Any]:
    """The chart's series, for `json_script`: the daily expenditure and its band, the intake
    that counted, and the intake logged on days left out."""
    return {
        "labels": [day.day.isoformat() for day in result.days],
        "expenditure": [round(day.estimate.expenditure_kcal) for day in result.days],
        "low": [round(day.estimate.low_kcal) for day in result.days],
        "high": [round(day.estimate.high_kcal) for day in result.days],
        "intake": [_counted(day) for day in result.days],
        "left_out": [_left_out(day) for day in result.days],
    }


def _counted(day: DatedDay) -> int | None:
    """The intake the estimate took for the day: 0 for a fast, none for a day left out."""
    if day.logged.status is DayStatus.FASTED:
        return 0
    kcal = day.logged.intake_kcal
    return round(kcal) if kcal is not None and day.estimate.used else None


def _left_out(day: DatedDay) -> int | None:
    kcal = day.logged.intake_kcal
    return round(kcal) if kcal is not None and not day.estimate.used else None


def chart_summary(result: DatedEstimate) -> str:
    """What the chart shows, in words, for someone who cannot see it."""
    spent = [day.estimate.expenditure_kcal for day in result.days]
    logged = [day for day in result.days if day.logged.intake_kcal is not None]
    text = (
        f"From {result.start:%b %-d} to {result.end:%b %-d} your daily expenditure ran from "
        f"{min(spent):,.0f} to {max(spent):,.0f} kcal."
    )
    if logged:
        eaten = sum(day.logged.intake_kcal or 0.0 for day in logged) / len(logged)
        text += f" Food was logged on {len(logged)} days, {eaten:,.0f} kcal a day on average."
    return text
