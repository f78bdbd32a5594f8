"""Deleting an account and everything its owner has, once they have given their password again.

Every table that belongs to a person points at their user with `on_delete=CASCADE`: the profile,
goals, weekly check-ins, API tokens, diary entries, favourites, marks on days and saved meals,
exercise, weight and water entries, and the foods they made (whose servings and favourites go
with them). Another person's diary entry never points at those foods, since only their owner
sees them; if one did, `Entry.food` is `SET_NULL` and the entry would keep the name and
nutrients it was logged with.

Sessions do not point at their user: `end_sessions` (connected to every deletion of a user, by
this module, the admin or a script) finds the person's by what they hold, and ends them, so that
no browser stays signed in as someone who is gone.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction

WRONG_PASSWORD = "That is not your password. Nothing was deleted."
NO_PASSWORD = "Enter your password to delete your account."


def delete_account(user: User, password: str) -> None:
    """Delete `user` and everything they own, if `password` is theirs; otherwise raise
    ValidationError on `password` and delete nothing."""
    if not password:
        raise ValidationError({"password": [NO_PASSWORD]})
    if not user.check_password(password):
        raise ValidationError({"password": [WRONG_PASSWORD]})
    with transaction.atomic():
        user.delete()


def end_sessions(sender: type[User], instance: User, **kwargs: Any) -> None:
    """Delete the sessions signed in as `instance` (a `post_delete` receiver of User)."""
    user_id = str(instance.pk)
    signed_in = [
        session.pk
        for session in Session.objects.iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    Session.objects.filter(pk__in=signed_in).delete()
