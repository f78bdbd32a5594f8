"""Food search behind one interface: SQLite FTS5 or PostgreSQL full-text search finds the
candidates, and `ranking` orders them the same way on both.

Everyday names are searched in USDA's words (`everyday`), also when they are misspelled
("chiken" is "chicken", so roast chicken meat) or still being typed: a query whose last word is
the start of an everyday name's, and whose commonest completion in the foods' names is that
word, searches that name ("chick" is "chicken"; "chee" is the start of "cheese" more than of
"cheeseburger", so stays as it is).

A query word that starts no word of any food is taken for a misspelling and replaced by the
closest vocabulary word ("bananna" -> "banana"); that is only tried when the query as typed finds
nothing, so correct queries pay nothing for it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from django.db import connection
from django.db.models import Q

from openplate.foods import everyday, ranking, vocabulary
from openplate.foods.models import Food, FoodWord

# Candidates per query: every food whose name has each query word as a prefix, shortest names
# first (plain foods have short names), at most this many; ranking then picks the best.
MAX_CANDIDATES = 200
# A person's own matching foods join the candidates whatever their names' length.
MAX_OWN_CANDIDATES = 100
# An unfinished word this short may be the start of too many words to guess which.
MIN_COMPLETION_LENGTH = 4
# Words too common to narrow a search; PostgreSQL's English configuration drops them too.
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "or", "with", "in", "w"})

# SQLite's index is keyed by `length(name) << 32 | id` (migration 0006), so its rowid order is
# shortest name first and LIMIT stops early; the low 32 bits are the food's id.
CANDIDATE_FIELDS = ("id", "name", "group", "brand", "owner_id", "measure_count", "variant_count")
CANDIDATE = ", ".join(f'"{field}"' for field in CANDIDATE_FIELDS)
SQL = {
    "sqlite": {
        "candidates": f"""
            SELECT {CANDIDATE} FROM foods_food WHERE id IN (
                SELECT key & 4294967295 FROM (
                    SELECT rowid AS key FROM foods_food_fts WHERE foods_food_fts MATCH %s
                    ORDER BY rowid LIMIT %s)
                UNION ALL
                SELECT key & 4294967295 FROM (
                    SELECT rowid AS key FROM foods_food_fts WHERE foods_food_fts MATCH %s
                    ORDER BY rowid LIMIT %s))""",
        "any_match": "SELECT 1 FROM foods_food_fts WHERE foods_food_fts MATCH %s LIMIT 1",
    },
    "postgresql": {
        "candidates": f"""
            (SELECT {CANDIDATE} FROM foods_food
             WHERE search_vector @@ to_tsquery('english', %s) AND owner_id IS NULL
             ORDER BY length(name), id LIMIT %s)
            UNION ALL
            (SELECT {CANDIDATE} FROM foods_food
             WHERE search_vector @@ to_tsquery('english', %s) AND owner_id = %s
             ORDER BY length(name), id LIMIT %s)""",
        "any_match": """
            SELECT 1 FROM foods_food WHERE search_vector @@ to_tsquery('english', %s) LIMIT 1""",
    },
}


def search_foods(
    query: str,
    *,
    user_id: int | None = None,
    limit: int = 10,
    recent_food_ids: Collection[int] | Mapping[int, float] = (),
) -> list[Food]:
    """The foods that best match `query` for this user, best first, servings prefetched.

    `recent_food_ids` are the foods the person logged lately, or a mapping of them to how much
    (0 to 1, `ranking.Candidate.recent`): those that match rank higher, as far as they deserve.

    Every nutrient is deferred (a list shows energy and macros, which have columns of their
    own); reading `food.nutrients` loads them (the default serving does only for a food it
    cannot place without its sodium: `servings.default_serving`).
    """
    # As written: the database's stemmer equates plurals ("fries" and "fried" are both "fri"),
    # where our lighter `ranking.singular` would make "fries" a "fry" that no name starts with.
    terms = _terms(query)
    if not terms:
        return []
    rows: list[tuple[Any, ...]] = []
    # Everyday names in USDA's words ("ketchup" is "catsup"), finished ("chick" is "chicken");
    # the words as typed when those find nothing ("jelly beans" is no "jellies beans").
    usda_terms = _terms(everyday.usda_words(query))
    if usda_terms == terms:
        usda_terms = _completed(terms) or terms
    if usda_terms != terms:
        rows = _candidates(usda_terms, user_id)
        if rows:
            rows += _own_as_typed(terms, user_id, {row[0] for row in rows})
            terms = usda_terms
    if not rows:
        rows = _candidates(terms, user_id)
    if not rows:
        terms, rows = _corrected_candidates(terms, user_id)
    rows += _recent_candidates(terms, recent_food_ids, {row[0] for row in rows}, user_id)
    recent = _weights(recent_food_ids)
    candidates = [
        ranking.Candidate(
            id=food_id,
            name=name,
            group=group,
            brand=brand,
            own=owner_id is not None,
            recent=recent.get(food_id, 0.0),
            measures=measures,
            variants=variants,
        )
        for food_id, name, group, brand, owner_id, measures, variants in rows
    ]
    best = [candidate.id for candidate in ranking.rank(" ".join(terms), candidates, limit)]
    foods = Food.objects.defer("nutrients").prefetch_related("servings").in_bulk(best)
    return [foods[food_id] for food_id in best]


def _completed(terms: list[str]) -> list[str] | None:
    """The terms of the everyday name `terms` are the unfinished start of, in USDA's words, when
    the commonest word of the foods' names starting with the last term is that name's; else
    None."""
    last = terms[-1]
    if len(last) < MIN_COMPLETION_LENGTH:
        return None
    names = everyday.names_completing(terms)
    if not names:
        return None
    commonest = (
        FoodWord.objects.filter(word__startswith=last)
        .order_by("-food_count", "word")
        .values_list("word", flat=True)
        .first()
    )
    for name in names:
        if ranking.singular(ranking.tokens(name.everyday)[-1]) == commonest:
            return _terms(name.usda_words)
    return None


def _corrected_candidates(
    terms: list[str], user_id: int | None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The terms with their misspellings corrected, in USDA's words when they are an everyday
    name ("chiken" is "chicken"), and the candidates they find."""
    corrected = [_corrected(term, alone=len(terms) == 1) for term in terms]
    if corrected == terms:
        return terms, []
    usda_terms = _terms(everyday.usda_words(" ".join(corrected)))
    if usda_terms != corrected:
        rows = _candidates(usda_terms, user_id)
        if rows:
            return usda_terms, rows
    return corrected, _candidates(corrected, user_id)


