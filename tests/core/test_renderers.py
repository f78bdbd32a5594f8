"""The API's JSON (openplate.core.renderers): the same documents Ninja's own renderer writes."""

import datetime as dt
import json
import uuid
from decimal import Decimal

from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st
from ninja.renderers import JSONRenderer

from openplate.core.renderers import OrjsonRenderer
from openplate.diary.models import Meal

REQUEST = RequestFactory().get("/api/entries")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),  # beyond 64 bits too, which orjson refuses
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=13))])),
    st.dates(),
    st.times(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.uuids(),
    st.sampled_from(Meal),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def as_ninja_writes(data: object) -> object:
    return json.loads(JSONRenderer().render(REQUEST, data, response_status=200))


def as_written(data: object) -> object:
    return json.loads(OrjsonRenderer().render(REQUEST, data, response_status=200))


@given(documents)
def test_it_writes_what_ninjas_renderer_writes(data):
    assert as_written(data) == as_ninja_writes(data)


def test_it_keeps_djangos_format_for_times():
    moment = dt.datetime(2026, 12, 3, 7, 5, 9, 123456, tzinfo=dt.UTC)
    assert as_written({"at": moment, "day": moment.date(), "time": moment.time()}) == {
        "at": "2026-12-03T07:05:09.123Z",  # to the millisecond, UTC as Z (ECMA-262's format)
        "day": "2026-12-03",
        "time": "07:05:09.123",
    }


def test_it_writes_decimals_uuids_and_choices_as_strings():
    key = uuid.UUID("0b6f1c9e-6d0e-4f51-9d0c-2f1e7d4a8b31")
    assert as_written([Decimal("1.10"), key, Meal.SNACKS]) == ["1.10", str(key), "snacks"]


def test_it_writes_an_integer_beyond_64_bits():
    assert as_written({"n": 2**70}) == {"n": 2**70}
