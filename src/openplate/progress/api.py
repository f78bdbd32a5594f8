"""Weight, water, the progress series and the weekly report.

Weigh-ins and water are the caller's only: another person's weigh-in answers 404, as a missing
one does.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from openplate.api_support import BODY, caller, errors_at
from openplate.dates import day_problem
from openplate.progress import period, services
from openplate.progress.schemas import (
    DATE,
    ProgressOut,
    WaterIn,
    WaterOut,
    WeekReportOut,
    WeighInIn,
    WeighInOut,
)

MAX_PERIOD_DAYS = 3 * 366

router = Router(tags=["weight and water"])


class PeriodQuery(Schema):
    start: dt.date | None = Field(
        default=None, description="The first day; 28 days back if left out."
    )
    end: dt.date | None = Field(default=None, description="The last day; today if left out.")


class DayQuery(Schema):
    date: dt.date = Field(description=DATE)


class WeekQuery(Schema):
    week: dt.date | None = Field(
        default=None,
        description="Any day of the week (its Monday is taken); the last full week if left out.",
    )


@router.get("/weights", response=list[WeighInOut])
def list_weights(request: HttpRequest, query: Query[PeriodQuery]) -> list[services.WeighIn]:
    """The caller's weigh-ins, oldest first, each with its trend and BMI; all of them unless a
    start or end is given."""
    return services.weigh_ins(caller(request), query.start, query.end)


@router.post("/weights", response={201: WeighInOut})
def log_weight(request: HttpRequest, payload: WeighInIn) -> Status[services.WeighIn]:
    """Record a weigh-in, as `value` and `unit` or as `weight_kg`; a second one the same day
    replaces the first."""
    user = caller(request)
    if (payload.value is None) == (payload.weight_kg is None):
        raise ValidationError({"value": ["Give value (with unit) or weight_kg, not both."]})
    field = "value" if payload.value is not None else "weight_kg"
    with errors_at(BODY, {"weight": (field,)}):
        entry = services.log_weight(
            user,
            day=payload.date,
            weight=payload.value if payload.value is not None else payload.weight_kg,
            unit=payload.unit if payload.value is not None else services.KG,
            body_fat_percent=payload.body_fat_percent,
        )
    return Status(201, services.weigh_ins(user, entry.date, entry.date)[0])


@router.delete("/weights/{day}", response={204: None})
def delete_weight(request: HttpRequest, day: str) -> Status[None]:
    """Delete a weigh-in by its day (YYYY-MM-DD), or by its id."""
    user = caller(request)
    if day.isdigit():
        deleted = services.delete_weight(user, entry_id=int(day))
    else:
        try:
            weighed_on = dt.date.fromisoformat(day)
        except ValueError:
            raise Http404 from None
        deleted = services.delete_weight(user, day=weighed_on)
    if not deleted:
        raise Http404
    return Status(204, None)


@router.get("/water", response=WaterOut)
def get_water(request: HttpRequest, query: Query[DayQuery]) -> services.WaterCard:
    """The day's water against the goal."""
    _check_day(query.date)
    return services.water_card(caller(request), query.date)


@router.post("/water", response={201: WaterOut})
def log_water(request: HttpRequest, payload: WaterIn) -> Status[services.WaterCard]:
    """Log water (one cup unless told otherwise); answers the day's total."""
    user = caller(request)
    services.log_water(user, day=payload.date, amount=payload.amount, unit=payload.unit)
    return Status(201, services.water_card(user, payload.date))


@router.delete("/water/last", response=WaterOut)
def undo_water(request: HttpRequest, query: Query[DayQuery]) -> services.WaterCard:
    """Remove the day's last water (undo); answers the day's total. 404 when there is none."""
    user = caller(request)
    _check_day(query.date)
    if services.undo_water(user, query.date) is None:
        raise Http404
    return services.water_card(user, query.date)


@router.get("/progress", response=ProgressOut)
def get_progress(request: HttpRequest, query: Query[PeriodQuery]) -> period.Progress:
    """The series the progress page charts, day by day from `start` to `end` (at most three
    years): calories eaten against the budget, exercise, water, weigh-ins with their trend,
    the forecast from the goal, the macro split, averages and streaks."""
    today = timezone.localdate()
    end = query.end or today
    start = query.start or end - dt.timedelta(days=27)
    errors = {}
    if problem := day_problem(end):
        errors["end"] = [problem]
    if start > end:
        errors["start"] = ["Start on or before the end."]
    elif (end - start).days >= MAX_PERIOD_DAYS:
        errors["start"] = [f"At most {MAX_PERIOD_DAYS} days at a time."]
    if errors:
        with errors_at(("query",)):
            raise ValidationError(errors)
    return period.progress(caller(request), start, end, today=today)


@router.get("/reports/week", response=WeekReportOut)
def get_week_report(request: HttpRequest, query: Query[WeekQuery]) -> period.WeekReport:
    """Monday to Sunday: each day's budget, food, exercise, net, remaining, macros, water and
    weight, with the week's totals and averages."""
    monday = (
        period.monday_of(query.week) if query.week else period.default_week(timezone.localdate())
    )
    if problem := day_problem(monday):
        with errors_at(("query",)):
            raise ValidationError({"week": [problem]})
    return period.week_report(caller(request), monday)


def _check_day(day: dt.date) -> None:
    if problem := day_problem(day):
        with errors_at(("query",)):
            raise ValidationError({"date": [problem]})
