"""What every API router shares: who is calling, and the services' errors in the API's shape.

The services raise django's ValidationError keyed by field; the API answers every invalid input,
whether pydantic or a service refused it, as Ninja does:
`{"detail": [{"type": "...", "loc": [...], "msg": "..."}]}` with status 422. A service's field
sits where the request carried it: `["body", "payload", "quantity"]` for a body field,
`["query", "date"]` or `["path", "day"]` for a parameter.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from ninja import Schema
from ninja.errors import ValidationError as InvalidRequest
from pydantic import ConfigDict, Field
from pydantic_core import PydanticCustomError

BODY = ("body", "payload")  # every endpoint that takes a body names it `payload`
SERVICE_ERROR_TYPE = "value_error"


# Numbers in a body must be JSON numbers: neither "100" nor true is taken for one.
Number = Annotated[float, Field(strict=True)]
WholeNumber = Annotated[int, Field(strict=True)]


class InputSchema(Schema):
    """A request body: unknown fields, NaN and infinity are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


def refusal(message: str) -> PydanticCustomError:
    """A schema's own check, reported as a service's is: the message alone, no "Value error, "."""
    return PydanticCustomError(SERVICE_ERROR_TYPE, message)


def caller(request: HttpRequest) -> User:
    """The signed-in user; every endpoint requires authentication, by token or session."""
    user = request.user
    assert isinstance(user, User), "the API's authentication lets no anonymous request in"
    return user


def field_errors(
    error: ValidationError,
    location: Sequence[str] = BODY,
    renames: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """`error`'s messages as Ninja's error entries, each field under `location`.

    `renames` maps a service's field name to its path in the request, when they differ (the
    service's `date` is a copy's `to_date`; a custom food's `protein_g` is in its `nutrients`).
    """
    renames = renames or {}
    messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    return [
        {"type": SERVICE_ERROR_TYPE, "loc": [*location, *_path(field, renames)], "msg": message}
        for field, field_messages in messages.items()
        for message in field_messages
    ]


@contextmanager
def errors_at(
    location: Sequence[str] = BODY, renames: Mapping[str, Sequence[str]] | None = None
) -> Iterator[None]:
    """Answer a service's ValidationError as a 422 naming the request's own fields."""
    try:
        yield
    except ValidationError as error:
        raise InvalidRequest(field_errors(error, location, renames)) from None


def _path(field: str, renames: Mapping[str, Sequence[str]]) -> Sequence[Any]:
    """Where a service's field is in the request. A dotted field is a path into a list of the
    body: `items.2.quantity` is the third item's quantity."""
    if field in ("", NON_FIELD_ERRORS):
        return ()
    if field in renames:
        return renames[field]
    return [int(part) if part.isdigit() else part for part in field.split(".")]
