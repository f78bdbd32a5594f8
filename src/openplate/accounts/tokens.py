"""Personal API tokens: made and revoked on the settings page, checked on every API request."""

from __future__ import annotations

import hashlib
import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone

from openplate.accounts import limits
from openplate.accounts.models import ApiToken

if TYPE_CHECKING:
    from datetime import datetime

    from django.contrib.auth.models import User

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
    The check rides on the token's own query: a right token still costs one query.
    """
    limit = limits.limit(limits.WRONG_TOKEN_PER_ADDRESS)
    tokens = ApiToken.objects.select_related("user", "user__account")  # the account: time zone
    if address is not None:
        tokens = tokens.annotate(refused_since=limits.refused_since(limit, address))
    # The digest is unique: [:1] without first()'s ordering, which would cost a sixth of the check.
    matches = tokens.filter(digest=_digest(secret)).order_by()[:1]
    token = next(iter(matches), None) if secret.startswith(TOKEN_PREFIX) else None
    if token is None:
        if address is not None and (refusal := limits.hit(limit, address)):
            raise limits.Refused(refusal)
        return None
    refused_since: datetime | None = getattr(token, "refused_since", None)  # the annotation
    if refused_since is not None:
        raise limits.Refused(limits.Refusal(limit, refused_since + limit.window))
    if not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)  # once a minute at most
    return token.user


def revoke_token(user: User, token_id: int) -> bool:
    """Delete `user`'s token `token_id`; False when they have no such token."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
