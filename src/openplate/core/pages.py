"""What the pages' views share."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


def signed_in(request: HttpRequest) -> User:
    """The person a `@login_required` page is serving."""
    user = request.user
    assert isinstance(user, User), "login_required lets no anonymous request in"
    return user
