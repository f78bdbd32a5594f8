"""Marks on a day: the person's own word on a day's log, which the expenditure estimate takes
over its own judgement. "Complete" counts the day as logged, even a light one; "left out" makes
its intake unknown (its weigh-in still counts); "fasted" counts it as nothing eaten, where a day
with nothing logged would be unknown.

The pages and the API both call these functions; each raises ValidationError naming the field at
fault and then changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from openplate.core.checks import day_errors, raise_errors
from openplate.diary.models import DayMark

if TYPE_CHECKING:
    from django.contrib.auth.models import User

STATUS_MESSAGE = "Choose complete, excluded or fasted."


def mark_day(user: User, *, day: date, status: Any) -> DayMark:
    """Mark `day` complete, excluded or fasted; a mark already on the day is replaced."""
    errors = day_errors(day)
    if status not in DayMark.Status.values:
        errors["status"] = [STATUS_MESSAGE]
    raise_errors(errors)
    mark, _ = DayMark.objects.update_or_create(user=user, day=day, defaults={"status": status})
    return mark


def clear_mark(user: User, *, day: date) -> bool:
    """Take the mark off `day`, leaving it to the estimate's judgement; False when it had none."""
    deleted, _ = DayMark.objects.filter(user=user, day=day).delete()
    return deleted > 0


def mark_on(user: User, day: date) -> DayMark | None:
    return DayMark.objects.filter(user=user, day=day).first()


def marks_between(user: User, start: date, end: date) -> dict[date, str]:
    """The status of every marked day from `start` to `end` (inclusive), in one query."""
    rows = DayMark.objects.filter(user=user, day__gte=start, day__lte=end).values_list(
        "day", "status"
    )
    return dict(rows)
