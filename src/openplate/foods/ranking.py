"""Ranking food search results so that the plain food comes first.

The database finds candidates (every query word, as a prefix, in the name); this module orders
them. It is pure Python, so SQLite and PostgreSQL give the same order for the same candidates.

Why each signal (USDA names read "Head, qualifier, qualifier": "Egg, whole, raw, fresh"):
- A word matched exactly beats a word matched as a prefix: "egg" -> "Egg, ..." before "Eggnog".
- A match in the head (the part before the first comma) counts most: the head says what the
  food is, the rest how it is prepared.
- A head made only of query words marks the plain food itself ("Bananas, raw" for "banana"),
  while "Egg substitute" names another thing.
- Words the query did not ask for cost a little each, so the simplest matching food wins. Words
  that only say a food is in its plain state (raw, whole, fresh, ...) cost nothing, nor do
  numbers and single letters ("3.25% milkfat", "vitamin D"), which qualify rather than name.
- Prepared and branded groups (baby foods, fast foods, restaurant foods, meals) come after the
  generic food unless the query names the group or the food's head ("babyfood banana").
- Staples before rarities: the reference data describes the foods people eat most in more
  household measures ("1 cup", "1 large", "1 slice", ...) and in more variants (a family of
  foods sharing a head and first qualifier: "Milk, whole, ..." or "Chicken, broilers or
  fryers, ..." in dozens of cuts and preparations). Both count logarithmically, so they break
  near-ties between foods that match the words equally ("Tomatoes, red, ripe, raw" over
  "Tomatoes, green, raw") rather than outvote the words.
- A person's own foods, and the foods they log, rank higher for that person, by how often and
  how lately they logged them (the weight `recent`, from 0 to 1, the diary's to compute), but
  only as far as they deserve: a food the words match worse is never lifted above the best of
  the foods they match best. So "salmon" gives salmon for someone who once logged a salmon pâté,
  and the pâté comes right after; "salmon pate" gives the pâté.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

WORD = re.compile(r"[a-z0-9]+")

# Words USDA uses for the plain, unprocessed state of a food.
PLAIN_STATE_WORDS = frozenset(
    {
        "raw", "whole", "fresh", "plain", "regular", "prepared", "cooked", "boiled", "all",
        "commercial", "unenriched", "without", "salt", "with", "from", "and", "or", "in", "of",
        "ns", "as", "to",
    }
)  # fmt: skip

# USDA SR24 food groups of prepared or branded foods.
PREPARED_GROUPS = frozenset(
    ["Baby Foods", "Fast Foods", "Restaurant Foods", "Meals, Entrees, and Side Dishes"]
)

EXACT_MATCH = 1.0
PREFIX_MATCH = 0.6
HEAD_WEIGHT = 1.0
TAIL_WEIGHT = 0.7
PLAIN_HEAD_BONUS = 1.5
EXTRA_WORD_COST = 0.12
PREPARED_GROUP_COST = 0.8
MEASURE_WEIGHT = 0.5  # per log(1 + household measures)
VARIANT_WEIGHT = 0.2  # per log(foods in the family)
OWN_FOOD_BONUS = 3.0
RECENT_FOOD_BONUS = 3.0  # at full weight; a food logged once today has half
# Word matches this close count as equally good: less than one unasked-for word apart.
MATCH_TOLERANCE = 0.1


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    group: str = ""
    brand: str = ""
    own: bool = False
    recent: float = 0.0  # how much the person logs it: 0 never, up to 1 often and lately
    measures: int = 0
    variants: int = 1


def family(name: str) -> tuple[str, ...]:
    """The head and first qualifier of a name, which its variants share: "Milk, whole, 3.25%
    milkfat" and "Milk, whole, 3.25% milkfat, with added vitamin D" are one family."""
    return tuple(part.strip().lower() for part in name.split(",")[:2])


def words(text: str) -> list[str]:
    """Lower-case words, each reduced to its singular."""
    return [singular(word) for word in tokens(text)]


def tokens(text: str) -> list[str]:
    """Lower-case words as written."""
    return WORD.findall(text.lower().replace("'", ""))


