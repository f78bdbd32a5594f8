"""`{% check_in_card as card %}`: what the card on the day page says of the weekly check-in.

The diary sits below the coach, so its view cannot ask for the check-in; its template includes
the coach's card, and the card asks through this tag, only when it is shown. The tag reads one
row (this week's check-in) and makes nothing: a check-in is made on the check-in page or by the
API, so the day page costs one query more, not an estimate, whoever opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.contrib.auth.models import User

from openplate.accounts.profile import today_for
from openplate.coach import checkins
from openplate.coach.models import CheckIn

register = template.Library()


@dataclass(frozen=True)
class Card:
    check_in: CheckIn | None  # None: it is the check-in day and none is made yet


@register.simple_tag(takes_context=True)
def check_in_card(context: dict[str, Any]) -> Card | None:
    """This week's check-in while it waits for an answer; on the check-in day before it is
    made, an invitation; else None."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return None
    today = today_for(user)
    this_week = checkins.this_weeks_check_in(user, today)
    if this_week is not None:
        return Card(this_week) if checkins.can_answer(this_week, today) else None
    if today.weekday() == checkins.check_in_weekday(user):
        return Card(None)
    return None
