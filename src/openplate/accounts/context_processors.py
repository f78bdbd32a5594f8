"""What every page's template may read of the signed-in person's settings."""

from __future__ import annotations

from django.http import HttpRequest

from openplate.accounts.numbers_light import numbers_light_of


def numbers_light(request: HttpRequest) -> dict[str, bool]:
    """`numbers_light`: leave calorie figures out of the page (see accounts.numbers_light)."""
    user = getattr(request, "user", None)
    on = user is not None and user.is_authenticated and numbers_light_of(user)
    return {"numbers_light": on}
