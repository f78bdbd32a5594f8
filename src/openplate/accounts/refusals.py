"""The answers to an attempt over a limit on guessing: 429 Too Many Requests with `Retry-After`
(whole seconds), as a page in the site's look or, on the API, in the API's error shape."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from openplate.accounts import limits

TOO_MANY_REQUESTS = 429

# What each limit tells the person refused: a title and why.
EXPLANATIONS = {
    limits.SIGN_IN_PER_ADDRESS: (
        "Too many sign-in attempts",
        "Too many sign-ins that failed have come from your network, so signing in from it is "
        "paused for a while.",
    ),
    limits.SIGN_UP_PER_ADDRESS: (
        "Too many sign-ups",
        "Too many accounts have been asked for from your network, so signing up from it is "
        "paused for a while.",
    ),
    limits.RESET_PER_ADDRESS: (
        "Too many password resets",
        "Too many password-reset links have been asked for from your network, so asking is "
        "paused for a while.",
    ),
    limits.RESET_PER_EMAIL: (
        "Too many password resets for this address",
        "Several reset links have already been sent to this e-mail address. Look for the "
        "latest one in your inbox (and the spam folder), or ask again later.",
    ),
}
ACCOUNT_LOCKED = (
    "This account is locked for a while",
    "Too many wrong passwords were tried for this account, so signing in to it is paused. "
    "If you have forgotten your password, reset it by e-mail: that works now, and the new "
    "password ends the lockout at once.",
)


def too_many_attempts(request: HttpRequest, refusal: limits.Refusal) -> HttpResponse:
    """The page, or on the API its JSON, for an attempt `refusal` refused."""
    if _is_api(request):
        return api_refusal(refusal.until)
    title, explanation = EXPLANATIONS[refusal.limit.name]
    offer_reset = refusal.limit.name == limits.SIGN_IN_PER_ADDRESS
    return _page(request, refusal.until, title, explanation, offer_reset=offer_reset)


def api_refusal(until: datetime) -> HttpResponse:
    seconds = _seconds_until(until)
    message = f"Too many attempts from this address; try again in {seconds} seconds."
    body = {"detail": [{"type": "rate_limited", "loc": [], "msg": message}]}
    response = JsonResponse(body, status=TOO_MANY_REQUESTS)
    response["Retry-After"] = str(seconds)
    return response


def account_locked(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any = None
) -> HttpResponse:
    """django-axes' lockout answer (settings.AXES_LOCKOUT_CALLABLE): the lockout ends a cool-off
    after the failure that caused it (failures while locked are not counted)."""
    username = get_client_username(request, credentials)
    last_failure = AccessAttempt.objects.filter(username=username).aggregate(
        last=Max("attempt_time")
    )["last"]
    cool_off = get_cool_off(request)
    assert cool_off is not None  # settings.AXES_COOLOFF_TIME is always set
    until = (last_failure or timezone.now()) + cool_off
    title, explanation = ACCOUNT_LOCKED
    return _page(request, until, title, explanation, offer_reset=True)


def _page(
    request: HttpRequest, until: datetime, title: str, explanation: str, *, offer_reset: bool
) -> HttpResponse:
    seconds = _seconds_until(until)
    context = {
        "title": title,
        "explanation": explanation,
        "minutes": math.ceil(seconds / 60),
        "offer_reset": offer_reset,
    }
    response = render(request, "429.html", context, status=TOO_MANY_REQUESTS)
    response["Retry-After"] = str(seconds)
    return response


def _seconds_until(until: datetime) -> int:
    return max(1, math.ceil((until - timezone.now()).total_seconds()))


def _is_api(request: HttpRequest) -> bool:
    match = request.resolver_match
    return match is not None and match.app_name == "ninja"
