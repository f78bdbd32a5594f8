"""Speed of the Compendium activity search (821 activities), as the exercise page's
search-as-you-type calls it. Run: pytest benchmarks/test_activity_search_speed.py
--benchmark-enable. Without --benchmark-enable (as in CI) each query runs once.

No target is set; the figures are in docs/PERFORMANCE.md beside the food search's 5 ms.
"""

import pytest

from openplate.exercise.search import search_activities

pytestmark = pytest.mark.django_db

# A plain word, a prefix with many matches, two words, and the worst case: one letter that
# nearly every description holds, so nearly every row is read and ranked.
QUERIES = ["running", "walk", "bicycling stationary", "a"]


@pytest.mark.parametrize("query", QUERIES)
def test_activity_search(benchmark, query):
    found = benchmark(search_activities, query, limit=20)
    assert found
