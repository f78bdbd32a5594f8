"""What the coach's endpoints take and answer."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from openplate.coach.expenditure import DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS
from openplate.core.api_support import Day, QuerySchema
from openplate.science.expenditure import DayStatus

LOGGED_KCAL = "kcal a day, in logged calories: as the person's own log counts them."


class ExpenditureQuery(QuerySchema):
    end: Day | None = Field(
        default=None, description="The window's last day; the caller's today if left out."
    )
    days: int = Field(
        default=DEFAULT_WINDOW_DAYS,
        ge=MIN_WINDOW_DAYS,
        le=MAX_WINDOW_DAYS,
        description="How many days the window holds, ending on `end`.",
    )


class ExpenditureDayOut(Schema):
    date: dt.date
    intake_kcal: int | None = Field(description="As logged; null when nothing was logged.")
    weight_kg: float | None = Field(description="The day's weigh-in; null without one.")
    status: DayStatus = Field(
        description="The person's mark on the day (complete, excluded, fasted), or auto."
    )
    expenditure_kcal: int = Field(description=LOGGED_KCAL)
    low_kcal: int
    high_kcal: int
    trend_weight_kg: float
    incomplete: bool = Field(description="Found incomplete, so its food was left out.")
    used: bool = Field(description="Its intake entered the estimate (a fast as 0 kcal).")


class ExpenditureOut(Schema):
    expenditure_kcal: int = Field(
        description="What the person burns, averaged over the window's last 7 days; " + LOGGED_KCAL
    )
    low_kcal: int = Field(description="The band's low end.")
    high_kcal: int = Field(description="The band's high end.")
    band: float = Field(description="How often the band holds the true value: 0.8 is 8 in 10.")
    trend_weight_kg: float = Field(description="The weight trend on the last day.")
    incomplete_days: list[dt.date] = Field(
        description="Days found incomplete and left out; mark them with PUT /api/days/{day}/mark."
    )
    days_used: int = Field(description="Days whose intake entered the estimate.")
    start: dt.date
    end: dt.date
    days: list[ExpenditureDayOut]
