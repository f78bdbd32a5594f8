"""What the check-in endpoints take and answer."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from openplate.coach.models import CheckIn
from openplate.core.api_support import InputSchema, WholeNumber

LOGGED = "In logged calories, as the person's own log counts them."


class CheckInOut(Schema):
    id: int
    date: dt.date = Field(description="The day of the check-in, in the person's time zone.")
    trend_weight_kg: float = Field(description="The weight trend on the day before.")
    trend_change_kg: float = Field(description="Its change since `change_since`.")
    change_since: dt.date = Field(
        description="The last check-in's day (the week before, for the first check-in)."
    )
    expenditure_kcal: float = Field(description="What the person burns, kcal a day. " + LOGGED)
    expenditure_low_kcal: float
    expenditure_high_kcal: float
    band: float = Field(description="How often the band holds the true value: 0.8 is 8 in 10.")
    days_logged: int = Field(description="Days of the last 7 with food logged (or a fast).")
    days_incomplete: int = Field(description="Days of the last 7 found incomplete.")
    rate_kg_per_week: float = Field(description="The goal's chosen rate, negative to lose.")
    current_budget_kcal: float
    unconstrained_budget_kcal: float = Field(
        description="Expenditure plus the chosen rate's daily change, before the safe range."
    )
    proposed_budget_kcal: float = Field(description="Inside the safe range. " + LOGGED)
    kcal_per_kg: float = Field(description="Logged kcal in a kg of weight change.")
    limits: list[str] = Field(
        description="The limits that held the proposal back: floor, weekly_loss, "
        "daily_deficit, daily_surplus, life_stage, underweight."
    )
    held_back: list[str] = Field(description="Why, a sentence for each limit.")
    notes: list[str]
    forecast_4_weeks_kg: float | None = Field(
        description="The Hall model's weight in 4 weeks at the proposed budget."
    )
    forecast_12_weeks_kg: float | None
    target_weight_kg: float | None = Field(description="The goal weight, if the goal has one.")
    target_earliest: dt.date | None = Field(
        description="The goal weight reached, if expenditure is at the band's high end."
    )
    target_latest: dt.date | None = Field(
        description="...at its low end; null when not within three years."
    )
    decision: CheckIn.Decision
    decided_at: dt.datetime | None
    can_answer: bool = Field(description="Pending and of the current week: accept or keep it.")


class CheckInsOut(Schema):
    due: CheckInOut | None = Field(description="This week's check-in while it waits for an answer.")
    not_ready: str | None = Field(
        description="Why no check-in could be made this week yet (too little logged or weighed)."
    )
    check_in_weekday: int = Field(description="The check-in day: 0 Monday to 6 Sunday.")
    next_check_in: dt.date = Field(description="The first day of the next check-in week.")
    check_ins: list[CheckInOut] = Field(description="Every check-in, newest first.")


class AcceptedOut(Schema):
    check_in: CheckInOut
    budget_kcal: float = Field(description="The new daily budget, from `starts_on` on.")
    starts_on: dt.date


class WeekdayIn(InputSchema):
    weekday: WholeNumber = Field(ge=0, le=6, description="0 Monday to 6 Sunday.")


class WeekdayOut(Schema):
    check_in_weekday: int
    next_check_in: dt.date