def singular(word: str) -> str:
    """A light English singular, enough to equate "eggs" with "egg" and "berries" with "berry"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ie"):  # "cookie" and "cookies" must meet: both "cooky"
        return word[:-2] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "oes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def score(query: list[str], candidate: Candidate) -> float:
    """How well `candidate` answers the query words (already passed through `words`), the
    person's own use of it included."""
    return match(query, candidate) + prior(candidate) + personal(candidate)


def match(query: list[str], candidate: Candidate) -> float:
    """How well the candidate's words answer the query's words."""
    head_words, tail_words = _name_words(candidate.name, candidate.brand)
    total = 0.0
    matched: set[str] = set()
    for term in query:
        best, word = _best_match(term, head_words, HEAD_WEIGHT)
        tail_best, tail_word = _best_match(term, tail_words, TAIL_WEIGHT)
        if tail_best > best:
            best, word = tail_best, tail_word
        total += best
        if word:
            matched.add(word)
    plain_head = bool(head_words) and all(word in query for word in head_words)
    if plain_head:
        total += PLAIN_HEAD_BONUS
    extra = [w for w in head_words + tail_words if w not in matched and not _descriptive(w)]
    total -= EXTRA_WORD_COST * len(extra)
    if candidate.group in PREPARED_GROUPS and not (
        plain_head or _names_group(query, candidate.group)
    ):
        total -= PREPARED_GROUP_COST
    return total


def prior(candidate: Candidate) -> float:
    """How much of a staple the food is, from the reference data."""
    measures = MEASURE_WEIGHT * math.log1p(candidate.measures)
    return measures + VARIANT_WEIGHT * math.log(max(candidate.variants, 1))


def personal(candidate: Candidate) -> float:
    return OWN_FOOD_BONUS * candidate.own + RECENT_FOOD_BONUS * min(max(candidate.recent, 0), 1)


@functools.lru_cache(maxsize=100_000)
def _name_words(name: str, brand: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a name's head and of the rest (with the brand); cached, as the same foods
    come back query after query."""
    head, _, tail = name.partition(",")
    return tuple(words(head)), tuple(words(tail) + words(brand))


def _descriptive(word: str) -> bool:
    """A word that describes a food without naming another: its plain state ("raw"), or a
    number or letter ("3.25% milkfat", "trimmed to 1/8\" fat", "vitamin D")."""
    return word in PLAIN_STATE_WORDS or word.isdigit() or len(word) == 1


def _best_match(term: str, name_words: tuple[str, ...], weight: float) -> tuple[float, str]:
    best, found = 0.0, ""
    for word in name_words:
        if word == term:
            return EXACT_MATCH * weight, word
        if word.startswith(term) and PREFIX_MATCH * weight > best:
            best, found = PREFIX_MATCH * weight, word
    return best, found


def _names_group(query: list[str], group: str) -> bool:
    group_words = set(words(group))
    return any(term in group_words for term in query)


def rank(query_text: str, candidates: list[Candidate], limit: int) -> list[Candidate]:
    """The best `limit` candidates, best first; ties go to the shorter name, then the lower id.

    The person's own use lifts a food at most to just below the best of the best-matching foods
    (as they rank without it), unless it matches as well as they do."""
    query = words(query_text)
    scored = [(candidate, match(query, candidate), prior(candidate)) for candidate in candidates]
    best_match = max((matched for _c, matched, _p in scored), default=0.0)
    ceiling = max(
        (
            matched + staple
            for _c, matched, staple in scored
            if matched >= best_match - MATCH_TOLERANCE
        ),
        default=0.0,
    )

    def final(matched: float, staple: float, candidate: Candidate) -> float:
        lifted = matched + staple + personal(candidate)
        if matched >= best_match - MATCH_TOLERANCE:
            return lifted
        return max(matched + staple, min(lifted, ceiling - 1e-6))

    ordered = sorted(
        scored, key=lambda row: (-final(row[1], row[2], row[0]), len(row[0].name), row[0].id)
    )
    return [candidate for candidate, _matched, _staple in ordered[:limit]]
