"""The progress pages: charts of weight and calories over a period, weigh-ins, water, and the
printable weekly report.

Every form works as a plain POST that redirects back; htmx makes the water card's buttons answer
with the card alone.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from openplate.accounts.exercise_share import share_label
from openplate.accounts.profile import CUPS
from openplate.body import services
from openplate.body.models import WeightEntry
from openplate.core.dates import is_supported_day
from openplate.core.forms import add_service_errors
from openplate.core.pages import signed_in
from openplate.progress import charts, period
from openplate.progress.forms import WeighInForm
from openplate.science.units import ML_PER_US_CUP

INVALID = 422  # a form sent back with its errors
# Shortest first: without a choice the page shows the shortest that holds everything logged,
# up to DEFAULT_RANGE, so a new person's charts are not a few points at the right edge.
RANGES = {
    "2w": ("2 weeks", 14),
    "4w": ("4 weeks", 28),
    "3m": ("3 months", 91),
    "1y": ("1 year", 365),
}
DEFAULT_RANGE = "3m"  # the longest shown without a choice
RECENT_WEIGH_INS = 10


@login_required
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    return _overview(request)


def _overview(
    request: HttpRequest, *, form: WeighInForm | None = None, status: int = 200
) -> HttpResponse:
    user = signed_in(request)
    today = timezone.localdate()
    chosen = request.GET.get("range", "")
    if chosen not in RANGES:
        chosen = default_range(period.first_logged_day(user), today)
    label, days = RANGES[chosen]
    data = period.progress(user, today - timedelta(days=days - 1), today, today=today)
    unit = charts.weight_unit(data.units)
    context: dict[str, Any] = {
        "data": data,
        "unit": unit,
        "ranges": [(key, name) for key, (name, _) in RANGES.items()],
        "chosen": chosen,
        "range_label": label,
        "chart_data": charts.chart_data(data),
        "weight_summary": charts.weight_summary(data),
        "calories_summary": charts.calories_summary(data),
        "macros_summary": charts.macros_summary(data),
        "has_macros": any(data.macros.grams.values()),
        "form": form or WeighInForm(initial={"date": today}, unit=unit),
        "recent": [_row(point, unit) for point in reversed(data.weigh_ins[-RECENT_WEIGH_INS:])],
        "latest": _row(data.latest, unit) if data.latest else None,
        "target": charts.in_unit(data.target_weight_kg, unit),
        "forecast_end": _forecast_end(data, unit),
        "averages": [_average_row(row, unit) for row in data.averages],
        "exercise_share": data.exercise_share,
        "exercise_share_label": share_label(data.exercise_share).lower(),
        "water": services.water_card(user, today),
        "report_week": period.default_week(today),
    }
    return render(request, "progress/overview.html", context, status=status)


def default_range(first_logged: date | None, today: date) -> str:
    """The shortest range that reaches back to the first day logged, DEFAULT_RANGE at most."""
    since = (today - first_logged).days + 1 if first_logged else 0
    for key, (_, days) in RANGES.items():
        if days >= since or key == DEFAULT_RANGE:
            return key
    return DEFAULT_RANGE


def _row(point: services.WeighIn, unit: str) -> dict[str, Any]:
    return {
        "id": point.id,
        "date": point.date,
        "weight": charts.in_unit(point.weight_kg, unit),
        "trend": charts.in_unit(point.trend_kg, unit),
        "body_fat_percent": point.body_fat_percent,
        "bmi": point.bmi,
    }


def _average_row(row: period.Averages, unit: str) -> dict[str, Any]:
    return {
        "label": row.label,
        "logged_days": row.logged_days,
        "days": row.days,
        "food_kcal": row.food_kcal,
        "exercise_kcal": row.exercise_kcal,
        "net_kcal": row.net_kcal,
        "weight_change": charts.in_unit(row.weight_change_kg, unit),
    }


def _forecast_end(data: period.Progress, unit: str) -> dict[str, Any] | None:
    if data.forecast is None or not data.forecast.points:
        return None
    day, kg = data.forecast.points[-1]
    return {"day": day, "weight": charts.in_unit(kg, unit), "reached_on": data.forecast.reached_on}


@login_required
@require_POST
def weigh_in(request: HttpRequest) -> HttpResponse:
    """Record a weigh-in from the progress page; errors are shown beside the fields."""
    user = signed_in(request)
    unit = request.POST.get("unit") or services.LB
    form = WeighInForm(request.POST, unit=unit if unit in services.WEIGHT_UNITS else services.LB)
    if form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.log_weight(
                user,
                day=data["date"],
                weight=data["weight"],
                unit=data["unit"],
                body_fat_percent=data["body_fat_percent"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            shown = f"{data['weight']:g} {data['unit']}"
            messages.success(request, f"Weigh-in saved: {shown} on {entry.date:%b %-d}.")
            return redirect(_back(request, reverse("progress:overview")))
    return _overview(request, form=form, status=INVALID)


@login_required
@require_POST
def delete_weigh_in(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(WeightEntry, pk=entry_id, user=request.user)
    entry.delete()
    messages.success(request, f"Deleted the weigh-in of {entry.date:%b %-d}.")
    return redirect(_back(request, reverse("progress:overview")))


@login_required
@require_POST
def add_water(request: HttpRequest, day: date) -> HttpResponse:
    """A cup of water with one tap, or an `amount` in `unit` (cups or ml) typed in. htmx gets
    the card back; a plain form goes back where it was."""
    user = signed_in(request)
    try:
        amount, unit = _water_amount(request)
        services.log_water(user, day=day, amount=amount, unit=unit)
    except ValidationError as error:
        if request.headers.get("HX-Request"):
            # 200, not 422: htmx 2 leaves the page as it was on a 4xx, so the error would not show.
            return _water_card(request, day, error=" ".join(error.messages))
        messages.error(request, " ".join(error.messages))
    return _water_answer(request, day)


def _water_amount(request: HttpRequest) -> tuple[float, str]:
    """The amount and unit sent, or one cup when none was."""
    typed = request.POST.get("amount", "").strip()
    unit = request.POST.get("unit", CUPS)
    if not typed:
        return 1.0, CUPS
    try:
        return float(typed), unit
    except ValueError:
        raise ValidationError(f"{typed!r} is not an amount of water.") from None


@login_required
@require_POST
def undo_water(request: HttpRequest, day: date) -> HttpResponse:
    services.undo_water(signed_in(request), day)
    return _water_answer(request, day)


def _water_answer(request: HttpRequest, day: date) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return _water_card(request, day)
    return redirect(_back(request, reverse("diary:day", args=[day])))


def _water_card(
    request: HttpRequest, day: date, *, error: str = "", status: int = 200
) -> HttpResponse:
    context = {"water": services.water_card(signed_in(request), day), "water_error": error}
    return render(request, "progress/_water.html", context, status=status)


@login_required
@require_safe
def report(request: HttpRequest) -> HttpResponse:
    """The week from Monday `?week=YYYY-MM-DD` (any day finds its Monday), printable."""
    today = timezone.localdate()
    try:
        asked = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        monday = period.default_week(today)
    else:
        if not is_supported_day(asked):
            raise Http404("No report for a week outside the days OpenPlate takes.")
        monday = period.monday_of(asked)
    week = period.week_report(signed_in(request), monday)
    unit = charts.weight_unit(week.units)
    rows = [
        {
            "day": day,
            "weight": charts.in_unit(day.weight_kg, unit),
            "water_cups": day.water_ml / ML_PER_US_CUP,
        }
        for day in week.days
    ]
    context = {
        "week": week,
        "rows": rows,
        "unit": unit,
        "weight_change": charts.in_unit(week.weight_change_kg, unit),
        "exercise_share_label": share_label(week.exercise_share).lower(),
        "previous_week": monday - timedelta(days=7),
        "next_week": monday + timedelta(days=7),
        "this_week": period.monday_of(today),
    }
    return render(request, "progress/report.html", context)


def _back(request: HttpRequest, default: str) -> str:
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return default
