"""A query compiled once answers as the ORM does for every value, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openplate.core.compiled import CompiledQuery

JOINED = [datetime(2024, 1, 1, 12, tzinfo=UTC) + timedelta(days=9 * n, hours=n) for n in range(8)]
FIELDS = ("id", "username", "is_active", "date_joined", "last_login")


def people(name_start: str, joined_after: datetime, least_id: int, day: date) -> QuerySet[User]:
    return (
        User.objects.filter(
            username__gte=name_start,
            date_joined__gt=joined_after,
            id__gte=least_id,
            date_joined__date__lte=day,
        )
        .order_by("username")
        .values_list(*FIELDS)
    )


SAMPLES = ("name-sample", datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC), 987_654_321, date(1902, 3, 4))
COMPILED = CompiledQuery(people, *SAMPLES)


@pytest.fixture
def some_people(db: None) -> None:
    for number, joined in enumerate(JOINED):
        User.objects.create(
            username=f"person{number}",
            date_joined=joined,
            is_active=number % 3 != 0,
            last_login=joined + timedelta(minutes=5) if number % 2 else None,
        )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name_start=st.sampled_from(["", "person", "person3", "person7", "q"]),
    joined_after=st.datetimes(
        min_value=datetime(2023, 12, 1), max_value=datetime(2024, 4, 1), timezones=st.just(UTC)
    ),
    least_id=st.integers(-3, 10),
    day=st.dates(min_value=date(2023, 12, 1), max_value=date(2024, 4, 1)),
)
def test_it_answers_as_the_orm_for_any_values(
    some_people: None, name_start: str, joined_after: datetime, least_id: int, day: date
) -> None:
    first = User.objects.order_by("id").values_list("id", flat=True)[0]
    values = (name_start, joined_after, first + least_id, day)
    assert COMPILED.rows(*values) == list(people(*values))


def test_its_values_are_converted_as_the_orm_converts_them(some_people: None) -> None:
    (row,) = COMPILED.rows("person5", JOINED[4], 0, date(2024, 2, 20))
    assert row == (
        User.objects.get(username="person5").pk,
        "person5",
        True,
        JOINED[5],
        JOINED[5] + timedelta(minutes=5),
    )
    assert type(row[2]) is bool  # SQLite stores 1: the field's converter makes it a bool


def test_a_boolean_written_into_the_sql_cannot_be_a_value(db: None) -> None:
    by_activity = CompiledQuery(lambda active: User.objects.filter(is_active=active), True)
    with pytest.raises(ValueError, match="the sample True is not among the query's parameters"):
        by_activity.rows(False)


def test_it_runs_one_query_a_call(some_people: None) -> None:
    from django.db import connection

    COMPILED.rows("person", JOINED[0], 0, date(2024, 3, 1))  # compiled on the first call
    with CaptureQueriesContext(connection) as queries:
        COMPILED.rows("person", JOINED[1], 0, date(2024, 3, 1))
    assert len(queries) == 1


def test_a_sample_the_query_does_not_hold_is_refused(db: None) -> None:
    ignoring_its_day = CompiledQuery(lambda name, day: User.objects.filter(username=name), "x", 3)
    with pytest.raises(ValueError, match="the sample 3 is not among the query's parameters"):
        ignoring_its_day.rows("y", 4)
