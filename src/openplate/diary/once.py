"""Logging once per client key: a device that sends the same entry again (it lost the answer, or
sent it twice from its offline queue) gets the entry it already logged, never a second one."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from openplate.diary.models import Entry


def log_once(
    user: User, client_key: uuid.UUID | None, log: Callable[[], Entry]
) -> tuple[Entry, bool]:
    """The entry `log` makes, keeping `client_key` on it, and True; or, when that key already
    logged one (this call sent again, maybe at the same moment), that entry and False."""
    if client_key is None:
        return log(), True
    logged = logged_with(user, client_key)
    if logged is not None:
        return logged, False
    try:
        with transaction.atomic():
            entry = log()
            Entry.objects.filter(pk=entry.pk).update(client_key=client_key)
    except IntegrityError:  # the same key, logged by a call that finished first
        logged = logged_with(user, client_key)
        if logged is None:
            raise
        return logged, False
    entry.client_key = client_key
    return entry, True


def logged_with(user: User, client_key: uuid.UUID) -> Entry | None:
    """The entry `user` logged with `client_key`, if any."""
    return Entry.objects.filter(user=user, client_key=client_key).first()
