"""Plain words to foods and amounts: "2 large eggs and a slice of toast" becomes two items, each
with its food, serving, grams and calories, ready for the person to check and log.

`openplate.science.parsing` reads the words; this module finds each food with the food search
(so everyday names, spelling correction and the person's history help here too) and weighs the
amount with the food's own household measures:

- a mass (200 g, 8 oz, 1 lb) is grams or ounces;
- a volume (1.5 cups, 1 tbsp, 200 ml) is the food's measure in that unit if it has one, or else
  converted through the density any of its volume measures gives ("1 cup" of milk is 244 g);
- a size (large, medium, small) or a measure's noun (slice, clove, can) is the food's measure
  that names it; a glass, mug or bowl is a cup, a shot 1.5 fl oz, when the food has no such
  measure;
- no unit is the food's default serving ("a banana" is 1 medium), and an addition ("with
  butter") the food's smallest measure of at least a few grams (a pat, a tablespoon of milk).

Whatever cannot be weighed the way it was written is still weighed, but says so in its `note`,
and words that find no food are returned as unparsed: nothing is guessed silently.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from openplate.foods import amounts, everyday, ranking
from openplate.foods.models import Food
from openplate.foods.search import search_foods
from openplate.foods.servings import (
    GRAMS,
    OUNCES,
    ServingChoice,
    default_amount,
    default_serving,
    serving_choices,
)
from openplate.science import parsing
from openplate.science.parsing import ItemText, ParseError
from openplate.science.units import G_PER_OZ, ML_PER_US_CUP, ML_PER_US_FLUID_OUNCE

__all__ = ["ParseError", "ParseResult", "ParsedItem", "amount_for", "parse_foods"]

CANDIDATES = 5  # foods offered for each item: the best and the next four
# An addition with no amount ("toast with butter") is the food's smallest measure at least this
# heavy: a pat of butter (5 g), a tablespoon of milk (15 g), a teaspoon of sugar (4.2 g), never a
# crumb-sized "1 almond".
ADDITION_MIN_GRAMS = 4.0
# Vessels people name that USDA does not, as volumes: a glass or mug of a drink is a cup, as is a
# bowl of soup or cereal; a shot is a fluid ounce (of espresso; spirits have USDA's jigger).
VESSEL_ML: Mapping[str, float] = {
    "glass": ML_PER_US_CUP,
    "mug": ML_PER_US_CUP,
    "bowl": ML_PER_US_CUP,
    "shot": ML_PER_US_FLUID_OUNCE,
}
# Names holding a separator that are one food, so "and", "with" or "&" inside them splits nothing.
COMPOUNDS = (
    "mac and cheese", "macaroni and cheese", "half and half", "half & half",
    "peanut butter and jelly", "pb&j", "pb and j", "pb & j", "salt and vinegar",
    "sweet and sour", "spaghetti and meatballs", "spaghetti with meatballs", "pork and beans",
    "rice and beans", "beans and rice", "franks and beans", "biscuits and gravy",
    "chicken and dumplings", "surf and turf", "cookies and cream", "quarter pounder",
)  # fmt: skip
_MEASURE = re.compile(r"^\s*(\d+(?:\.\d+)?|\d+/\d+)\s+(.*)$")
_VOLUME_IN_MEASURE = re.compile(
    r"(\d+(?:\.\d+)?(?:/\d+)?)\s*("
    + "|".join(sorted((re.escape(name) for name in parsing.VOLUME_NAMES), key=len, reverse=True))
    + r")\b"
)
# Words of one piece in USDA's measures, for counting small things: "12 almonds", "5 saltines".
PIECE_NOUNS = frozenset(
    {"piece", "kernel", "nut", "cracker", "item", "each", "cake", "chip", "cookie", "olive"}
)
_NOT_PIECES = frozenset({"oz", "lb", "g", "nlea", "serving", "package", "container", "fl oz"})


@dataclass(frozen=True)
class ParsedItem:
    """One food read from the words, with the amount the person most likely meant."""

    text: str  # the words it was read from: "2 large eggs"
    food: Food
    candidates: tuple[Food, ...]  # the food first, then other foods the words may mean
    quantity: float  # how many of `serving`
    serving: ServingChoice  # one of serving_choices(food): what an entry stores
    grams: float
    written: ItemText
    note: str = ""  # how the amount was read, when not as written

    @property
    def unit(self) -> str:
        return self.serving.name

    @property
    def kcal(self) -> float:
        return self.food.energy_kcal * self.grams / 100

    def as_json(self) -> dict[str, Any]:
        """The keys of `openplate parse --json` and POST /api/parse: a contract, add keys only."""
        return {
            "text": self.text,
            "food_id": self.food.pk,
            "source_id": self.food.source_id,
            "name": self.food.name,
            "quantity": amounts.tidy(self.quantity),
            "unit": self.unit,
            "grams": round(self.grams, 1),
            "kcal": round(self.kcal, 1),
            "note": self.note,
            "candidates": [
                {"food_id": food.pk, "source_id": food.source_id, "name": food.name}
                for food in self.candidates
            ],
        }


@dataclass(frozen=True)
class ParseResult:
    items: tuple[ParsedItem, ...]
    unparsed: tuple[str, ...]  # the words that name no food, as written

    def as_json(self) -> dict[str, Any]:
        return {"items": [item.as_json() for item in self.items], "unparsed": list(self.unparsed)}

    @property
    def kcal(self) -> float:
        return sum(item.kcal for item in self.items)


def parse_foods(
    text: str,
    *,
    user_id: int | None = None,
    recent_food_ids: Collection[int] | Mapping[int, float] = (),
    compounds: Collection[str] = (),
) -> ParseResult:
    """The foods in `text`, in the order written. Raises ParseError for text too long to read."""
    items: list[ParsedItem] = []
    unparsed: list[str] = []
    found: list[tuple[ItemText, list[Food]]] = []
    kept_whole = (*COMPOUNDS, *everyday.names_with_separators(), *compounds)
    for written in parsing.parse_items(text, kept_whole):
        foods = _foods(written.words, user_id, recent_food_ids)
        if found and written.joined_by in ("with", "and") and written.words:
            joined = _joined(found[-1][0], written, user_id, recent_food_ids)
            if joined is not None:
                found[-1] = joined
                continue
        if not foods:
            unparsed.append(written.text)
            continue
        found.append((written, foods))
    for written, foods in found:
        serving, quantity, note = amount_for(foods[0], written, others=foods[1:])
        items.append(
            ParsedItem(
                text=written.text,
                food=foods[0],
                candidates=tuple(foods),
                quantity=quantity,
                serving=serving,
                grams=quantity * serving.grams,
                written=written,
                note=note,
            )
        )
    return ParseResult(items=tuple(items), unparsed=tuple(unparsed))


def _joined(
    before: ItemText,
    after: ItemText,
    user_id: int | None,
    recent: Collection[int] | Mapping[int, float],
) -> tuple[ItemText, list[Food]] | None:
    """One item of two when a food is named by both and its connector: "a whopper with cheese"
    is USDA's "WHOPPER, with cheese", "chili with beans" its "Chili con carne with beans"; but
    "coffee with milk" is two, for no coffee is named "... with milk"."""
    if after.amount_given or before.words == "":
        return None
    words = f"{before.words} {after.words}"
    foods = search_foods(words, user_id=user_id, limit=CANDIDATES, recent_food_ids=recent)
    phrase = f"{after.joined_by} {after.words}"
    if not foods or phrase not in " ".join(ranking.tokens(foods[0].name)):
        return None
    text = f"{before.text} {after.joined_by} {after.text}"
    return replace(before, text=text, words=f"{before.words} {phrase}"), foods


def amount_for(
    food: Food, written: ItemText, *, others: Sequence[Food] = ()
) -> tuple[ServingChoice, float, str]:
    """The serving and quantity of `food` that the written amount means, and a note when the
    food's measures could not weigh it as written. A unit the food has no measure for is weighed
    by the first of `others` (the other foods the words may mean) that has one, and says so."""
    choices = serving_choices(food)
    by_name = {choice.name: choice for choice in choices}
    quantity, unit = written.quantity, written.unit
    if written.unit_kind == "mass":
        assert unit is not None
        grams = quantity * parsing.MASS_GRAMS[unit]
        if unit in ("g", "kg"):
            return by_name[GRAMS], grams, ""
        return by_name[OUNCES], grams / G_PER_OZ, ""
    own = _measured(food, written)
    if own is not None:
        serving, count, note = own
        return serving, count, note
    for other in others:
        borrowed = _measured(other, written)
        if borrowed is not None and not borrowed[2]:
            grams = borrowed[1] * borrowed[0].grams
            note = f"Weighed as {amounts.tidy(borrowed[1]):g} × {borrowed[0].name} of {other.name}."
            return by_name[GRAMS], grams, note
    if written.unit_kind == "volume":
        assert unit is not None
        ml = quantity * parsing.VOLUME_ML[unit]
        return by_name[GRAMS], ml, "No volume measure for this food: 1 ml counted as 1 g."
    serving, count = _default(food, quantity)
    if unit is None:
        return serving, count, ""
    return serving, count, f"{food.name} has no {unit} measure; counted as {serving.label}."


def _measured(food: Food, written: ItemText) -> tuple[ServingChoice, float, str] | None:
    """The food's own measure for the written unit and how many of it, or None."""
    measures = [c for c in serving_choices(food) if c.name not in (GRAMS, OUNCES)]
    quantity, unit = written.quantity, written.unit
    if written.unit_kind == "volume":
        assert unit is not None
        return _by_volume(measures, quantity * parsing.VOLUME_ML[unit], unit)
    if unit is not None:
        found = _measure_naming(measures, unit)
        if found is not None:
            return found[0], quantity / found[1], ""
        if unit in VESSEL_ML:
            return _vessel(measures, quantity, unit)
        return None
    if written.addition:
        smallest = _smallest(measures)
        return None if smallest is None else (smallest, quantity, "")
    if written.amount_given and written.quantity != 1:
        piece = _piece_named(measures, written.words)
        if piece is not None and not _is_piece(default_serving(food)):
            return piece[0], quantity / piece[1], ""
    if not measures:
        return None
    serving, count = _default(food, quantity)
    return serving, count, ""


