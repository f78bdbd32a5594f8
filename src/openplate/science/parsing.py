"""Reading what a person ate from plain words: "2 large eggs, a slice of toast with butter".

The text is split into items, and each item into an amount, a unit and the food's words:

- Items are separated by commas, semicolons, new lines, "and", "with", "on", "plus", "&" and
  "+". Names that hold a separator ("mac and cheese", "pb&j", "half and half") are passed in as
  compounds and kept whole. An item of preparation words only ("eggs, scrambled") belongs to
  the one before it.
- An amount is a number ("2", "1.5", "1 1/2", "½", "1½"), a number word ("two", "a dozen", "half
  a dozen"), "a", "an", "half", "half a", "a couple of" or "a few"; no amount means one.
- A unit is a mass (g, kg, oz, lb), a volume (ml, l, cup, tbsp, tsp, fl oz, pint, quart), a size
  (small, medium, large, extra large, jumbo), or a household measure's noun ("slice", "piece",
  "clove", "can", ...), which the food's own measures give a weight to.
- A measure's noun may also come after the food: "a garlic clove" is a clove of garlic, "2
  sausage links" two links of sausage (not when the noun is a food itself: "a chicken breast",
  "an egg roll"), and never a cup ("a peanut butter cup" is a sweet).
- A compound at the start of the food's words is all food, after an amount too: "2 big macs" are
  no large macs.
- Words of how a food was cut ("sliced", "chopped", "chunks") are kept in the food's words and
  also given as its `form`, for the measure that names it ("1 cup, sliced").
- An item after "with" that names no amount ("toast with butter") is an addition: a little of the
  food, where the food's measures say how little.

Pure text in, plain values out: which food the words name and what the units weigh is for the
food database (`openplate.foods.parse`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from openplate.science import units

MAX_TEXT_LENGTH: Final = 1000  # a day's meals in one go; far longer is a paste accident
MAX_ITEMS: Final = 30

# The canonical name of each mass unit, by every spelling people type, and its grams.
MASS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        **dict.fromkeys(("g", "gr", "gram", "grams", "gramme", "grammes", "gm", "gms"), "g"),
        **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"), "kg"),
        **dict.fromkeys(("oz", "ozs", "ounce", "ounces"), "oz"),
        **dict.fromkeys(("lb", "lbs", "pound", "pounds"), "lb"),
    }
)
MASS_GRAMS: Final[Mapping[str, float]] = MappingProxyType(
    {"g": 1.0, "kg": float(units.G_PER_KG), "oz": units.G_PER_OZ, "lb": units.G_PER_LB}
)
# The canonical name of each volume unit, by every spelling, and its millilitres.
VOLUME_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        **dict.fromkeys(("ml", "milliliter", "milliliters", "millilitre", "millilitres"), "ml"),
        **dict.fromkeys(("l", "liter", "liters", "litre", "litres"), "l"),
        **dict.fromkeys(("cup", "cups"), "cup"),
        **dict.fromkeys(("tbsp", "tbsps", "tbs", "tbl", "tablespoon", "tablespoons"), "tbsp"),
        **dict.fromkeys(("tsp", "tsps", "teaspoon", "teaspoons"), "tsp"),
        **dict.fromkeys(("fl oz", "floz", "fluid ounce", "fluid ounces"), "fl oz"),
        **dict.fromkeys(("pint", "pints", "pt"), "pint"),
        **dict.fromkeys(("quart", "quarts", "qt"), "quart"),
    }
)
VOLUME_ML: Final[Mapping[str, float]] = MappingProxyType(
    {
        "ml": 1.0,
        "l": units.ML_PER_LITRE,
        "cup": units.ML_PER_US_CUP,
        "tbsp": units.ML_PER_US_TABLESPOON,
        "tsp": units.ML_PER_US_TEASPOON,
        "fl oz": units.ML_PER_US_FLUID_OUNCE,
        "pint": units.ML_PER_US_PINT,
        "quart": units.ML_PER_US_QUART,
    }
)
# The sizes USDA gives whole foods in, by the words people use for them.
SIZE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "small": "small",
        "little": "small",
        "medium": "medium",
        "regular": "medium",
        "large": "large",
        "big": "large",
        "extra large": "extra large",
        "extra-large": "extra large",
        "xl": "extra large",
        "jumbo": "jumbo",
    }
)
# Nouns of household measures, singular, as USDA names them ("1 slice", "1 clove", "1 can").
MEASURE_NOUNS: Final = frozenset(
    {
        "slice", "piece", "clove", "strip", "stick", "can", "bottle", "glass", "mug", "bowl",
        "scoop", "pat", "wedge", "leaf", "stalk", "sprig", "fillet", "filet", "patty", "link",
        "packet", "container", "serving", "square", "cube", "spear", "head", "ear", "floret",
        "shot", "jigger", "sheet", "breast", "thigh", "drumstick", "wing", "leg", "handful",
        "carton", "box", "bag", "package", "pkg", "envelope", "tablet", "cookie", "bar", "pie",
        "loaf", "bun", "roll", "crust", "cake", "muffin", "biscuit", "rib", "chop", "steak",
        "order", "portion", "plate", "sandwich", "fruit", "nut", "kernel", "dash", "pinch",
        "drop", "cracker", "chip", "pouch", "tub", "jar", "cup",
    }
)  # fmt: skip
NOUN_PLURALS: Final[Mapping[str, str]] = MappingProxyType(
    {
        **{f"{noun}s": noun for noun in MEASURE_NOUNS},
        **{f"{noun}es": noun for noun in ("glass", "box", "bunch", "pouch", "sandwich", "dash")},
        **{f"{noun}es": noun for noun in ("pinch", "peach")},
        "leaves": "leaf",
        "loaves": "loaf",
    }
)

NUMBER_WORDS: Final[Mapping[str, float]] = MappingProxyType(
    {word: float(value) for word, value in {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "half": 0.5,
        "quarter": 0.25, "third": 1 / 3, "couple": 2, "few": 3, "several": 3, "both": 2,
    }.items()}
)  # fmt: skip
# Amounts written as one character.
VULGAR_FRACTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8", "⅜": "3/8"}
    | {"⅝": "5/8", "⅞": "7/8", "⅕": "1/5", "⅙": "1/6"}
)
ARTICLES: Final = frozenset({"a", "an", "one"})
FILLER_WORDS: Final = frozenset({"of", "some", "the", "my", "x", "about", "approx", "around"})
# Words that say how a food was made, not what it is: an item of these alone ("eggs, scrambled")
# belongs to the item before it.
PREPARATION_WORDS: Final = frozenset(
    {
        "scrambled", "fried", "boiled", "hard", "soft", "grilled", "toasted", "baked", "raw",
        "cooked", "steamed", "roasted", "poached", "mashed", "sliced", "diced", "chopped",
        "plain", "broiled", "sauteed", "stir", "stewed", "microwaved", "unsweetened",
        "sweetened", "fresh", "frozen", "canned", "dried", "black", "iced", "hot", "cold",
        "over", "easy", "sunny", "side", "up", "well", "done", "rare", "lightly", "salted",
        "unsalted", "skim", "whole", "lowfat", "nonfat", "to", "go",
    }
)  # fmt: skip

# Words of how a food was cut, by the stem USDA's measures use for them ("1 cup, sliced", "1 cup,
# chunks", "1 cup, chopped or diced"): they say what fills a cup, not which food it is.
CUT_WORDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "sliced": "slice", "diced": "dice", "chopped": "chop", "cubed": "cube", "cubes": "cube",
        "shredded": "shred", "grated": "grate", "chunks": "chunk", "chunk": "chunk",
        "halves": "halve", "halved": "halve", "crushed": "crush", "mashed": "mash",
        "pureed": "puree", "crumbled": "crumble",
    }
)  # fmt: skip
# Words an amount or unit may start with: a food name starting with one ("big mac") is kept whole.
AMOUNT_WORDS: Final = frozenset(
    {*SIZE_NAMES, *NUMBER_WORDS, *ARTICLES, *MASS_NAMES, *VOLUME_NAMES, *MEASURE_NOUNS}
)
# Measure nouns never read after the food: a cup there is a food's shape ("a peanut butter cup").
NOT_TRAILING_NOUNS: Final = frozenset({"cup"})

_SEPARATOR = re.compile(r"[,;\n+&]|\b(?:and|with|plus|then|also|on)\b|\s-\s")
_NUMBER = r"(?:\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+|\.\d+)"
_GLUED_UNIT = re.compile(r"(\d)([a-z]+)\b")
_COMPOUND_MARK = "\x00{}\x00"


class ParseError(ValueError):
    """Text that cannot be read at all; the message says why."""


@dataclass(frozen=True)
class ItemText:
    """One food as written: "2 large eggs" is quantity 2, unit "large", words "eggs"."""

    text: str  # as written, trimmed
    quantity: float  # of the unit; 1 when no amount was written
    unit: str | None  # canonical (see the module docstring), or None for "one of the food"
    words: str  # what names the food
    addition: bool = False  # after "with", with no amount: a little of the food
    amount_given: bool = False
    joined_by: str = ""  # the separator before the item: "with", "and", "," or "" for the first
    form: str = ""  # how it was cut, as the stem of CUT_WORDS: "slice" for "sliced strawberries"

    @property
    def unit_kind(self) -> str | None:
        """ "mass", "volume", "size", "measure" or None."""
        if self.unit is None:
            return None
        if self.unit in MASS_GRAMS:
            return "mass"
        if self.unit in VOLUME_ML:
            return "volume"
        if self.unit in SIZE_NAMES.values():
            return "size"
        return "measure"


def split_items(text: str, compounds: Collection[str] = ()) -> list[tuple[str, str]]:
    """The items of `text` as written, each with the separator before it ("" for the first,
    "with", "and", "," ...)."""
    if len(text) > MAX_TEXT_LENGTH:
        raise ParseError(
            f"That is {len(text):,} characters; at most {MAX_TEXT_LENGTH:,} characters at once."
        )
    protected, kept = _protect(_normalise(text), compounds)
    pieces: list[tuple[str, str]] = []
    position, connector = 0, ""
    for separator in _SEPARATOR.finditer(protected):
        pieces.append((protected[position : separator.start()], connector))
        position, connector = separator.end(), separator.group().strip()
    pieces.append((protected[position:], connector))
    items: list[tuple[str, str]] = []
    for piece, joined_by in pieces:
        piece = _restore(piece, kept).strip().strip(".!?:()\"'-").strip()
        if not piece:
            continue
        if items and _preparation_only(piece):
            previous, previous_joined_by = items[-1]
            items[-1] = (f"{previous} {piece}", previous_joined_by)
        else:
            items.append((piece, joined_by))
    if len(items) > MAX_ITEMS:
        raise ParseError(f"That is {len(items)} foods; at most {MAX_ITEMS} at once.")
    return items


def parse_items(text: str, compounds: Collection[str] = ()) -> list[ItemText]:
    """Every item of `text` with its amount, unit and food words."""
    return [
        read_item(piece, joined_by=joined_by, compounds=compounds)
        for piece, joined_by in split_items(text, compounds)
    ]


def read_item(text: str, *, joined_by: str = "", compounds: Collection[str] = ()) -> ItemText:
    """One item: its amount, unit and food words. A compound at the start of the food's words is
    all food: "half and half" is no half of anything, "a big mac" no large mac."""
    normal = _normalise(text).strip()
    words = _GLUED_UNIT.sub(r"\1 \2", normal).split()
    quantity, unit, words = _amount_and_unit(words, compounds)
    amount_given = quantity is not None
    compound = _starts_compound(words, compounds)
    if quantity is None and not compound:  # "chicken 200 g" reads as well as "200 g chicken"
        trailing, words = _trailing_amount(words)
        if trailing is not None:
            quantity, amount_given = trailing[0], True
            unit = unit or trailing[1]
    if (
        unit is not None
        and words[1:2] == ["of"]
        and NOUN_PLURALS.get(words[0], words[0]) in (MEASURE_NOUNS)
    ):
        words = words[2:]  # "8 oz glass of milk": the glass only holds the 8 oz
    food = [word for word in words if word not in FILLER_WORDS]
    if unit is not None and unit in MEASURE_NOUNS and not food:
        food, unit = [unit], None  # "a roll", "a muffin": the noun is the food
    if unit is None and not compound:
        unit, food = _trailing_noun(food)
    return ItemText(
        text=text.strip(),
        quantity=1.0 if quantity is None else quantity,
        unit=unit,
        words=" ".join(food),
        addition=joined_by == "with" and not amount_given and unit is None,
        amount_given=amount_given,
        joined_by=joined_by,
        form=next((CUT_WORDS[word] for word in food if word in CUT_WORDS), ""),
    )


def _amount_and_unit(
    words: list[str], compounds: Collection[str]
) -> tuple[float | None, str | None, list[str]]:
    """The amount and unit at the start of `words`, and the words after them; None for what is
    not written. A compound after the amount is food, not a unit."""
    article = words[0] if words and words[0] in ARTICLES else ""
    if article and words[1:2] and number(words[1]) is not None:
        words, article = words[1:], ""  # "a 12 oz can of coke": the number is the amount
    if _starts_compound(words[1:] if article else words, compounds):
        if article:  # "a quarter pounder": one of the compound, no quarter of it
            return 1.0, None, words[1:]
        return None, None, words
    quantity, words = _amount(words)
    if quantity is not None and _starts_compound(words, compounds):
        return quantity, None, words  # "2 big macs"
    unit, words = _unit(words)
    return quantity, unit, words


def _starts_compound(words: list[str], compounds: Collection[str]) -> bool:
    """Whether `words` begin with a compound, whole words or its plural: "big macs" begins with
    "big mac", "biggest" with nothing."""
    return bool(compounds) and _compound_start(tuple(compounds)).match(" ".join(words)) is not None


@functools.lru_cache(maxsize=64)
def _compound_start(compounds: tuple[str, ...]) -> re.Pattern[str]:
    names = sorted({c.lower() for c in compounds if c}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names)) or "(?!)"
    return re.compile(rf"(?:{alternatives})(?:e?s)?(?![a-z0-9])")


def _trailing_noun(food: list[str]) -> tuple[str | None, list[str]]:
    """A measure's noun after the food's words, as its unit: "garlic clove" is a clove of garlic;
    not a noun that is a food itself ("chicken breast", "egg roll") or a cup."""
    if len(food) < 2:
        return None, food
    noun = NOUN_PLURALS.get(food[-1], food[-1])
    if noun in MEASURE_NOUNS and noun not in _FOOD_NOUNS and noun not in NOT_TRAILING_NOUNS:
        return noun, food[:-1]
    return None, food


def number(text: str) -> float | None:
    """ "2", "1.5", "1 1/2", "3/4" as a number; None when `text` is not one."""
    text = text.strip()
    if not re.fullmatch(_NUMBER, text):
        return None
    whole, _, fraction = text.partition(" ")
    if "/" in whole:
        whole, fraction = "0", whole
    value = float(whole)
    if fraction:
        numerator, denominator = (int(part) for part in fraction.split("/"))
        if denominator == 0:
            return None
        value += numerator / denominator
    return value


# --- the pieces ------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2044", "/")
    for character, fraction in VULGAR_FRACTIONS.items():
        text = re.sub(rf"(\d){character}", rf"\1 {fraction}", text).replace(character, fraction)
    return text.lower()


def _protect(text: str, compounds: Collection[str]) -> tuple[str, list[str]]:
    """`text` with each compound replaced by a mark no separator matches, and the compounds."""
    kept: list[str] = []
    if not compounds:
        return text, kept

    def mark(match: re.Match[str]) -> str:
        kept.append(match.group())
        return _COMPOUND_MARK.format(len(kept) - 1)

    return _compound_anywhere(tuple(compounds)).sub(mark, text), kept


@functools.lru_cache(maxsize=64)
def _compound_anywhere(compounds: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the compounds as whole words, the longest first."""
    names = sorted({c.lower() for c in compounds if c}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names)) or "(?!)"
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def _restore(text: str, kept: list[str]) -> str:
    return re.sub("\x00(\\d+)\x00", lambda match: kept[int(match.group(1))], text)


