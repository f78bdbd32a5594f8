"""GET /api/foods costs a few queries, however many foods it answers: their servings come in one
query, never one a food."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openplate.diary import services
from openplate.foods.models import Food

pytestmark = pytest.mark.django_db

# The token with its person, the person's food history, the candidates (as typed, in USDA's
# words, and corrected for a misspelt word), the own and recent foods, the foods and their
# servings. On PostgreSQL a misspelt word's correction asks the vocabulary once more.
QUERY_BUDGET = 11


def queries_of(api, **query):
    api.get("/foods", **query)  # the token's use is noted once a minute: not counted below
    with CaptureQueriesContext(connection) as captured:
        response = api.get("/foods", **query)
    assert response.status_code == 200
    return len(captured), len(response.json())


@pytest.mark.parametrize("words", ["banana", "cheese", "chiken"])  # "chiken": corrected
def test_a_search_costs_the_same_queries_for_one_food_or_fifty(alice, alice_api, words):
    egg = Food.objects.get(source="usda", source_id="01123")
    services.log_food(alice, day=date(2025, 3, 3), meal="breakfast", food=egg, quantity=50)
    one, found_one = queries_of(alice_api, q=words, limit=1)
    fifty, found_fifty = queries_of(alice_api, q=words, limit=50)
    assert found_one == 1 < found_fifty
    assert fifty == one <= QUERY_BUDGET