def _vessel(
    measures: list[ServingChoice], quantity: float, vessel: str
) -> tuple[ServingChoice, float, str] | None:
    """A glass, mug, bowl or shot: the food's own serving of a drink when it has one ("1 serving
    5 fl oz" of wine), a jigger for a shot of spirits, else the vessel's volume."""
    if vessel == "shot":
        jigger = _measure_naming(measures, "jigger")
        if jigger is not None:
            return jigger[0], quantity / jigger[1], ""
    else:
        for choice, _ml in _volumes(measures):
            if "serving" in _measure_words(choice.name.lower()):
                return choice, quantity, ""
    ml = quantity * VESSEL_ML[vessel]
    volume = _by_volume(measures, ml, "cup" if vessel != "shot" else "fl oz")
    if volume is None:
        return None
    serving, count, _note = volume
    return serving, count, f"A {vessel} counted as {VESSEL_ML[vessel]:.0f} ml."


def _foods(
    words: str, user_id: int | None, recent: Collection[int] | Mapping[int, float]
) -> list[Food]:
    """The foods the words may mean, best first: as written, then without words of
    preparation, then the last words alone ("homemade sourdough toast" as "sourdough toast")."""
    tried: set[str] = set()
    for attempt in _attempts(words):
        if attempt in tried:
            continue
        tried.add(attempt)
        foods = search_foods(attempt, user_id=user_id, limit=CANDIDATES, recent_food_ids=recent)
        if foods:
            return foods
    return []