def _preparation_only(piece: str) -> bool:
    words = piece.split()
    return bool(words) and all(word in PREPARATION_WORDS for word in words)


def _amount(words: list[str]) -> tuple[float | None, list[str]]:
    """The amount at the start of `words`, and the words after it."""
    if not words:
        return None, words
    # Digits: "2", "1.5", "1 1/2", "1/2".
    for length in (2, 1):
        value = number(" ".join(words[:length])) if len(words) >= length else None
        if value is not None:
            rest = words[length:]
            if rest[:1] == ["dozen"]:
                value, rest = value * NUMBER_WORDS["dozen"], rest[1:]
            return _positive(value), _skip_of(rest)
    first, rest = words[0], words[1:]
    if first in ARTICLES or first in ("half", "quarter", "couple", "few"):
        value, rest = _worded_amount(first, rest)
        return value, _skip_of(rest)
    if first in NUMBER_WORDS:
        value = NUMBER_WORDS[first]
        if rest[:1] == ["dozen"]:
            value, rest = value * NUMBER_WORDS["dozen"], rest[1:]
        return value, _skip_of(rest)
    return None, words


def _worded_amount(first: str, rest: list[str]) -> tuple[float, list[str]]:
    """ "a", "an", "one", "a half", "half a", "half a dozen", "a dozen", "a couple of"."""
    value = 1.0 if first in ARTICLES else NUMBER_WORDS[first]
    if first in ("half", "quarter") and rest[:1] and rest[0] in ARTICLES:
        rest = rest[1:]  # "half a banana", "quarter of an avocado" (after "of" is skipped)
    elif first in ARTICLES and rest[:1] and rest[0] in ("half", "quarter", "couple", "few"):
        value, rest = NUMBER_WORDS[rest[0]], rest[1:]  # "a half cup", "a couple of eggs"
    if rest[:2] and rest[0] == "of" and rest[1:2] and rest[1] in ARTICLES:
        rest = rest[2:]  # "half of an avocado"
    if rest[:1] == ["dozen"]:
        value, rest = value * NUMBER_WORDS["dozen"], rest[1:]
    return value, rest


