"""The servings an amount of a food is given in: its household measures, then grams and ounces,
and the one a new entry starts at.

The diary's entries, the food API's detail and the serving picker all take these names.

The default serving is the one people mean when they say "a banana" or "an egg". USDA lists a
food's measures in no such order (a banana's first is "1 cup, mashed"), so `default_serving`
takes the first of these that the food has:

1. **A whole item in sizes**: among "1 small", "1 medium", "1 large" (also extra small, extra
   large, jumbo, and "1 potato, large"), the middle one by weight; of two middle ones, the
   medium, else the smaller. An egg's sizes weigh 38, 44, 50, 56 and 63 g, so "1 large"; a
   banana's are extra small to extra large, so "1 medium". When the sizes have no medium (an
   orange's "1 small" and "1 large"), a plain piece weighing between them ("1 fruit") is the
   middle.
2. **One countable piece**: "1 slice", "1 piece", "1 fruit", "1 egg", "1 breast", "1 cookie"
   (a word of `PIECE_WORDS`), then a piece named by the food itself ("1 plum" of plums), each
   weighing from `MIN_PIECE_GRAMS` to `MAX_PIECE_GRAMS`: not an almond or an olive, not a
   whole pie, roast or bird.
3. **A spoon or a cup**: a spoon ("1 tbsp", then "1 tsp") for what is eaten by the spoonful,
   a cup for the rest. By the spoonful is what a cup of would give `SPOON_KCAL_PER_CUP` kcal
   or more (butter, oils, nut butters, jams, syrups, dressings, cream) or a day's Daily Value
   of sodium or more (ketchup, mustard, soy sauce).
4. **Any other single measure**: a container ("1 can", "1 bottle", "1 packet"), "1 serving",
   "1 pat", "1 stick", then "1 oz" and "1 fl oz", then "1 NLEA serving".
5. **A measure of several**: "3 oz", "0.5 cup", "1 quart", "1 cup (4.86 large eggs)", only
   when the food has nothing else.
6. **100 g** for a food with no measures at all (`default_amount`).

Within a step, the measure USDA lists first. The rule is checked over a list of common foods
and over every shipped food in tests/foods/test_servings.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from openplate.foods import amounts
from openplate.foods.models import Food
from openplate.science.nutrition import DAILY_VALUES
from openplate.science.units import G_PER_OZ
from openplate.templatetags import numbers

GRAMS = "g"
OUNCES = "oz"
NO_MEASURE_GRAMS: Final = 100.0  # what a food with no household measure starts at

# Eaten by the spoonful: a cup of the food would give this much energy (a sixth of a 2,000 kcal
# day, more than a cup of whole milk's 149 or of cooked oats' 166) or a day's sodium.
SPOON_KCAL_PER_CUP: Final = 300.0
SPOON_SODIUM_MG_PER_CUP: Final = DAILY_VALUES["sodium_mg"]
MIN_PIECE_GRAMS: Final = 5.0  # lighter pieces (an almond, an olive) are eaten by the handful
MAX_PIECE_GRAMS: Final = 500.0  # heavier ones are a whole pie, roast, melon or bird
MAX_PORTION_KCAL: Final = 600.0  # a container or stick giving more is several portions
SEASONINGS: Final = "Spices and Herbs"  # USDA's group of salt, vinegar, mustard, spices

SIZES: Final = (
    "mini", "miniature", "extra small", "small", "medium", "large", "extra large", "very large",
    "jumbo",
)  # fmt: skip
PIECE_WORDS: Final = frozenset(
    [
        "slice",
        "piece",
        "fruit",
        "egg",
        "breast",
        "thigh",
        "drumstick",
        "wing",
        "leg",
        "fillet",
        "filet",
        "steak",
        "chop",
        "patty",
        "pattie",
        "link",
        "frankfurter",
        "frank",
        "sausage",
        "bar",
        "cookie",
        "cracker",
        "muffin",
        "roll",
        "bun",
        "bagel",
        "biscuit",
        "pancake",
        "waffle",
        "tortilla",
        "pita",
        "croissant",
        "doughnut",
        "pastry",
        "item",
        "each",
        "ear",
        "stalk",
        "spear",
        "wedge",
        "strip",
        "cupcake",
        "brownie",
        "scoop",
        "medallion",
    ]
)
SPOONS: Final = ("tbsp", "tablespoon", "tsp", "teaspoon")  # in the order preferred
CUPS: Final = ("cup",)
WEIGHTS: Final = frozenset({"oz", "ounce", "ounces", "lb", "lbs", "pound", "g", "gram", "grams"})
FLUID: Final = ("fl oz", "fluid ounce", "fl. oz")
LARGE_VOLUMES: Final = frozenset({"quart", "pint", "liter", "litre", "gallon"})
UNITS: Final = WEIGHTS | frozenset({*FLUID, "fl", "ml", *SPOONS, *CUPS, *LARGE_VOLUMES})
NLEA: Final = "nlea"

_BY_LENGTH = sorted(SIZES, key=len, reverse=True)  # "extra large" before "large"
_COUNT = re.compile(r"^\s*(\d+(?:\.\d+)?(?:/\d+)?)\s+(.*)$")
_INNER_COUNT = re.compile(r"\(\s*(?:about\s+|approx\.?\s+)?(\d+(?:\.\d+)?)\s+([a-z]+)")


@dataclass(frozen=True)
class ServingChoice:
    name: str  # what an entry stores and the API takes: "1 medium", "g", "oz"
    label: str
    grams: float


def serving_choices(food: Food) -> list[ServingChoice]:
    """The food's household measures, then grams and ounces. A measure whose name another
    measure of the food has already ("1 slice" of 28 g and of 25 g) is named with its weight, so
    each can be picked by name."""
    measures: list[ServingChoice] = []
    taken = {GRAMS, OUNCES}
    for serving in food.servings.all():
        weight = f"{amounts.tidy(serving.grams):g} g"
        name = serving.name if serving.name not in taken else f"{serving.name} ({weight})"
        taken.add(name)
        measures.append(ServingChoice(name, f"{serving.name} ({weight})", serving.grams))
    return [
        *measures,
        ServingChoice(GRAMS, "grams", 1.0),
        ServingChoice(OUNCES, "ounces", G_PER_OZ),
    ]


def default_serving(food: Food) -> ServingChoice:
    """The serving a new entry of `food` starts at, by the rule above; grams when the food has
    no household measure (then 100 of them: `default_amount`). The food's sodium is read only
    when the rule needs it (a cup of a food not rich enough to be spooned for its energy), so a
    food loaded without its nutrients, as food search loads them, mostly costs no query."""
    choices = serving_choices(food)
    measures = choices[:-2]
    index = default_measure(
        [(choice.name, choice.grams) for choice in measures],
        food_name=food.name,
        kcal_per_100g=food.energy_kcal,
        sodium_mg_per_100g=lambda: float(food.nutrients.get("sodium_mg", 0.0)),
        group=food.group,
    )
    return choices[-2] if index is None else measures[index]


def default_amount(food: Food) -> tuple[ServingChoice, float]:
    """The serving and quantity a new entry of `food` starts at: 1 × its default serving, or
    100 g of a food with no household measure."""
    serving = default_serving(food)
    return serving, NO_MEASURE_GRAMS if serving.name == GRAMS else 1.0


# --- the rule ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """A household measure read from its name: "1 large (3-1/4" dia)" is one large."""

    index: int
    name: str
    grams: float
    count: float  # 1 for "1 cup", 0.5 for "0.5 cup"
    head: str  # "cup", "large", "piece", "fl oz": before any comma or bracket, lower case
    size: str | None  # "large" for "1 large", "1 large bagel" or "1 ear, large"
    noun: str  # what the size is of: "" for "1 large", "ear" for "1 ear, large"

    @property
    def unit(self) -> str:
        return self.head.split()[0] if self.head else ""

    @property
    def is_weight(self) -> bool:
        return self.unit in WEIGHTS or self.unit == "ml" or self.head.startswith(FLUID)

    @property
    def several(self) -> bool:
        """More than one thing: "3 oz", "0.5 cup", "1 quart", "1 cup (4.86 large eggs)". A weight
        is one weight whatever it counts: "1 oz (23 whole kernels)" is an ounce."""
        if self.count != 1 or self.unit in LARGE_VOLUMES:
            return True
        inner = _INNER_COUNT.search(self.name.lower())
        return (
            not self.is_weight
            and inner is not None
            and float(inner.group(1)) > 1
            and inner.group(2) not in UNITS
        )