def _attempts(words: str) -> list[str]:
    split = words.split()
    if not split:
        return []
    plain = [word for word in split if word not in parsing.PREPARATION_WORDS]
    attempts = [words, " ".join(plain)]
    attempts += [" ".join(split[-count:]) for count in (2, 1) if count < len(split)]
    return [attempt for attempt in attempts if attempt]


def _default(food: Food, quantity: float) -> tuple[ServingChoice, float]:
    serving, count = default_amount(food)
    return serving, quantity * count


def _by_volume(
    measures: list[ServingChoice], ml: float, unit: str
) -> tuple[ServingChoice, float, str] | None:
    """`ml` of a food: as its measure in `unit` if it has one, else through the density of any of
    its volume measures; None when it has none."""
    volumes = _volumes(measures)
    for choice, measure_ml in volumes:
        if _measure_unit(choice) == unit:
            return choice, ml / measure_ml, ""
    if volumes:
        choice, measure_ml = volumes[0]
        return choice, ml / measure_ml, ""
    return None


def _volumes(measures: list[ServingChoice]) -> list[tuple[ServingChoice, float]]:
    """The measures that hold a volume, with its millilitres: "1 cup" is 236.6 ml, "1 serving
    1/2 cup" 118.3 ml, "1 serving 5 fl oz" 147.9 ml."""
    found = []
    for choice in measures:
        volume = _volume_of(choice)
        if volume is not None:
            found.append((choice, volume[1]))
    return found


