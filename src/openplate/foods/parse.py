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
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from openplate.foods import amounts, ranking
from openplate.foods.models import Food
from openplate.foods.search import search_foods
from openplate.foods.servings import GRAMS, OUNCES, ServingChoice, default_serving, serving_choices
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
# bowl of soup or cereal; a shot of spirits is USDA's jigger.
VESSEL_ML: Mapping[str, float] = {
    "glass": ML_PER_US_CUP,
    "mug": ML_PER_US_CUP,
    "bowl": ML_PER_US_CUP,
    "shot": 1.5 * ML_PER_US_FLUID_OUNCE,
}
# Names holding a separator that are one food, so "and", "with" or "&" inside them splits nothing.
COMPOUNDS = (
    "mac and cheese", "macaroni and cheese", "half and half", "half & half",
    "peanut butter and jelly", "pb&j", "pb and j", "pb & j", "salt and vinegar",
    "sweet and sour", "spaghetti and meatballs", "spaghetti with meatballs", "pork and beans",
    "rice and beans", "beans and rice", "franks and beans", "biscuits and gravy",
    "chicken and dumplings", "surf and turf", "cookies and cream", "fish and chips",
)  # fmt: skip
_MEASURE = re.compile(r"^\s*(\d+(?:\.\d+)?|\d+/\d+)\s+(.*)$")


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
    for written in parsing.parse_items(text, (*COMPOUNDS, *compounds)):
        foods = _foods(written.words, user_id, recent_food_ids)
        if not foods:
            unparsed.append(written.text)
            continue
        serving, quantity, note = amount_for(foods[0], written)
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


def amount_for(food: Food, written: ItemText) -> tuple[ServingChoice, float, str]:
    """The serving and quantity of `food` that the written amount means, and a note when the
    food's measures could not weigh it as written."""
    choices = serving_choices(food)
    measures = [choice for choice in choices if choice.name not in (GRAMS, OUNCES)]
    by_name = {choice.name: choice for choice in choices}
    quantity, unit = written.quantity, written.unit
    kind = written.unit_kind
    if kind == "mass":
        assert unit is not None
        grams = quantity * parsing.MASS_GRAMS[unit]
        if unit in ("g", "kg"):
            return by_name[GRAMS], grams, ""
        return by_name[OUNCES], grams / G_PER_OZ, ""
    if kind == "volume":
        assert unit is not None
        return _by_volume(measures, by_name, quantity * parsing.VOLUME_ML[unit], unit)
    if unit is not None:
        found = _measure_naming(measures, unit)
        if found is not None:
            return found[0], quantity / found[1], ""
        if unit in VESSEL_ML:
            serving, count, note = _by_volume(measures, by_name, quantity * VESSEL_ML[unit], unit)
            return serving, count, note or f"A {unit} counted as {VESSEL_ML[unit]:.0f} ml."
        serving, count = _default(food, quantity)
        return serving, count, f"{food.name} has no {unit} measure; counted as {serving.label}."
    if written.addition:
        smallest = _smallest(measures)
        if smallest is not None:
            return smallest, quantity, ""
    serving, count = _default(food, quantity)
    return serving, count, ""


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
    serving = default_serving(food)
    if serving.name == GRAMS:  # a food with no household measure: 100 g a time
        return serving, quantity * 100
    return serving, quantity


def _by_volume(
    measures: list[ServingChoice], by_name: dict[str, ServingChoice], ml: float, unit: str
) -> tuple[ServingChoice, float, str]:
    """`ml` of a food: as its measure in `unit` if it has one, else through the density of any of
    its volume measures, else as water."""
    volumes = _volumes(measures)
    for choice, measure_ml in volumes:
        if _measure_unit(choice) == unit:
            return choice, ml / measure_ml, ""
    if volumes:
        choice, measure_ml = volumes[0]
        return choice, ml / measure_ml, ""
    return by_name[GRAMS], ml, "No volume measure for this food: 1 ml counted as 1 g."


def _volumes(measures: list[ServingChoice]) -> list[tuple[ServingChoice, float]]:
    """The measures that are volumes, with their millilitres: "1 cup" is 236.6 ml."""
    found = []
    for choice in measures:
        count, _words = _split_measure(choice)
        unit = _measure_unit(choice)
        if unit is not None:
            found.append((choice, count * parsing.VOLUME_ML[unit]))
    return found


def _measure_unit(choice: ServingChoice) -> str | None:
    """The volume unit a measure is given in ("1 cup, chopped" is "cup"), or None."""
    _count, words = _split_measure(choice)
    for length in (2, 1):
        name = " ".join(words[:length])
        if len(words) >= length and name in parsing.VOLUME_NAMES:
            return parsing.VOLUME_NAMES[name]
    return None


def _measure_naming(measures: list[ServingChoice], unit: str) -> tuple[ServingChoice, float] | None:
    """The measure that names `unit` ("1 large", "1 slice", "1 potato medium"), with its count:
    one named by `unit` first ("1 large" before "1 cup (4.86 large eggs)"), then the one with the
    fewest other words; "large" is not "extra large"."""
    unit_words = unit.split()
    found: list[tuple[tuple[int, int, int], ServingChoice, float]] = []
    for position, choice in enumerate(measures):
        count, words = _split_measure(choice)
        for start in range(len(words) - len(unit_words) + 1):
            if words[start : start + len(unit_words)] != unit_words:
                continue
            if unit == "large" and start > 0 and words[start - 1] == "extra":
                continue
            found.append(((start > 0, len(words), position), choice, count))
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
