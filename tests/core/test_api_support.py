"""The shared types of the API's schemas: strict dates, plain numbers, storable text."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from openplate.core.api_support import Day, Id, InputSchema, Number, QuerySchema


class Body(InputSchema):
    day: Day
    amount: Number
    name: str = ""
    tags: list[str] = []
    by_key: dict[str, Number] = {}
    food_id: Id | None = None


class Query(QuerySchema):
    q: str


def refused(**fields):
    with pytest.raises(ValidationError) as caught:
        Body.model_validate({"day": "2025-03-03", "amount": 1, **fields})
    return {tuple(error["loc"]): error["msg"] for error in caught.value.errors()}


@pytest.mark.parametrize(
    "day", ["2026-12-01T10:00", "2026-12-01T00:00", "2026-12-01 00:00", "20261201", 1764547200,
            "2026-W48-2", "2026-02-30", "٢٠٢٦-١٢-٠١"],
)  # fmt: skip
def test_a_day_is_yyyy_mm_dd_and_nothing_else(day):
    assert refused(day=day) == {("day",): "Enter a date as YYYY-MM-DD."}


def test_a_day_from_json_and_from_a_query_string_is_read_alike():
    assert Body.model_validate_json('{"day": "2025-03-03", "amount": 1}').day == dt.date(2025, 3, 3)
    assert Body.model_validate({"day": "2025-03-03", "amount": 1}).day == dt.date(2025, 3, 3)


def test_a_date_time_object_is_no_day():
    assert refused(day=dt.datetime(2026, 12, 1)) == {("day",): "Enter a date as YYYY-MM-DD."}


@pytest.mark.parametrize("tiny", [1e-320, 5e-324, -1e-310])
def test_a_subnormal_number_is_refused(tiny):
    assert list(refused(amount=tiny)) == [("amount",)]


def test_minus_zero_is_zero():
    amount = Body.model_validate_json('{"day": "2025-03-03", "amount": -0.0}').amount
    assert (amount, str(amount)) == (0.0, "0.0")


@given(
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x == 0 or abs(x) >= 2.3e-308)
)
def test_every_ordinary_number_is_kept(number):
    assert Body.model_validate({"day": "2025-03-03", "amount": number}).amount == number


@pytest.mark.parametrize("bad", ["\x00", "a\x00b", "\ud800", "x\udfff"])
def test_text_refuses_nul_and_lone_surrogates_on_the_field(bad):
    assert list(refused(name=bad)) == [("name",)]
    assert list(refused(tags=["fine", bad])) == [("tags",)]
    assert list(refused(by_key={bad: 1})) == [("by_key",)]
    with pytest.raises(ValidationError) as caught:
        Query.model_validate({"q": bad})
    assert [error["loc"] for error in caught.value.errors()] == [("q",)]


def test_an_id_fits_a_database_column():
    assert list(refused(food_id=2**63)) == [("food_id",)]
    assert list(refused(food_id=0)) == [("food_id",)]
    assert Body.model_validate({"day": "2025-03-03", "amount": 1, "food_id": 2**63 - 1})
