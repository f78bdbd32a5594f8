"""Every request runs in the signed-in person's time zone, so that "today" is their day.

It comes after Django's AuthenticationMiddleware. A request with an API token is signed in later,
inside the API (`openplate.api.TokenAuth`), which activates the zone itself; anyone else gets
the server's zone (settings.TIME_ZONE).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from openplate.accounts.profile import activate_time_zone


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
