"""Weight and water: weigh-ins with their trend and BMI, and the day's water.

Weigh-ins and water are the caller's only: another person's weigh-in answers 404, as a missing
one does.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from pydantic import Field

from openplate.body import services
from openplate.body.schemas import (
    DATE,
    PeriodQuery,
    WaterIn,
    WaterOut,
    WeighInIn,
    WeighInOut,
)
from openplate.core.api_errors import Errors
from openplate.core.api_support import BODY, Day, QuerySchema, caller, errors_at
from openplate.core.dates import day_problem

router = Router(tags=["weight and water"])


class DayQuery(QuerySchema):
    date: Day = Field(description=DATE)


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


ENTRY_ID = re.compile(r"[0-9]{1,18}")  # a database id: at most 2**63 - 1


@router.delete("/weights/{day}", response={204: None})
def delete_weight(request: HttpRequest, day: str) -> Status[None]:
    """Delete a weigh-in by its day (YYYY-MM-DD), or by its id."""
    user = caller(request)
    if ENTRY_ID.fullmatch(day):
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


@router.delete("/water/last", response={200: WaterOut, 404: Errors})
def undo_water(request: HttpRequest, query: Query[DayQuery]) -> services.WaterCard:
    """Remove the day's last water (undo); answers the day's total. 404 when there is none."""
    user = caller(request)
    _check_day(query.date)
    if services.undo_water(user, query.date) is None:
        raise Http404
    return services.water_card(user, query.date)


def _check_day(day: dt.date) -> None:
    if problem := day_problem(day):
        with errors_at(("query",)):
            raise ValidationError({"date": [problem]})