def _terms(query: str) -> list[str]:
    return [term for term in ranking.tokens(query) if term not in STOP_WORDS]


def _own_as_typed(terms: list[str], user_id: int | None, found: set[int]) -> list[tuple[Any, ...]]:
    """The person's own foods that the words as typed match: "Gran's mac and cheese" is still
    found when "mac and cheese" is searched in USDA's words."""
    if user_id is None:
        return []
    rows = _candidates(terms, user_id)
    return [row for row in rows if row[4] is not None and row[0] not in found]


def _weights(recent_food_ids: Collection[int] | Mapping[int, float]) -> dict[int, float]:
    """How much the person logs each food: given, or full for a plain list of ids."""
    if isinstance(recent_food_ids, Mapping):
        return {int(food_id): float(weight) for food_id, weight in recent_food_ids.items()}
    return dict.fromkeys(recent_food_ids, 1.0)


def _recent_candidates(
    terms: list[str], recent_food_ids: Collection[int], found: set[int], user_id: int | None
) -> list[tuple[Any, ...]]:
    """Recently logged foods that match every term as a word prefix, whatever their names'
    length; the index has the rest already."""
    missing = [food_id for food_id in recent_food_ids if food_id not in found]
    if not missing:
        return []
    query_words = ranking.words(" ".join(terms))
    visible = Q(owner__isnull=True) | Q(owner_id=user_id)
    rows = Food.objects.filter(visible, pk__in=missing).values_list(*CANDIDATE_FIELDS)
    return [
        row
        for row in rows
        if all(
            any(word.startswith(term) for word in ranking.words(f"{row[1]} {row[3]}"))
            for term in query_words
        )
    ]


def _corrected(term: str, *, alone: bool) -> str:
    # A query of one word that found nothing needs no second look to know the word is unknown.
    if not alone and _fetch("any_match", [_match_expression([term])]):
        return term
    return vocabulary.closest_word(term) or term


def _candidates(terms: list[str], user_id: int | None) -> list[tuple[Any, ...]]:
    """Public foods matching every term, shortest names first, and the person's own matches."""
    words = _match_expression(terms)
    if connection.vendor == "postgresql":
        parameters = [words, MAX_CANDIDATES, words, user_id, MAX_OWN_CANDIDATES]
    else:
        public = f"{words} NOT audience : private"
        own = f"{words} AND audience : u{user_id or 0}"
        parameters = [public, MAX_CANDIDATES, own, MAX_OWN_CANDIDATES]
    return _fetch("candidates", parameters)


def _match_expression(terms: list[str]) -> str:
    """Every term as a prefix of a word in the name or brand, in the database's query language."""
    if connection.vendor == "postgresql":
        return " & ".join(f"{term}:*" for term in terms)
    return "{name brand} : (" + " ".join(f'"{term}"*' for term in terms) + ")"


def _fetch(statement: str, parameters: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(SQL[connection.vendor][statement], parameters)
        return list(cursor.fetchall())
