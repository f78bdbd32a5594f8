"""The progress series and the weekly report: the caller's days, summed."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from pydantic import Field

from openplate.body.schemas import PeriodQuery
from openplate.core.api_support import Day, QuerySchema, caller, errors_at
from openplate.core.dates import day_problem
from openplate.progress import period
from openplate.progress.schemas import ProgressOut, WeekReportOut

MAX_PERIOD_DAYS = 3 * 366

router = Router(tags=["weight and water"])


class WeekQuery(QuerySchema):
    week: Day | None = Field(
        default=None,
        description="Any day of the week (its Monday is taken); the last full week if left out.",
    )


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
