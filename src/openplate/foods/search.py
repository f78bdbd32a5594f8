"""Food search behind one interface: SQLite FTS5 or PostgreSQL full-text search finds the
candidates, and `ranking` orders them the same way on both.

A query word that starts no word of any food is taken for a misspelling and replaced by the
closest vocabulary word ("bananna" -> "banana"); that is only tried when the query as typed finds
nothing, so correct queries pay nothing for it.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from openplate.foods import ranking, vocabulary
from openplate.foods.models import Food

# Candidates per query: every food whose name has each query word as a prefix, shortest names
# first (plain foods have short names), at most this many; ranking then picks the best.
MAX_CANDIDATES = 500
# Words too common to narrow a search; PostgreSQL's English configuration drops them too.
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "or", "with", "in", "w"})

SQL = {
    "sqlite": {
        "candidates": """
            SELECT f.id, f.name, f."group", f.brand, f.owner_id
            FROM foods_food_fts JOIN foods_food f ON f.id = foods_food_fts.rowid
            WHERE foods_food_fts MATCH %s AND (f.owner_id IS NULL OR f.owner_id = %s)
            ORDER BY length(f.name), f.id LIMIT %s""",
        "any_match": "SELECT 1 FROM foods_food_fts WHERE foods_food_fts MATCH %s LIMIT 1",
    },
    "postgresql": {
        "candidates": """
            SELECT id, name, "group", brand, owner_id FROM foods_food
            WHERE search_vector @@ to_tsquery('english', %s)
              AND (owner_id IS NULL OR owner_id = %s)
            ORDER BY length(name), id LIMIT %s""",
        "any_match": """
            SELECT 1 FROM foods_food WHERE search_vector @@ to_tsquery('english', %s) LIMIT 1""",
    },
}


def search_foods(query: str, *, user_id: int | None = None, limit: int = 10) -> list[Food]:
    """The foods that best match `query` for this user, best first, servings prefetched.

    Every nutrient is deferred (a list shows energy and macros, which have columns of their
    own); reading `food.nutrients` loads them.
    """
    terms = [term for term in ranking.words(query) if term not in STOP_WORDS]
    if not terms:
        return []
    rows = _candidates(terms, user_id)
    if not rows:
        corrected = [_corrected(term) for term in terms]
        if corrected != terms:
            terms, rows = corrected, _candidates(corrected, user_id)
    candidates = [
        ranking.Candidate(
            id=row[0], name=row[1], group=row[2], brand=row[3], own=row[4] is not None
        )
        for row in rows
    ]
    best = [candidate.id for candidate in ranking.rank(" ".join(terms), candidates, limit)]
    foods = Food.objects.defer("nutrients").prefetch_related("servings").in_bulk(best)
    return [foods[food_id] for food_id in best]


def _corrected(term: str) -> str:
    if _fetch("any_match", [_match_expression([term])]):
        return term
    return vocabulary.closest_word(term) or term


def _candidates(terms: list[str], user_id: int | None) -> list[tuple[Any, ...]]:
    return _fetch("candidates", [_match_expression(terms), user_id, MAX_CANDIDATES])


def _match_expression(terms: list[str]) -> str:
    """Every term as a prefix, in the database's full-text query language."""
    if connection.vendor == "postgresql":
        return " & ".join(f"{term}:*" for term in terms)
    return " ".join(f'"{term}"*' for term in terms)


def _fetch(statement: str, parameters: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(SQL[connection.vendor][statement], parameters)
        return list(cursor.fetchall())
