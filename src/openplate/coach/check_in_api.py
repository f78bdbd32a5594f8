"""The check-in endpoints, added to the coach's router: this week's check-in and the past ones,
the two answers, and the day of the week it comes on."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from openplate.accounts.profile import today_for
from openplate.coach import checkins
from openplate.coach.check_in_schemas import (
    AcceptedOut,
    CheckInOut,
    CheckInsOut,
    WeekdayIn,
    WeekdayOut,
)
from openplate.coach.models import CheckIn
from openplate.core.api_support import PathId, caller, errors_at

# A check-in that can no longer be answered is refused at the id that named it.
AT_THE_ID = {"decision": ["check_in_id"]}


def add_check_in_routes(router: Router) -> None:
    router.get("/check-ins", response=CheckInsOut)(list_check_ins)
    router.post("/check-ins/{check_in_id}/accept", response=AcceptedOut)(accept_check_in)
    router.post("/check-ins/{check_in_id}/keep", response=CheckInOut)(keep_check_in)
    router.put("/check-ins/weekday", response=WeekdayOut)(set_check_in_weekday)


def list_check_ins(request: HttpRequest) -> dict[str, Any]:
    """This week's check-in while it waits for an answer (made now when it is due and there is
    enough to go on; `not_ready` says why not), and every check-in, newest first."""
    user = caller(request)
    today = today_for(user)
    week = checkins.this_week(user, today)
    due = week.check_in if week.check_in and checkins.can_answer(week.check_in, today) else None
    return {
        "due": check_in_json(due, today) if due else None,
        "not_ready": week.not_ready,
        "check_in_weekday": checkins.check_in_weekday(user),
        "next_check_in": checkins.next_check_in_day(user, today),
        "check_ins": [check_in_json(row, today) for row in checkins.past_check_ins(user)],
    }


def accept_check_in(request: HttpRequest, check_in_id: PathId) -> dict[str, Any]:
    """Take the proposed budget: a goal from today with it. 422 when the check-in is answered
    already, is of an earlier week, or the goal changed since; 404 when it is not the caller's."""
    user = caller(request)
    check_in = get_object_or_404(CheckIn, pk=check_in_id, user=user)
    today = today_for(user)
    with errors_at(("path",), AT_THE_ID):
        goal = checkins.accept(check_in, today=today)
    return {
        "check_in": check_in_json(check_in, today),
        "budget_kcal": goal.budget_kcal,
        "starts_on": goal.starts_on,
    }


def keep_check_in(request: HttpRequest, check_in_id: PathId) -> dict[str, Any]:
    """Keep the current budget. 422 and 404 as for accepting."""
    user = caller(request)
    check_in = get_object_or_404(CheckIn, pk=check_in_id, user=user)
    today = today_for(user)
    with errors_at(("path",), AT_THE_ID):
        checkins.keep(check_in, today=today)
    return check_in_json(check_in, today)


def set_check_in_weekday(request: HttpRequest, payload: WeekdayIn) -> dict[str, Any]:
    """Check in on `weekday` (0 Monday to 6 Sunday) from now on."""
    user = caller(request)
    with errors_at(renames={"check_in_weekday": ["weekday"]}):
        weekday = checkins.set_check_in_weekday(user, payload.weekday)
    return {
        "check_in_weekday": weekday,
        "next_check_in": checkins.next_check_in_day(user, today_for(user)),
    }


def check_in_json(check_in: CheckIn, today: date) -> dict[str, Any]:
    """The check-in's fields as `CheckInOut` names them, and whether it can still be answered."""
    stored = [name for name in CheckInOut.model_fields if name != "can_answer"]
    fields = {name: getattr(check_in, name) for name in stored}
    return fields | {"can_answer": checkins.can_answer(check_in, today)}
