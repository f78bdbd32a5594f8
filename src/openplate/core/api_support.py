"""What every API router shares: who is calling, and the services' errors in the API's shape.

The services raise django's ValidationError keyed by field; the API answers every invalid input,
whether pydantic or a service refused it, as Ninja does:
`{"detail": [{"type": "...", "loc": [...], "msg": "..."}]}` with status 422. A service's field
sits where the request carried it: `["body", "payload", "quantity"]` for a body field,
`["query", "date"]` or `["path", "day"]` for a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from ninja import Schema
from ninja.errors import ValidationError as InvalidRequest
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, field_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from openplate.core.checks import SMALLEST_AMOUNT, text_problem
from openplate.core.dates import DAYS_AHEAD, EARLIEST_DAY

BODY = ("body", "payload")  # every endpoint that takes a body names it `payload`
SERVICE_ERROR_TYPE = "value_error"


def refusal(message: str) -> PydanticCustomError:
    """A schema's own check, reported as a service's is: the message alone, no "Value error, "."""
    return PydanticCustomError(SERVICE_ERROR_TYPE, message)


def _plain_number(value: float) -> float:
    """-0.0 as 0; a subnormal number (below 2.2e-308, where floats lose their precision) is no
    amount of anything."""
    if value != 0 and abs(value) < sys.float_info.min:
        raise refusal("That number is too small to mean anything; enter 0 or a larger amount.")
    return value + 0.0  # -0.0 + 0.0 is 0.0


AMOUNT = SMALLEST_AMOUNT  # the least "above 0" takes

# Numbers in a body must be JSON numbers: neither "100" nor true is taken for one.
Number = Annotated[float, Field(strict=True), AfterValidator(_plain_number)]
# The longest text a column of names holds (a CharField's max_length), where no other is said.
MAX_TEXT_LENGTH = 255
# What a database column holds: a 64-bit signed integer.
LARGEST_INTEGER = 2**63 - 1
WholeNumber = Annotated[int, Field(strict=True, ge=-LARGEST_INTEGER, le=LARGEST_INTEGER)]
# A row's id: in a body, a JSON number; in a path, digits.
Id = Annotated[int, Field(strict=True, ge=1, le=LARGEST_INTEGER)]
PathId = Annotated[int, Field(ge=1, le=LARGEST_INTEGER)]


def limits(minimum: float | None = None, maximum: float | None = None) -> JsonDict:
    """A number's range for the OpenAPI document (`Field(json_schema_extra=limits(...))`), where
    the service checks it, with a message of its own, beside the request's other fields."""
    return {
        key: value
        for key, value in (("minimum", minimum), ("maximum", maximum))
        if value is not None
    }


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DAY_FORMAT = "Enter a date as YYYY-MM-DD."


def _strict_date(value: object) -> dt.date:
    """A date written YYYY-MM-DD, and only that: pydantic's own `date` also takes a date-time
    at midnight ("2026-12-01T00:00") and a number of seconds."""
    if type(value) is dt.date:
        return value
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise refusal(DAY_FORMAT)


DAY_RANGE = f"A day from {EARLIEST_DAY} to {DAYS_AHEAD} days after today, as YYYY-MM-DD."
# A calendar date, YYYY-MM-DD (a birth date: its own checks say which are possible).
CalendarDate = Annotated[dt.date, BeforeValidator(_strict_date)]
# A day of the diary, the scale or a report. The services refuse one outside the days OpenPlate
# takes (core.dates), beside their other refusals, so that a caller hears of every field at once.
Day = Annotated[dt.date, BeforeValidator(_strict_date), Field(description=DAY_RANGE)]


def _text_problem_within(value: object) -> str | None:
    """The first reason a text in `value` (a string, or the strings and keys of a list or
    dict) cannot be stored."""
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple):
        return next(filter(None, map(_text_problem_within, value)), None)
    return None


class CheckedTextSchema(Schema):
    """Every text field refuses what no database column stores: a NUL character or a lone
    surrogate, reported on the field."""

    @field_validator("*")
    @classmethod
    def storable_text(cls, value: object) -> object:
        problem = _text_problem_within(value)
        if problem:
            raise refusal(problem)
        return value


class QuerySchema(CheckedTextSchema):
    """An endpoint's query parameters."""


class InputSchema(CheckedTextSchema):
    """A request body: unknown fields, NaN and infinity are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


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
