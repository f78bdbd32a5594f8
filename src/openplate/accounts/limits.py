"""Limits on guessing: how many attempts a client address (or an e-mail address) may make at
signing in, signing up, resetting a password or using an API token in a window of time.

Each limit counts in the database (`AttemptCount`), so that every worker process of the server
sees the same counts. `hit` adds one attempt and reads the new count in one transaction: the
UPDATE holds the row (PostgreSQL's row lock, SQLite's write lock) until the transaction ends, so
two processes can never both read the same count, and exactly `attempts` attempts pass in a
window however many processes make them at once. The window starts at a key's first attempt and
lasts `window`; the first attempt after it starts a new one.

Locking an account after failed passwords is django-axes' work (settings.AXES_*), which counts
the failures of every `authenticate()`, the admin's sign-in included.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Subquery, Value, When
from django.db.models.functions import Greatest
from django.utils import timezone

from openplate.accounts.models import AttemptCount


@dataclass(frozen=True)
class Limit:
    """At most `attempts` attempts a key in `window`; `name` is what the counts are kept by."""

    name: str
    attempts: int
    window: timedelta


@dataclass(frozen=True)
class Refusal:
    """An attempt refused by `limit`: the next one is let through at `until`."""

    limit: Limit
    until: datetime


class Refused(Exception):
    """An attempt over a limit, refused before it was tried."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(f"over the limit {refusal.limit.name} until {refusal.until}")
        self.refusal = refusal


# The limits, by name; the numbers are in settings.GUESSING_LIMITS (docs/accounts.md).
SIGN_IN_PER_ADDRESS = "sign_in_per_address"
SIGN_UP_PER_ADDRESS = "sign_up_per_address"
RESET_PER_ADDRESS = "reset_per_address"
RESET_PER_EMAIL = "reset_per_email"
WRONG_TOKEN_PER_ADDRESS = "wrong_token_per_address"


def limit(name: str) -> Limit:
    """The limit `name` as the settings set it now."""
    attempts, minutes = settings.GUESSING_LIMITS[name]
    return Limit(name, attempts, timedelta(minutes=minutes))


def hit(limit: Limit, key: str) -> Refusal | None:
    """Count one attempt by `key`; a Refusal when it is over the limit (refused attempts count
    too, but do not lengthen the window)."""
    now = timezone.now()
    digest = _digest(key)
    with transaction.atomic():
        counted = _count_one(limit, digest, now)
        if not counted:
            try:
                with transaction.atomic():  # a savepoint: a duplicate leaves the rest intact
                    AttemptCount.objects.create(
                        limit=limit.name, digest=digest, count=1, started=now
                    )
            except IntegrityError:  # another process made it first: count on theirs
                _count_one(limit, digest, now)
            _forget_old_counts(now)
        count, started = (
            AttemptCount.objects.filter(limit=limit.name, digest=digest)
            .values_list("count", "started")
            .get()
        )
    return Refusal(limit, started + limit.window) if count > limit.attempts else None


def refused_since(limit: Limit, key: str) -> Subquery:
    """For a query's annotation: when `key`'s window started if its next attempt would be over
    the limit, else NULL."""
    return refused_since_of(*refusal_values(limit, key))


def refusal_values(limit: Limit, key: str) -> tuple[str, str, datetime, int]:
    """What `refused_since_of` takes for `key` under `limit` now."""
    return limit.name, _digest(key), timezone.now() - limit.window, limit.attempts


def refused_since_of(name: str, digest: str, window_start: datetime, attempts: int) -> Subquery:
    """`refused_since` from its values (`refusal_values`), for a query compiled once."""
    over = AttemptCount.objects.filter(
        limit=name, digest=digest, started__gt=window_start, count__gte=attempts
    )
    return Subquery(over.values("started")[:1])


def give_back(limit: Limit, key: str) -> None:
    """Uncount one attempt of `key`'s (one that turned out not to be a guess)."""
    AttemptCount.objects.filter(limit=limit.name, digest=_digest(key)).update(
        count=Greatest(F("count") - 1, Value(0))
    )


def _count_one(limit: Limit, digest: str, now: datetime) -> bool:
    """Add one to the count, or start a new window if the last one is over; False if there is no
    count yet."""
    window_over = Q(started__lte=now - limit.window)
    updated = AttemptCount.objects.filter(limit=limit.name, digest=digest).update(
        count=Case(When(window_over, then=Value(1)), default=F("count") + 1),
        started=Case(When(window_over, then=Value(now)), default=F("started")),
    )
    return updated > 0


def _forget_old_counts(now: datetime) -> None:
    """Delete the counts older than the longest window (called when a count is made, not on
    every attempt)."""
    longest = max(minutes for _, minutes in settings.GUESSING_LIMITS.values())
    AttemptCount.objects.filter(started__lte=now - timedelta(minutes=longest)).delete()


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
