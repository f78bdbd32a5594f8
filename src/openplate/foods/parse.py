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

Which food the words mean follows what was written about it, where the search alone cannot
know (docs/logging.md lists these with examples):

- **the unit says which food**: a unit the best food has no measure of goes to the first of the
  other foods the words find that has one ("2 tbsp ranch" is the dressing, not ranch-flavoured
  chips; "a shot of whiskey" the spirit with a jigger), else to what the words and the unit's
  own word find ("a can of tuna" is canned tuna, "3 slices of turkey" sliced turkey); a food
  counted by a noun it cannot be counted in goes to one that can ("a chicken sandwich" is a
  sandwich, not sandwich spread);
- **as eaten**: meat, poultry, fish, grains, pasta and dry pulses are eaten cooked, so words
  that do not say raw, dry or uncooked mean the cooked form of the food they find ("a cup of
  brown rice" is cooked brown rice); a soup sold condensed or as a dry mix is eaten prepared; a
  way of cooking written that no food's name has ("steamed broccoli") means the cooked form;
- **a cut is a measure**: "1 cup sliced strawberries" is raw strawberries by their "1 cup,
  sliced" measure, when the food has one, not the frozen sliced ones.

Whatever cannot be weighed the way it was written is still weighed, but says so in its `note`,
and words that find no food are returned as unparsed: nothing is guessed silently.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from openplate.foods import amounts, everyday, ranking
from openplate.foods.models import Food
from openplate.foods.search import search_foods
from openplate.foods.servings import (
    GRAMS,
    OUNCES,
    PIECE_WORDS,
    ServingChoice,
    default_amount,
    serving_choices,
)
from openplate.science import parsing
from openplate.science.parsing import ItemText, ParseError
from openplate.science.units import (
    G_PER_OZ,
    ML_PER_BOTTLE,
    ML_PER_US_CAN,
    ML_PER_US_CUP,
    ML_PER_US_FLUID_OUNCE,
)

__all__ = ["ParseError", "ParseResult", "ParsedItem", "amount_for", "parse_foods"]

CANDIDATES = 5  # foods offered for each item: the best and the next four
# An addition with no amount ("toast with butter") is the food's smallest measure at least this
# heavy: a pat of butter (5 g), a tablespoon of milk (15 g), a teaspoon of sugar (4.2 g), never a
# crumb-sized "1 almond".
ADDITION_MIN_GRAMS = 4.0
# Vessels people name that USDA does not, as volumes: a glass or mug of a drink is a cup, as is a
# bowl of soup or cereal; a shot is a fluid ounce (of espresso; spirits have USDA's jigger); a
# can or bottle of a drink that USDA gives no can or bottle of is a standard one.
VESSEL_ML: Mapping[str, float] = {
    "glass": ML_PER_US_CUP,
    "mug": ML_PER_US_CUP,
    "bowl": ML_PER_US_CUP,
    "shot": ML_PER_US_FLUID_OUNCE,
    "can": ML_PER_US_CAN,
    "bottle": ML_PER_BOTTLE,
}
# USDA's word for a measure people name otherwise: spirits come by the jigger, bacon by the
# slice, fish by the fillet.
MEASURE_WORDS: Mapping[str, str] = {"shot": "jigger", "strip": "slice", "filet": "fillet"}
# The vessels that hold whatever is poured in them, and so say nothing of which food it is.
OPEN_VESSELS = frozenset({"glass", "mug", "bowl"})
# The word a food's name has when it comes in a measure ("a can of tuna" is canned tuna); else
# the measure's own noun, which finds names by its start ("slice" finds "sliced").
MEASURE_FORMS: Mapping[str, str] = {"can": "canned", "bottle": "bottled", "jar": "jarred"}
# USDA's groups of foods eaten cooked, and the words that name them uncooked. Of the legumes, the
# dry pulses: beans, peas and chickpeas USDA calls "mature seeds", and lentils.
COOKED_GROUPS = frozenset(
    {
        "Beef Products", "Pork Products", "Poultry Products", "Lamb, Veal, and Game Products",
        "Finfish and Shellfish Products", "Sausages and Luncheon Meats", "Cereal Grains and Pasta",
        "Legumes and Legume Products",
    }
)  # fmt: skip
UNCOOKED_WORDS = frozenset({"raw", "uncooked", "unprepared"})
GRAIN_GROUP = "Cereal Grains and Pasta"  # grains are also sold "dry"
LEGUME_GROUP = "Legumes and Legume Products"
DRY_PULSES = ("mature seeds", "lentils")
# Soups and drinks sold to be made up (condensed, a dry mix, a powder), by USDA group: eaten
# prepared.
UNPREPARED_WORDS: Mapping[str, frozenset[str]] = {
    "Soups, Sauces, and Gravies": frozenset({"condensed", "dry", "mix", "undiluted"}),
    "Beverages": frozenset({"powder", "dry", "undiluted", "concentrate"}),
}
PREPARED_WORDS = frozenset({"prepared", "ready", "serve", "diluted", "reconstituted"})
# Words of the cooked state in USDA's names, and words a person writes for a way of cooking.
COOKED_WORDS = frozenset(
    {
        "cooked", "boiled", "roasted", "broiled", "baked", "braised", "fried", "grilled",
        "stewed", "steamed", "heat", "heated", "simmered", "microwaved", "poached", "scrambled",
        "toasted", "sauteed", "smoked", "prepared", "canned",
    }
)  # fmt: skip
# Words saying a food is eaten as it is sold, which the as-eaten rule leaves alone.
AS_SOLD_WORDS = UNCOOKED_WORDS.union(*UNPREPARED_WORDS.values(), {"sashimi", "tartare", "ceviche"})
# Names holding a separator that are one food, so "and", "with" or "&" inside them splits nothing.
COMPOUNDS = (
    "mac and cheese", "macaroni and cheese", "half and half", "half & half",
    "peanut butter and jelly", "pb&j", "pb and j", "pb & j", "salt and vinegar",
    "sweet and sour", "spaghetti and meatballs", "spaghetti with meatballs", "pork and beans",
    "rice and beans", "beans and rice", "franks and beans", "biscuits and gravy",
    "chicken and dumplings", "surf and turf", "cookies and cream", "quarter pounder",
    "chili with beans", "chili con carne with beans",
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
# Sizes count pieces too: cooked shrimp come as "4 large".
SIZE_NOUNS = frozenset({"small", "medium", "large", "extra", "jumbo"})
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
    search = _Search(user_id, recent_food_ids)
    unparsed: list[str] = []
    found: list[tuple[ItemText, list[Food]]] = []
    for written in parsing.parse_items(text, (*_kept_whole(), *compounds)):
        if found and written.joined_by in ("with", "and") and written.words:
            joined = _joined(found[-1][0], written, search)
            if joined is not None:
                found[-1] = joined
                continue
        foods = _foods(written, search)
        if not foods:
            unparsed.append(written.text)
            continue
        found.append((written, foods))
    return ParseResult(
        items=tuple(_item(written, foods) for written, foods in found), unparsed=tuple(unparsed)
    )


@dataclass(frozen=True)
class _Search:
    """The food search for one person: their own foods and history count."""

    user_id: int | None
    recent: Collection[int] | Mapping[int, float]

    def __call__(self, words: str) -> list[Food]:
        return search_foods(
            words, user_id=self.user_id, limit=CANDIDATES, recent_food_ids=self.recent
        )

    def chosen(self, food: Food) -> bool:
        """Whether the person chose this food before: their own, or one they log."""
        return food.owner_id is not None or food.pk in self.recent


@functools.cache
def _kept_whole() -> tuple[str, ...]:
    """Names the words of a phrase must not be split or read an amount in."""
    return (
        *COMPOUNDS,
        *everyday.names_with_separators(),
        *everyday.names_starting_with(parsing.AMOUNT_WORDS),
    )


def _item(written: ItemText, foods: list[Food]) -> ParsedItem:
    serving, quantity, note = amount_for(foods[0], written, others=foods[1:])
    return ParsedItem(
        text=written.text,
        food=foods[0],
        candidates=tuple(foods),
        quantity=quantity,
        serving=serving,
        grams=quantity * serving.grams,
        written=written,
        note=note,
    )


def _joined(
    before: ItemText, after: ItemText, search: _Search
) -> tuple[ItemText, list[Food]] | None:
    """One item of two when a food is named by both and its connector: "a whopper with cheese"
    is USDA's "WHOPPER, with cheese" (the best food the words find), "a ham and cheese sandwich"
    its "ham and cheese sandwich" (any food they find); but "coffee with milk" is two, for no
    coffee is named "... with milk"."""
    if after.amount_given or before.words == "":
        return None
    foods = search(f"{before.words} {after.words}")
    phrase = f"{after.joined_by} {after.words}"
    # "and" joins the two foods of a dish wherever the words find it; "with" only when it comes
    # first, for "with" is how additions are written ("corn with butter").
    looked_at = foods if after.joined_by == "and" else foods[:1]
    named = [food for food in looked_at if phrase in " ".join(ranking.tokens(food.name))]
    if not named:
        return None
    text = f"{before.text} {after.joined_by} {after.text}"
    words = f"{before.words} {phrase}"
    return replace(before, text=text, words=words), _first(named, foods)


def _first(preferred: Sequence[Food], foods: Sequence[Food]) -> list[Food]:
    """`preferred` first, then the rest of `foods`, each once, at most CANDIDATES."""
    ordered = {food.pk: food for food in (*preferred, *foods)}  # the first of each, in order
    return list(ordered.values())[:CANDIDATES]


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
        return _by_volume(measures, quantity * parsing.VOLUME_ML[unit], unit, written.form)
    if unit is not None:
        found = _measure_naming(measures, unit) or _measure_naming(
            measures, MEASURE_WORDS.get(unit, unit)
        )
        if found is not None:
            return found[0], quantity / found[1], ""
        if unit in VESSEL_ML:
            return _vessel(measures, quantity, unit)
        return None
    if written.addition:
        smallest = _smallest(measures)
        return None if smallest is None else (smallest, quantity, "")
    if not measures:
        return None
    serving, count = _default(food, quantity)
    if written.amount_given and written.quantity != 1:
        piece = _piece_named(measures, written.words, sizes=not _is_piece(serving))
        if piece is not None:
            return piece[0], quantity / piece[1], ""
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


def _foods(written: ItemText, search: _Search) -> list[Food]:
    """The foods the words may mean, best first: those the words find (`_found`), then as the
    unit and the way of eating them say (`_for_unit`, `_as_eaten`)."""
    foods = _found(written, search)
    if not foods:
        return []
    return _as_eaten(_for_unit(foods, written, search), written, search)


def _found(written: ItemText, search: _Search) -> list[Food]:
    """The foods the words find: without the words of a cut when the food found has a measure
    of that cut ("sliced strawberries" are strawberries by "1 cup, sliced"); else as written,
    then without words of preparation, then the last words alone ("homemade sourdough toast" as
    "sourdough toast")."""
    if written.form:
        uncut = " ".join(w for w in written.words.split() if w not in parsing.CUT_WORDS)
        foods = search(uncut) if uncut else []
        if foods and _names_form(serving_choices(foods[0]), written.form):
            return foods
    tried: set[str] = set()
    for attempt in _attempts(written.words):
        if attempt in tried:
            continue
        tried.add(attempt)
        foods = search(attempt)
        if foods:
            return foods
    return []


def _for_unit(foods: list[Food], written: ItemText, search: _Search) -> list[Food]:
    """The foods that can be weighed in the written unit first, when the best found cannot: of
    those found, else of those the words and the unit's word find ("tuna canned", "turkey
    slice"). A food counted without a unit ("a chicken sandwich") is a unit of its last word."""
    fits = _fits(written)
    if fits is None or fits(foods[0]):
        return foods
    fitting = [food for food in foods if fits(food)]
    unit = written.unit
    if not fitting and written.unit_kind == "measure" and unit not in OPEN_VESSELS:
        assert unit is not None
        form = MEASURE_FORMS.get(unit, unit)
        more = search(f"{written.words} {form}")
        # What a container holds is the food named for it, even without its measure (a
        # bottle of bottled water); else the first the words and the noun find that has it.
        fitting = [food for food in more[:1] if unit in MEASURE_FORMS and form in food.name.lower()]
        fitting = fitting or [food for food in more if fits(food)]
    return _first(fitting, foods)


def _fits(written: ItemText) -> Callable[[Food], bool] | None:
    """Whether a food has a measure for the written unit, or None when any food has (a mass, a
    size, an open vessel's cup)."""
    unit = written.unit
    if written.unit_kind == "volume" or unit in OPEN_VESSELS:
        return lambda food: bool(_volumes(_measures(food)))
    if written.unit_kind == "measure":
        assert unit is not None
        wanted = {unit, MEASURE_WORDS.get(unit, unit)}
        return lambda food: any(_measure_naming(_measures(food), word) for word in wanted)
    if unit is None and not written.addition and written.words:
        noun = ranking.singular(written.words.split()[-1])
        if noun in parsing.MEASURE_NOUNS:
            return lambda food: _countable(_measures(food), noun)
    return None


def _countable(measures: list[ServingChoice], noun: str) -> bool:
    """Whether a food can be counted as `noun`: by a measure naming it, a size or a piece."""
    return _measure_naming(measures, noun) is not None or any(
        set(_split_measure(choice)[1][:1]) & (SIZE_NOUNS | PIECE_WORDS) for choice in measures
    )


def _as_eaten(foods: list[Food], written: ItemText, search: _Search) -> list[Food]:
    """The food as it is eaten first: the cooked form of a food eaten cooked and found raw, the
    prepared form of a soup found condensed or dry, the cooked form of a food found raw when a
    way of cooking was written. Words that say raw, dry or condensed keep the food found, as
    does the person's own choice: a food of their own or one they log ("brown rice" is the dry
    rice for someone who weighs it dry)."""
    written_words = set(written.words.split())
    top = foods[0]
    if written_words & AS_SOLD_WORDS or search.chosen(top):
        return foods
    change = _uncooked(top)
    if change is None and written_words & COOKED_WORDS:
        change = _raw(top)
    if change is None:
        return foods
    drop, add = change
    words = [word for word in ranking.tokens(top.name) if word not in drop]
    head = ranking.family(top.name)[0]
    twins = [
        food
        for food in search(" ".join((*words, add)))
        if ranking.family(food.name)[0] == head and _uncooked(food) is None and _raw(food) is None
    ]
    # The closest twin: the fewest words the found food's name does not have ("cooked,
    # broiled" before "cooked, pan-fried").
    twins.sort(key=lambda food: len(set(ranking.tokens(food.name)) - set(words)))
    if not twins and add == "prepared":  # a powder with no prepared twin: the drinks found
        twins = [food for food in foods if _uncooked(food) is None]
    return _first(twins, foods)


def _uncooked(food: Food) -> tuple[frozenset[str], str] | None:
    """The words that say a food is not yet as eaten, and the word of its form that is, or None:
    raw meat, fish, grain or dry pulses ("uncooked", "raw", grains "dry") are eaten cooked, a
    condensed or dry-mix soup and a drink powder prepared."""
    name = food.name.lower()
    words = set(ranking.tokens(name))
    unprepared = UNPREPARED_WORDS.get(food.group, frozenset())
    if words & unprepared and not words & PREPARED_WORDS:
        return unprepared, "prepared"
    if food.group not in COOKED_GROUPS or words & COOKED_WORDS:
        return None
    if food.group == LEGUME_GROUP and not any(pulse in name for pulse in DRY_PULSES):
        return None
    uncooked = UNCOOKED_WORDS | ({"dry"} if food.group == GRAIN_GROUP else set())
    return (frozenset(uncooked), "cooked") if words & uncooked else None


def _raw(food: Food) -> tuple[frozenset[str], str] | None:
    """For a food named raw, the word to drop and the word of its cooked form."""
    return (UNCOOKED_WORDS, "cooked") if "raw" in ranking.tokens(food.name) else None


def _measures(food: Food) -> list[ServingChoice]:
    return [c for c in serving_choices(food) if c.name not in (GRAMS, OUNCES)]


def _attempts(words: str) -> list[str]:
    split = words.split()
    if not split:
        return []
    plain = [word for word in split if word not in parsing.PREPARATION_WORDS]
    attempts = [words, " ".join(plain)]
    attempts += [" ".join(split[-count:]) for count in (2, 1) if count < len(split)]
    return [attempt for attempt in attempts if attempt]


def _default(food: Food, quantity: float) -> tuple[ServingChoice, float]:
    """`quantity` of the food by its default serving. A serving of several pieces or of part of
    one ("4 pieces", "0.5 fruit") is divided by them: "10 nuggets" are 2.5 × "4 pieces", "half a
    grapefruit" 1 × "0.5 fruit"."""
    serving, count = default_amount(food)
    pieces = _split_measure(serving)[0] if _is_piece(serving) else 1.0
    return serving, quantity * count / pieces


def _by_volume(
    measures: list[ServingChoice], ml: float, unit: str, form: str = ""
) -> tuple[ServingChoice, float, str] | None:
    """`ml` of a food: as its measure in `unit` if it has one (the one naming `form`, "1 cup,
    sliced", if any does), else through the density of any of its volume measures; None when it
    has none."""
    volumes = _volumes(measures)
    in_unit = [(choice, ml_) for choice, ml_ in volumes if _measure_unit(choice) == unit]
    if form:
        in_unit.sort(key=lambda row: not _names_form([row[0]], form))
    for choice, measure_ml in in_unit:
        return choice, ml / measure_ml, ""
    if volumes:
        choice, measure_ml = volumes[0]
        return choice, ml / measure_ml, ""
    return None


def _names_form(measures: Sequence[ServingChoice], form: str) -> bool:
    """Whether a measure names the cut `form` ("1 cup, sliced" names "slice")."""
    return any(word.startswith(form) for choice in measures for word in _split_measure(choice)[1])


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


def _piece_named(
    measures: list[ServingChoice], words: str, *, sizes: bool
) -> tuple[ServingChoice, float] | None:
    """A measure of one piece named by the food's own words or a piece word, however light:
    "1 almond", "1 kernel", "1 cracker square", "10 pieces"; with `sizes`, then a size ("4
    large" shrimp); for counting them."""
    food_words = {ranking.singular(word) for word in ranking.tokens(words)}
    for wanted in (food_words, PIECE_NOUNS, SIZE_NOUNS if sizes else frozenset()):
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