def read_measure(index: int, name: str, grams: float) -> Measure:
    """The count, head word and size of a measure's name."""
    match = _COUNT.match(name)
    count = _number(match.group(1)) if match else 1.0
    rest = (match.group(2) if match else name).lower()
    parts = [part.strip() for part in re.split(r"[,(]", rest)]
    head = parts[0]
    size, words = _size_in(head)
    if size is None and len(parts) > 1:  # "1 ear, large (7-3/4" to 9" long)"
        after = parts[1].split()
        size = next((s for s in _BY_LENGTH if after[: len(s.split())] == s.split()), None)
    noun = " ".join(word for word in words if word != "whole")
    if size is not None and noun in (*CUPS, *SPOONS, *WEIGHTS):
        size = None  # "1 cup small" is a cup
    return Measure(index, name, grams, count, head, size, noun)


def _size_in(text: str) -> tuple[str | None, list[str]]:
    """The size word in `text` ("extra large" before "large") and the words besides it."""
    for candidate in _BY_LENGTH:
        found = re.search(rf"\b{candidate}\b", text)
        if found:
            return candidate, (text[: found.start()] + text[found.end() :]).split()
    return None, text.split()


def default_measure(
    measures: Sequence[tuple[str, float]],
    *,
    food_name: str,
    kcal_per_100g: float,
    sodium_mg_per_100g: float | Callable[[], float] = 0.0,
    group: str = "",
) -> int | None:
    """The index of the measure a new entry starts at, by the rule in the module's docstring;
    None when there are no measures. The sodium may be given as a function, called only when
    the rule needs it."""
    read = [read_measure(i, name, grams) for i, (name, grams) in enumerate(measures)]
    singles = [m for m in read if not m.several]
    food_words = _food_words(food_name)
    pieces = sorted(
        (m for m in read if _is_piece(m, food_words)),
        key=lambda m: (m.count != 1, m.size is not None, m.unit not in PIECE_WORDS, m.index),
    )
    sized = _middle_size(singles, pieces, food_words)
    if sized is not None:
        return sized.index
    if pieces:
        return pieces[0].index
    spoons = sorted(
        (m for m in read if m.unit in SPOONS),
        key=lambda m: (m.count != 1, SPOONS.index(m.unit) // 2, m.index),  # tbsp before tsp
    )
    cups = [m for m in singles if m.unit in CUPS]
    others = [
        m
        for m in singles
        if m.unit not in (*SPOONS, *CUPS)
        and not m.is_weight
        and NLEA not in m.head
        and MIN_PIECE_GRAMS <= m.grams <= MAX_PIECE_GRAMS
        and kcal_per_100g * m.grams / 100 <= MAX_PORTION_KCAL
    ]
    weights = [m for m in singles if m.is_weight]
    if _by_spoon(cups, kcal_per_100g, sodium_mg_per_100g, group):
        steps = [spoons, others, weights, cups]
    else:
        steps = [cups, [m for m in spoons if m.count == 1], others, weights]
    steps += [
        [m for m in singles if NLEA in m.head],
        [m for m in read if m.several and m.grams <= MAX_PIECE_GRAMS],
    ]
    for step in steps:
        if step:
            return step[0].index
    return read[0].index if read else None  # only odd measures: still one of the food's own


def _number(text: str) -> float:
    if "/" in text:
        top, bottom = text.split("/")
        return float(top) / float(bottom) if float(bottom) else 0.0
    return float(text)


def _food_words(food_name: str) -> set[str]:
    """The words naming the food itself: of "Bananas, raw" bananas and banana; of "Fast foods,
    burrito, with beans" also burrito; not "stick" of "Margarine, regular, stick"."""
    parts = food_name.lower().split(",")[:2]
    return {form for word in re.findall(r"[a-z]+", " ".join(parts)) for form in _forms(word)}


def _is_piece(measure: Measure, food_words: set[str]) -> bool:
    """One countable piece (or half of one: "0.5 breast") of a portion's weight."""
    return (
        measure.count in (1, 0.5)
        and MIN_PIECE_GRAMS <= measure.grams <= MAX_PIECE_GRAMS
        and "yield" not in measure.head  # "1 fruit yields" of juice is juice
        and (measure.unit in PIECE_WORDS or measure.unit in food_words)
    )


def _middle_size(
    singles: list[Measure], pieces: list[Measure], food_words: set[str]
) -> Measure | None:
    """The middle of the food's sizes by weight: of two middle ones the medium, else the
    smaller. A scale without a medium takes a plain piece weighing between its ends."""
    scales: dict[str, list[Measure]] = {}
    for measure in singles:
        if measure.size is not None and MIN_PIECE_GRAMS <= measure.grams <= MAX_PIECE_GRAMS:
            scales.setdefault(measure.noun, []).append(measure)
    # A whole item by its size ("1 large"), or sizes of a piece ("1 ear, small" and large).
    scales = {
        noun: scale
        for noun, scale in scales.items()
        if not noun or (len(scale) > 1 and _names_piece(noun, food_words))
    }
    if not scales:
        return None
    scale = max(scales.values(), key=len)  # the first of the longest, in USDA order
    if len(scale) > 1 and not any(m.size == "medium" for m in scale):
        low, high = min(m.grams for m in scale), max(m.grams for m in scale)
        between = [p for p in pieces if p.size is None and low < p.grams < high]
        if between:
            return between[0]
    scale = sorted(scale, key=lambda m: (m.grams, m.index))
    if len(scale) % 2 == 0 and scale[len(scale) // 2].size == "medium":
        return scale[len(scale) // 2]
    return scale[(len(scale) - 1) // 2]


def _names_piece(noun: str, food_words: set[str]) -> bool:
    first = noun.split()[0]
    return first in PIECE_WORDS or first in food_words


def _by_spoon(
    cups: list[Measure],
    kcal_per_100g: float,
    sodium_mg_per_100g: float | Callable[[], float],
    group: str,
) -> bool:
    """Eaten by the spoonful: a seasoning, or what a cup of would give a lot of energy or a
    day's sodium."""
    if group == SEASONINGS:
        return True
    if not cups:
        return False
    grams = cups[0].grams
    if kcal_per_100g * grams / 100 >= SPOON_KCAL_PER_CUP:
        return True
    sodium = sodium_mg_per_100g() if callable(sodium_mg_per_100g) else sodium_mg_per_100g
    return sodium * grams / 100 >= SPOON_SODIUM_MG_PER_CUP


def _forms(word: str) -> set[str]:
    """A word and what it may be without a plural ending: "peaches" may be "peach", "plums"
    "plum", "cherries" "cherry"."""
    forms = {word}
    if word.endswith("s"):
        forms |= {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def amount_text(how_many: float, serving: str, grams: float | None) -> str:
    """An amount as every page and message writes it: "150 g", "4 oz", a single serving by its
    name ("1 cup"), a number of a "1 …" serving counted in it ("2 large", "0.5 cup"), and any
    other serving times its name ("2 × 10 chips")."""
    if serving == GRAMS:
        return f"{numbers.amount(grams)} g"
    if serving == OUNCES:
        return f"{numbers.quantity(how_many)} oz"
    if how_many == 1:
        return serving
    if serving.startswith("1 "):
        return f"{numbers.quantity(how_many)} {serving[2:]}"
    return f"{numbers.quantity(how_many)} × {serving}"
