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
  that only say a food is in its plain state (raw, whole, fresh, commercially prepared, ...)
  cost nothing, nor do numbers and single letters ("3.25% milkfat", "vitamin D"), which qualify
  rather than name, nor a note of what a food includes ("Crackers, saltines (includes oyster,
  soda, soup)"), which names no other food.
- A name with no word beyond the query's and plain-state words is the food asked for, whatever
  the reference data says of its neighbours: "Syrups, maple" for "maple syrup", before a table
  blend with 15% maple that has more variants.
- Words that mark a variant made lighter or at home ("low salt", "reduced fat", "prepared from
  recipe") cost twice, unless asked for: the plain food is the one bought as it comes.
- A word a name says the food is without names nothing it has: "Chili, no beans" is no answer
  to "chili beans", and "without salt" costs nothing.
- A head made only of query words and plain-state words is the plain food itself: "Chili with
  beans" for "chili beans".
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
        "commercial", "commercially", "generic", "original", "unenriched", "without", "salt",
        "with", "from", "and", "or", "in", "of", "ns", "as", "to",
    }
)  # fmt: skip

# Words of a variant of the plain food: lighter, or made at home rather than bought.
VARIANT_WORDS = frozenset(
    {"low", "lower", "reduced", "light", "lite", "diet", "recipe", "homemade"}
)
# Words after which a name's next word is what the food is without: "no beans", "without salt".
NEGATIONS = frozenset({"no", "without"})
NEGATED = "~"  # the mark of a word a name says the food is without
# A bracketed note of what a food includes: "(includes brown-and-serve)", "(include frozen)".
INCLUDES_NOTE = re.compile(r"\(\s*includes?\b[^)]*\)?", re.IGNORECASE)

# USDA SR24 food groups of prepared or branded foods.
PREPARED_GROUPS = frozenset(
    ["Baby Foods", "Fast Foods", "Restaurant Foods", "Meals, Entrees, and Side Dishes"]
)

EXACT_MATCH = 1.0
PREFIX_MATCH = 0.6
HEAD_WEIGHT = 1.0
TAIL_WEIGHT = 0.7
PLAIN_HEAD_BONUS = 1.5
WHOLE_NAME_BONUS = 0.4  # about the staple signals' spread between common and rare families
EXTRA_WORD_COST = 0.12
VARIANT_WORD_COST = 2 * EXTRA_WORD_COST
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
    name = _name_words(candidate.name, candidate.brand)
    total = 0.0
    matched: set[str] = set()
    every_term = True
    for term in query:
        best, word = _best_match(term, name.head, HEAD_WEIGHT)
        tail_best, tail_word = _best_match(term, name.tail, TAIL_WEIGHT)
        if tail_best > best:
            best, word = tail_best, tail_word
        total += best
        if word:
            matched.add(word)
        every_term = every_term and bool(word)
    plain_head = not matched.isdisjoint(name.head) and all(
        word in query for word in name.head_naming
    )
    if plain_head:
        total += PLAIN_HEAD_BONUS
    extra = [word for word in name.naming if word not in matched]
    total -= EXTRA_WORD_COST * len(extra)
    if not name.variant.isdisjoint(extra):
        total -= (VARIANT_WORD_COST - EXTRA_WORD_COST) * len(name.variant.intersection(extra))
    if plain_head and every_term and not extra:
        total += WHOLE_NAME_BONUS
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


@dataclass(frozen=True)
class _NameWords:
    head: tuple[str, ...]
    tail: tuple[str, ...]  # the rest of the name, with the brand
    head_naming: tuple[str, ...]  # the head's words that are not `_descriptive`
    naming: tuple[str, ...]  # all the words that are not `_descriptive`
    variant: frozenset[str]  # those of VARIANT_WORDS


@functools.lru_cache(maxsize=100_000)
def _name_words(name: str, brand: str) -> _NameWords:
    """The words of a name's head and of the rest (with the brand), and which of them name
    something; cached, as the same foods come back query after query."""
    head_text, _, tail_text = INCLUDES_NOTE.sub(" ", name).partition(",")
    head = tuple(_affirmed(head_text))
    tail = tuple(_affirmed(tail_text) + words(brand))
    naming = tuple(word for word in head + tail if not _descriptive(word))
    return _NameWords(
        head=head,
        tail=tail,
        head_naming=tuple(word for word in head if not _descriptive(word)),
        naming=naming,
        variant=VARIANT_WORDS.intersection(naming),
    )


def _affirmed(text: str) -> list[str]:
    """The words of `text`, those it says the food is without marked so that no query word
    matches them: "chili no beans" is "chili", "no", "~bean"."""
    found = words(text)
    return [
        f"{NEGATED}{word}" if i and found[i - 1] in NEGATIONS else word
        for i, word in enumerate(found)
    ]


def _descriptive(word: str) -> bool:
    """A word that describes a food without naming another: its plain state ("raw"), or a
    number or letter ("3.25% milkfat", "trimmed to 1/8\" fat", "vitamin D")."""
    word = word.removeprefix(NEGATED)
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
