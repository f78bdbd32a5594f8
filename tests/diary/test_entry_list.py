"""GET /api/entries answers from plain rows (openplate.core.renderers.RowsResponse): the same
entries, field for field, as the response schema makes of the models, in two queries."""

import uuid
from datetime import date

import pytest

from openplate.diary import services
from openplate.diary.models import Entry
from openplate.diary.schemas import EntryOut
from openplate.foods.models import Food
from tests.people import new_person

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
KEY = uuid.UUID("0b6f1c9e-6d0e-4f51-9d0c-2f1e7d4a8b31")


def egg():
    return Food.objects.get(source="usda", source_id="01123")


def as_the_schema_answers(user):
    entries = Entry.objects.filter(user=user, date=DAY)
    return [EntryOut.from_orm(entry).model_dump(mode="json") for entry in entries]


def test_it_answers_what_the_schema_makes_of_the_entries(alice, alice_api):
    services.log_food(alice, day=DAY, meal="breakfast", food=egg(), serving="1 large", quantity=2)
    cake = services.quick_add(alice, day=DAY, meal="snacks", energy_kcal=250, protein_g=3)
    Entry.objects.filter(pk=cake.pk).update(client_key=KEY)
    services.log_food(alice, day=DAY, meal="lunch", food=egg(), serving="g", quantity=30)
    services.quick_add(alice, day=date(2025, 3, 4), meal="snacks", energy_kcal=100)  # not that day
    services.quick_add(new_person("carol"), day=DAY, meal="snacks", energy_kcal=100)  # not hers

    response = alice_api.get("/entries", date=DAY.isoformat())

    assert response["Content-Type"] == "application/json; charset=utf-8"
    entries = response.json()
    assert entries == as_the_schema_answers(alice)
    assert [entry["name"] for entry in entries] == [
        "Egg, whole, raw, fresh", "Quick add", "Egg, whole, raw, fresh",
    ]  # fmt: skip
    assert [entry["quick_add"] for entry in entries] == [False, True, False]
    assert entries[1]["client_key"] == str(KEY)


def test_the_rows_carry_every_field_of_the_schema(alice):
    services.quick_add(alice, day=DAY, meal="snacks", energy_kcal=250)
    (row,) = services.entry_rows_on(alice, DAY)
    assert set(row) == set(EntryOut.model_fields)


def test_it_lists_a_day_in_two_queries_whatever_its_length(
    alice, alice_api, django_assert_num_queries
):
    alice_api.get("/entries", date=DAY.isoformat())  # notes the token's use, once a minute
    for number in range(40):
        services.log_food(alice, day=DAY, meal="dinner", food=egg(), quantity=number + 1)
        if number in (0, 39):
            with django_assert_num_queries(2):  # the token with its person, the entries
                assert len(alice_api.get("/entries", date=DAY.isoformat()).json()) == number + 1
