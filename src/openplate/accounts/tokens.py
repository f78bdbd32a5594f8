"""Personal API tokens: made and revoked on the settings page, checked on every API request."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from openplate.accounts import limits
from openplate.accounts.models import Account, ApiToken
from openplate.core.compiled import CompiledQuery

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet

TOKEN_PREFIX = "op_"
SHOWN_CHARACTERS = 10
MAX_TOKENS_PER_USER = 50


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; returns it and its secret, which is shown once and never stored."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": ["Give the token a name, such as the script that uses it."]})
    if len(name) > ApiToken._meta.get_field("name").max_length:  # type: ignore[operator]
        raise ValidationError({"name": ["At most 100 characters."]})
    if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS_PER_USER:
        raise ValidationError(
            {"name": [f"At most {MAX_TOKENS_PER_USER} tokens; revoke one first."]}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, digest=_digest(secret), prefix=secret[:SHOWN_CHARACTERS]
    )
    return token, secret


def user_for_token(secret: str, address: str | None = None) -> User | None:
    """The owner of the token `secret`, or None; notes when the token was last used.

    With the client's `address`, a token that matches none counts against the address's limit
    of wrong tokens, and while the address is over it every token it sends is refused
    (limits.Refused), the right one too, so a guesser cannot tell a right guess from a wrong one.
    The check rides on the token's own query: a right token costs one query, compiled once.
    """
    limit = limits.limit(limits.WRONG_TOKEN_PER_ADDRESS)
    found = _found(secret, limit, address) if secret.startswith(TOKEN_PREFIX) else None
    if found is None:
        if address is not None and (refusal := limits.hit(limit, address)):
            raise limits.Refused(refusal)
        return None
    if found.refused_since is not None:
        raise limits.Refused(limits.Refusal(limit, found.refused_since + limit.window))
    if not found.user.is_active:
        return None
    now = timezone.now()
    if found.last_used is None or (now - found.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=found.token_id).update(last_used=now)  # once a minute at most
    return found.user


@dataclass(frozen=True)
class _Found:
    token_id: int
    last_used: datetime | None
    user: User
    refused_since: datetime | None


_USER_FIELDS = [field.attname for field in get_user_model()._meta.concrete_fields]
_ACCOUNT_FIELDS = [field.attname for field in Account._meta.concrete_fields]
_TOKEN_COLUMNS = (
    "id",
    "last_used",
    *(f"user__{name}" for name in _USER_FIELDS),
    *(f"user__account__{name}" for name in _ACCOUNT_FIELDS),
)


def _token_owner(digest: str) -> QuerySet[ApiToken]:
    # The digest is unique: [:1] without first()'s ordering, which would cost a sixth of it.
    return ApiToken.objects.filter(digest=digest).order_by().values_list(*_TOKEN_COLUMNS)[:1]


def _token_owner_and_refusal(
    digest: str, limit_name: str, address_digest: str, window_start: datetime, attempts: int
) -> QuerySet[ApiToken]:
    refused = limits.refused_since_of(limit_name, address_digest, window_start, attempts)
    return (
        ApiToken.objects.filter(digest=digest)
        .order_by()
        .annotate(refused_since=refused)
        .values_list(*_TOKEN_COLUMNS, "refused_since")[:1]
    )


_SAMPLE_DIGEST = "token-digest-sample"
_TOKEN_OWNER = CompiledQuery(_token_owner, _SAMPLE_DIGEST)
_TOKEN_OWNER_AND_REFUSAL = CompiledQuery(
    _token_owner_and_refusal,
    _SAMPLE_DIGEST,
    "limit-name-sample",
    "address-digest-sample",
    datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC),
    987_654_321,
)


def _found(secret: str, limit: limits.Limit, address: str | None) -> _Found | None:
    if address is None:
        return _find(_TOKEN_OWNER.rows(_digest(secret)))
    refusal = limits.refusal_values(limit, address)
    return _find(_TOKEN_OWNER_AND_REFUSAL.rows(_digest(secret), *refusal))


def _find(rows: list[tuple[Any, ...]]) -> _Found | None:
    """The token's row as its owner, with the account (their time zone) already read."""
    if not rows:
        return None
    row = rows[0]
    users_end = 2 + len(_USER_FIELDS)
    accounts_end = users_end + len(_ACCOUNT_FIELDS)
    user = get_user_model().from_db("default", _USER_FIELDS, row[2:users_end])
    account_values = row[users_end:accounts_end]
    account = (
        None
        if account_values[0] is None
        else Account.from_db("default", _ACCOUNT_FIELDS, account_values)
    )
    if account is not None:
        Account.user.field.set_cached_value(account, user)
    Account.user.field.remote_field.set_cached_value(user, account)
    refused_since = row[accounts_end] if len(row) > accounts_end else None
    return _Found(row[0], row[1], user, refused_since)


def revoke_token(user: User, token_id: int) -> bool:
    """Delete `user`'s token `token_id`; False when they have no such token."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
