"""Food search behind one interface: SQLite FTS5 or PostgreSQL full-text search finds the
candidates, and `ranking` orders them the same way on both."""

from __future__ import annotations

from typing import Any

from django.db import connection

from openplate.foods import ranking
from openplate.foods.models import Food

# Candidates per query: every food whose name has each query word as a prefix, shortest names
# first (plain foods have short names), at most this many; ranking then picks the best.
MAX_CANDIDATES = 500
# Words too common to narrow a search; PostgreSQL's English configuration drops them too.
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "or", "with", "in", "w"})

SQLITE_CANDIDATES = """
    SELECT f.id, f.name, f."group", f.brand, f.owner_id
    FROM foods_food_fts JOIN foods_food f ON f.id = foods_food_fts.rowid
    WHERE foods_food_fts MATCH %s AND (f.owner_id IS NULL OR f.owner_id = %s)
    ORDER BY length(f.name), f.id LIMIT %s
"""
POSTGRES_CANDIDATES = """
    SELECT id, name, "group", brand, owner_id FROM foods_food
    WHERE to_tsvector('english', name || ' ' || brand) @@ to_tsquery('english', %s)
      AND (owner_id IS NULL OR owner_id = %s)
    ORDER BY length(name), id LIMIT %s
"""


def search_foods(query: str, *, user_id: int | None = None, limit: int = 10) -> list[Food]:
    """The foods that best match `query` for this user, best first, servings prefetched."""
    terms = [term for term in ranking.words(query) if term not in STOP_WORDS]
    if not terms:
        return []
    candidates = [
        ranking.Candidate(
            id=row[0], name=row[1], group=row[2], brand=row[3], own=row[4] is not None
        )
        for row in _candidates(terms, user_id)
    ]
    best = [candidate.id for candidate in ranking.rank(query, candidates, limit)]
    foods = Food.objects.prefetch_related("servings").in_bulk(best)
    return [foods[food_id] for food_id in best]


def _candidates(terms: list[str], user_id: int | None) -> list[tuple[Any, ...]]:
    if connection.vendor == "postgresql":
        sql, match = POSTGRES_CANDIDATES, " & ".join(f"{term}:*" for term in terms)
    else:
        sql, match = SQLITE_CANDIDATES, " ".join(f'"{term}"*' for term in terms)
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, user_id, MAX_CANDIDATES])
        return list(cursor.fetchall())