def _measure_unit(choice: ServingChoice) -> str | None:
    """The volume unit a measure is given in ("1 cup, chopped" is "cup"), or None."""
    volume = _volume_of(choice)
    return None if volume is None else volume[0]


def _volume_of(choice: ServingChoice) -> tuple[str, float] | None:
    match = _VOLUME_IN_MEASURE.search(choice.name.lower())
    if match is None:
        return None
    count = parsing.number(match.group(1)) or 1.0
    unit = parsing.VOLUME_NAMES[match.group(2)]
    return unit, count * parsing.VOLUME_ML[unit]


def _piece_named(measures: list[ServingChoice], words: str) -> tuple[ServingChoice, float] | None:
    """A measure of one piece named by the food's own words or a piece word, however light:
    "1 almond", "1 kernel", "1 cracker square", "10 pieces"; for counting them."""
    food_words = {ranking.singular(word) for word in ranking.tokens(words)}
    for wanted in (food_words, PIECE_NOUNS):
        for choice in measures:
            count, measure_words = _split_measure(choice)
            if measure_words and measure_words[0] in wanted and _volume_of(choice) is None:
                return choice, count
    return None


def _is_piece(choice: ServingChoice) -> bool:
    words = _measure_words(choice.name.lower())
    return bool(words) and _volume_of(choice) is None and words[0] not in _NOT_PIECES


def _measure_naming(measures: list[ServingChoice], unit: str) -> tuple[ServingChoice, float] | None:
    """The measure that names `unit` ("1 large", "1 slice", "1 potato medium"), with its count:
    one named by `unit` first ("1 large" before "1 cup (4.86 large eggs)"), then the one with the
    fewest other words; "large" is not "extra large"."""
    unit_words = unit.split()
    found: list[tuple[tuple[bool, bool, int, int], ServingChoice, float]] = []
    for position, choice in enumerate(measures):
        count, words = _split_measure(choice)
        for start in range(len(words) - len(unit_words) + 1):
            if words[start : start + len(unit_words)] != unit_words:
                continue
            if unit == "large" and start > 0 and words[start - 1] == "extra":
                continue
            rank = (start > 0, "medium" not in words, len(words), position)
            found.append((rank, choice, count))
            break
    if not found:
        return None
    _rank, choice, count = min(found, key=lambda row: row[0])
    return choice, count


def _smallest(measures: list[ServingChoice]) -> ServingChoice | None:
    enough = [
        choice
        for choice in measures
        if choice.grams >= ADDITION_MIN_GRAMS and _split_measure(choice)[0] == 1
    ]
    return min(enough, key=lambda choice: choice.grams, default=None)


def _split_measure(choice: ServingChoice) -> tuple[float, list[str]]:
    """A measure's count and its words, singular: "10 strips (1 oz)" is 10 and ["strip", ...]."""
    match = _MEASURE.match(choice.name.lower())
    if match is None:
        return 1.0, _measure_words(choice.name.lower())
    count = parsing.number(match.group(1)) or 1.0
    return count, _measure_words(match.group(2))


def _measure_words(text: str) -> list[str]:
    words: list[str] = []
    for word in re.findall(r"[a-z]+", text):
        if word == "oz" and words[-1:] == ["fl"]:
            words[-1] = "fl oz"
        else:
            words.append(parsing.NOUN_PLURALS.get(word, ranking.singular(word)))
    return words
