"""Every request runs in the signed-in person's time zone, so that "today" is their day; and
the limits on guessing are kept at the sign-in, sign-up, password-reset and API doors.

Both come after Django's AuthenticationMiddleware. A request with an API token is signed in
later, inside the API (`openplate.api.TokenAuth`), which activates the zone itself; anyone else
gets the server's zone (settings.TIME_ZONE).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode

from openplate.accounts import limits
from openplate.accounts.profile import activate_time_zone
from openplate.accounts.refusals import too_many_attempts
from openplate.core.client import client_address


class TimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            activate_time_zone(user)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()  # the thread's next request starts from the server's zone


class GuessingLimitsMiddleware:
    """The limits on guessing (openplate.accounts.limits) at the doors a guesser knocks on.

    Sent forms are counted by the client's address: sign-in (the site's and the admin's),
    sign-up and password reset, which is also counted by the e-mail address it would mail. An
    attempt over a limit is answered 429 before the view runs. A sign-in that succeeds gives its
    count back, so the address limit counts failures only. The API's tokens are counted where
    they are checked (accounts.tokens.user_for_token), which leaves the refusal on the request
    for this middleware to answer. A password reset completed ends the account's lockout
    (django-axes counts those failures).
    """

    SIGN_IN_VIEWS = frozenset({"login", "admin:login"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        refusal = getattr(request, "guessing_refusal", None)  # set by the API's TokenAuth
        if refusal is not None and response.status_code == 401:  # no session let them in either
            return too_many_attempts(request, refusal)
        match = request.resolver_match
        if match is not None and request.method == "POST":
            self._after_form(request, match.view_name, match.kwargs, response)
        return response

    def _after_form(
        self, request: HttpRequest, view_name: str, kwargs: Any, response: HttpResponse
    ) -> None:
        if view_name in self.SIGN_IN_VIEWS and getattr(request, "sign_in_counted", False):
            if request.user.is_authenticated:
                limits.give_back(limits.limit(limits.SIGN_IN_PER_ADDRESS), client_address(request))
        elif view_name == "password_reset_confirm" and _is_redirect_to(
            response, "password_reset_complete"
        ):
            _end_lockout(kwargs.get("uidb64", ""))

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None:
            return None
        if request.method != "POST":
            return None
        address = client_address(request)
        refusal: limits.Refusal | None = None
        if match.view_name in self.SIGN_IN_VIEWS:
            refusal = limits.hit(limits.limit(limits.SIGN_IN_PER_ADDRESS), address)
            request.sign_in_counted = True  # type: ignore[attr-defined]
        elif match.view_name == "accounts:signup":
            refusal = limits.hit(limits.limit(limits.SIGN_UP_PER_ADDRESS), address)
        elif match.view_name == "password_reset":
            refusal = limits.hit(limits.limit(limits.RESET_PER_ADDRESS), address)
            if refusal is None and (email := _email_asked_for(request)):
                refusal = limits.hit(limits.limit(limits.RESET_PER_EMAIL), email)
        return too_many_attempts(request, refusal) if refusal else None


def _email_asked_for(request: HttpRequest) -> str:
    return str(request.POST.get("email", "")).strip().lower()


def _is_redirect_to(response: HttpResponse, url_name: str) -> bool:
    return response.status_code == 302 and response.get("Location") == reverse(url_name)


def _end_lockout(uidb64: str) -> None:
    """Forget the failed sign-ins of the account whose password was just reset."""
    try:
        user_id = urlsafe_base64_decode(uidb64).decode()
    except ValueError:
        return
    username = get_user_model().objects.filter(pk=user_id).values_list("username", flat=True)
    for name in username[:1]:
        axes_reset(username=name)