def _positive(value: float) -> float | None:
    return value if value > 0 else None


def _skip_of(words: list[str]) -> list[str]:
    return words[1:] if words[:1] == ["of"] else words


def _unit(words: list[str], *, food_follows: bool = True) -> tuple[str | None, list[str]]:
    """The unit at the start of `words` (after an amount), and the words after it. A mass,
    volume or size needs a food after it unless `food_follows` is False."""
    if not words:
        return None, words
    two = " ".join(words[:2])
    if two in VOLUME_NAMES:
        return VOLUME_NAMES[two], _skip_of(words[2:])
    if two in SIZE_NAMES:
        return SIZE_NAMES[two], _skip_of(words[2:])
    first, rest = words[0].rstrip("."), words[1:]
    enough = bool(rest) or not food_follows
    if first in MASS_NAMES and enough:
        return MASS_NAMES[first], _skip_of(rest)
    if first in VOLUME_NAMES and enough:
        return VOLUME_NAMES[first], _skip_of(rest)
    if first in SIZE_NAMES and enough:
        return SIZE_NAMES[first], rest
    noun = NOUN_PLURALS.get(first, first)
    if noun in MEASURE_NOUNS and (not rest or rest[0] == "of" or noun not in _FOOD_NOUNS):
        return noun, _skip_of(rest)
    return None, words


# Measure nouns that are foods themselves when a food word follows without "of": "2 cookies" is
# cookies, "a muffin" a muffin, but "a bar of chocolate" is a bar.
_FOOD_NOUNS: Final = frozenset(
    {"cookie", "pie", "cake", "muffin", "biscuit", "bun", "roll", "steak", "chop", "cracker",
     "chip", "sandwich", "fruit", "nut", "bar", "breast", "thigh", "drumstick", "wing", "leg",
     "rib", "loaf", "crust"}
)  # fmt: skip


def _trailing_amount(words: list[str]) -> tuple[tuple[float, str | None] | None, list[str]]:
    """An amount written after the food: "chicken 200 g", "milk 1 cup", "eggs x2"."""
    for cut in range(max(len(words) - 3, 1), len(words)):
        value, rest = _amount(words[cut:])
        if value is None:
            continue
        unit, after = _unit(rest, food_follows=False)
        if not after:
            return (value, unit), words[:cut]
    return None, words
