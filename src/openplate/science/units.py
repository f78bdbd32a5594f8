"""Parse and format what people type for height and body weight.

A quantity is one or more "number unit" terms, largest unit first: ``5 ft 4 in``, ``5'4"``,
``163 cm``, ``1.63 m``, ``11 st 6 lb``, ``160 lb 8 oz``, ``72.5 kg``. Lengths come back in
centimetres and masses in kilograms, as plain floats; anything that cannot be read is refused with
a :class:`UnitError` whose message says why.

Every conversion factor here is exact by definition, not measured:

* 1 in = 2.54 cm and 1 lb = 0.45359237 kg, fixed by the international yard and pound agreement of
  1959 (US National Bureau of Standards notice, Federal Register 24 FR 5348, 1959; restated in
  NIST Handbook 44, Appendix C, and NIST SP 811, Appendix B);
* 1 ft = 12 in, 1 oz (avoirdupois) = 1/16 lb and 1 st = 14 lb (NIST Handbook 44, Appendix C; the
  stone from the UK Weights and Measures Act 1985, Schedule 1);
* mm, cm, m, g and kg are SI prefixes (BIPM, The International System of Units, 9th ed., 2019);
* 1 US fluid ounce = 1/128 US gallon of 231 in³ = 29.5735295625 ml, and the US customary cup is
  8 US fl oz = 236.5882365 ml; the tablespoon is 1/2 fl oz, the teaspoon 1/3 tablespoon, the
  pint 16 fl oz and the quart 32 fl oz (NIST Handbook 44, Appendix C; NIST Special Publication
  1020, "Units of measurement for cooking", 2002); 1 l = 1000 ml (SI);
* 1 kcal (thermochemical) = 4.184 kJ (NIST SP 811, B.8; ISO 80000-5);
* the Gregorian calendar's mean year is 146,097 days / 400 years = 365.2425 days.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType
from typing import Final, Literal

from openplate.science.errors import InvalidInput

__all__ = [
    "BODY_WEIGHT_RANGE_KG",
    "CM_PER_INCH",
    "DAYS_PER_WEEK",
    "DAYS_PER_YEAR",
    "G_PER_OZ",
    "HEIGHT_RANGE_CM",
    "KG_PER_LB",
    "KJ_PER_KCAL",
    "LENGTH_UNITS",
    "MASS_UNITS",
    "MAX_TEXT_LENGTH",
    "MINUTES_PER_HOUR",
    "ML_PER_BOTTLE",
    "ML_PER_LITRE",
    "ML_PER_US_CAN",
    "ML_PER_US_CUP",
    "ML_PER_US_FLUID_OUNCE",
    "ML_PER_US_PINT",
    "ML_PER_US_QUART",
    "ML_PER_US_TABLESPOON",
    "ML_PER_US_TEASPOON",
    "UnitError",
    "UnitSystem",
    "cm_from_feet_inches",
    "feet_inches_from_cm",
    "format_height",
    "format_mass",
    "kg_from_lb",
    "lb_from_kg",
    "parse_body_weight_kg",
    "parse_height_cm",
    "parse_length_cm",
    "parse_mass_kg",
    "parse_weekly_rate_kg",
]

UnitSystem = Literal["imperial", "metric"]
_Kind = Literal["length", "mass"]


class UnitError(InvalidInput):
    """A height, weight or rate that could not be read; the message says what and why."""


# --- Exact factors (see the module docstring for sources) -----------------------------------

CM_PER_INCH: Final = 2.54
INCHES_PER_FOOT: Final = 12
KG_PER_LB: Final = 0.45359237
LB_PER_STONE: Final = 14
OZ_PER_LB: Final = 16
MM_PER_CM: Final = 10
CM_PER_M: Final = 100
G_PER_KG: Final = 1000
G_PER_LB: Final = 453.59237
G_PER_OZ: Final = G_PER_LB / OZ_PER_LB  # 28.349523125 g, the avoirdupois ounce
# Grams in one of each unit nutrient amounts are given in (SI prefixes).
G_PER_MASS_UNIT: Final[Mapping[str, float]] = MappingProxyType({"g": 1.0, "mg": 1e-3, "µg": 1e-6})
ML_PER_US_FLUID_OUNCE: Final = 29.5735295625
ML_PER_US_CUP: Final = 8 * ML_PER_US_FLUID_OUNCE  # 236.5882365 ml
ML_PER_US_TABLESPOON: Final = ML_PER_US_FLUID_OUNCE / 2  # 14.79 ml
ML_PER_US_TEASPOON: Final = ML_PER_US_TABLESPOON / 3  # 4.93 ml
ML_PER_US_PINT: Final = 16 * ML_PER_US_FLUID_OUNCE
ML_PER_US_QUART: Final = 32 * ML_PER_US_FLUID_OUNCE
ML_PER_LITRE: Final = 1000.0
KJ_PER_KCAL: Final = 4.184
# Containers, by convention rather than definition: the US drinks can holds 12 US fl oz (USDA
# SR24 gives every canned soft drink and beer "1 can 12 fl oz", e.g. NDB 14400 cola, 14003
# beer), and a single bottle of water or soft drink is 500 ml, 16.9 US fl oz (SR24 "1 bottle
# 16.9 fl oz" of bottled waters, NDB 14385, 14433, 14434).
ML_PER_US_CAN: Final = 12 * ML_PER_US_FLUID_OUNCE  # 354.9 ml
ML_PER_BOTTLE: Final = 500.0
MINUTES_PER_HOUR: Final = 60
DAYS_PER_WEEK: Final = 7
DAYS_PER_YEAR: Final = 365.2425

# --- Plausible adult human ranges, inclusive --------------------------------------------------
# Wide on purpose: they catch slips of unit or digit ("20 ft", "7 kg"), not unusual bodies. The
# shortest and tallest adults on record measured about 55 cm and 272 cm, the heaviest about 635 kg
# (Guinness World Records).

HEIGHT_RANGE_CM: Final = (50.0, 275.0)
BODY_WEIGHT_RANGE_KG: Final = (20.0, 650.0)

# Longest text the parsers will read; nothing a person types for a height or weight comes close.
MAX_TEXT_LENGTH: Final = 100


@dataclass(frozen=True)
class _Unit:
    symbol: str
    kind: _Kind
    system: UnitSystem
    factor: float  # centimetres or kilograms in one of this unit
    aliases: tuple[str, ...]


_UNIT_DEFINITIONS: Final = (
    _Unit(
        "mm",
        "length",
        "metric",
        1 / MM_PER_CM,
        ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    ),
    _Unit(
        "cm",
        "length",
        "metric",
        1.0,
        ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    ),
    _Unit("m", "length", "metric", float(CM_PER_M), ("m", "metre", "metres", "meter", "meters")),
    _Unit(
        "in",
        "length",
        "imperial",
        CM_PER_INCH,
        ("in", "inch", "inches", '"', "''", "″", "”", "’’", "′′"),
    ),
    _Unit(
        "ft",
        "length",
        "imperial",
        INCHES_PER_FOOT * CM_PER_INCH,
        ("ft", "foot", "feet", "'", "′", "’"),
    ),
    _Unit("g", "mass", "metric", 1 / G_PER_KG, ("g", "gram", "grams")),
    _Unit("kg", "mass", "metric", 1.0, ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms")),
    _Unit("oz", "mass", "imperial", KG_PER_LB / OZ_PER_LB, ("oz", "ounce", "ounces")),
    _Unit("lb", "mass", "imperial", KG_PER_LB, ("lb", "lbs", "pound", "pounds")),
    _Unit("st", "mass", "imperial", LB_PER_STONE * KG_PER_LB, ("st", "stone", "stones")),
)

_UNITS_BY_ALIAS: Final[Mapping[str, _Unit]] = MappingProxyType(
    {alias: unit for unit in _UNIT_DEFINITIONS for alias in unit.aliases}
)

LENGTH_UNITS: Final[Mapping[str, float]] = MappingProxyType(
    {alias: u.factor for alias, u in _UNITS_BY_ALIAS.items() if u.kind == "length"}
)
"""Centimetres in one of each length unit, by every accepted (lower-case) spelling."""

MASS_UNITS: Final[Mapping[str, float]] = MappingProxyType(
    {alias: u.factor for alias, u in _UNITS_BY_ALIAS.items() if u.kind == "mass"}
)
"""Kilograms in one of each mass unit, by every accepted (lower-case) spelling."""

# A bare number after these units means the next unit down: "5'4" is 5 ft 4 in, "11 st 6" is
# 11 st 6 lb, as people write them.
_IMPLIED_NEXT_UNIT: Final[Mapping[str, str]] = MappingProxyType({"ft": "in", "st": "lb"})


@dataclass(frozen=True)
class _KindWords:
    """What the messages say about one kind of quantity."""

    base: str  # the unit results come back in
    suggested: tuple[str, ...]  # units named when a unit is not recognised
    examples: tuple[str, str]  # a complete imperial and metric example
    bare_examples: tuple[str, str]  # units offered for a number typed without one


_KIND_WORDS: Final[Mapping[_Kind, _KindWords]] = MappingProxyType(
    {
        "length": _KindWords("cm", ("cm", "m", "in", "ft"), ("5 ft 4 in", "163 cm"), ("in", "cm")),
        "mass": _KindWords(
            "kg", ("g", "kg", "oz", "lb", "st"), ("160 lb", "72.5 kg"), ("lb", "kg")
        ),
    }
)

_WEEKLY_RATE_EXAMPLES: Final = ("-1 lb/week", "-0.5 kg a week")

_MINUS_SIGNS: Final = frozenset({"-", "−"})
_NOT_FINITE_WORDS: Final = frozenset({"nan", "inf", "infinity"})

_SYMBOLS: Final = sorted(
    (alias for alias in _UNITS_BY_ALIAS if not alias.isalpha()), key=len, reverse=True
)
_TOKEN: Final = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<number>[0-9.]+)"
    r"|(?P<sign>[+\-−])"
    r"|(?P<word>[^\W\d_]+)\.?"  # a unit word, with an optional abbreviation point: "ft."
    r"|(?P<symbol>" + "|".join(re.escape(s) for s in _SYMBOLS) + ")"
)
_PER_WEEK: Final = re.compile(
    r"(?:\s*/\s*(?:week|wk|w)|\s+(?:per|a|an|each|every)\s+(?:week|wk))\.?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "sign", "word" or "symbol"
    text: str


@dataclass(frozen=True)
class _Term:
    number: str  # as typed
    value: float
    unit: _Unit


@dataclass(frozen=True)
class _Quantity:
    negative: bool
    terms: tuple[_Term, ...]

    @property
    def value(self) -> float:
        total = math.fsum(t.value * t.unit.factor for t in self.terms)
        return -total if self.negative and total else total

    def as_typed(self) -> str:
        return " ".join(f"{t.number} {t.unit.symbol}" for t in self.terms)

    @property
    def system(self) -> UnitSystem:
        return self.terms[0].unit.system


# --- Parsing -----------------------------------------------------------------------------------


def parse_length_cm(text: str) -> float:
    """Read a length such as ``5 ft 4 in``, ``5'4"``, ``163 cm`` or ``1.63 m``; centimetres."""
    return _parse(text, "length", "length", signed=False, default_unit=None).value


def parse_mass_kg(text: str, *, signed: bool = False, default_unit: str | None = None) -> float:
    """Read a mass such as ``160 lb``, ``11 st 6 lb``, ``160 lb 8 oz`` or ``72.5 kg``; kilograms.

    With ``signed`` one leading ``+``, ``-`` or ``−`` applies to the whole quantity. With
    ``default_unit`` (any mass unit spelling, e.g. ``"lb"``) a bare number means that unit.
    """
    return _parse(text, "mass", "weight", signed=signed, default_unit=default_unit).value


def parse_weekly_rate_kg(text: str) -> float:
    """Read a signed change of weight per week, such as ``-1 lb/week`` or ``+0.5 kg a week``.

    The "per week" part is optional, and a bare number is pounds: ``-1`` is -1 lb a week.
    Returns kilograms per week.
    """
    _check_length(text)
    quantity = _PER_WEEK.sub("", text)
    return _parse(
        quantity,
        "mass",
        "weekly change",
        signed=True,
        default_unit="lb",
        examples=_WEEKLY_RATE_EXAMPLES,
    ).value


def parse_height_cm(text: str) -> float:
    """Read a length and check it is a plausible adult height (:data:`HEIGHT_RANGE_CM`); cm."""
    quantity = _parse(text, "length", "height", signed=False, default_unit=None)
    return _check_range(quantity, "height", HEIGHT_RANGE_CM)


def parse_body_weight_kg(text: str) -> float:
    """Read a mass and check it is a plausible adult weight (:data:`BODY_WEIGHT_RANGE_KG`); kg."""
    quantity = _parse(text, "mass", "body weight", signed=False, default_unit=None)
    return _check_range(quantity, "body weight", BODY_WEIGHT_RANGE_KG)


def _parse(
    text: str,
    kind: _Kind,
    noun: str,
    *,
    signed: bool,
    default_unit: str | None,
    examples: tuple[str, str] | None = None,
) -> _Quantity:
    words = _KIND_WORDS[kind]
    default = None if default_unit is None else _default_unit(default_unit, kind)
    _check_length(text)
    shown = _quote(text.strip())
    examples_text = " or ".join(_quote(e) for e in examples or words.examples)
    tokens = _tokenize(text, shown)
    if not tokens:
        raise UnitError(f"no {noun} given: enter a number and a unit such as {examples_text}")

    negative = False
    if tokens[0].kind == "sign":
        sign = tokens[0].text
        if not signed and sign in _MINUS_SIGNS:
            raise UnitError(f"{shown}: a {noun} cannot be negative")
        if not signed:
            raise UnitError(f"{shown}: a {noun} takes no sign")
        negative = sign in _MINUS_SIGNS
        tokens = tokens[1:]

    terms: list[_Term] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "sign":
            raise UnitError(f"{shown}: unexpected {_quote(token.text)}; a sign can only come first")
        if token.kind != "number":
            if token.text.casefold() in _NOT_FINITE_WORDS:
                raise UnitError(f"{shown} is not a {noun}: {_quote(token.text)} is not a number")
            if terms:
                raise UnitError(f"{shown}: expected a number before {_quote(token.text)}")
            raise UnitError(
                f"{shown} is not a {noun}: expected a number and a unit such as {examples_text}"
            )
        value = _number(token.text, shown)
        i += 1
        if i < len(tokens) and tokens[i].kind in ("word", "symbol"):
            unit = _unit(tokens[i].text, kind)
            i += 1
        elif i == len(tokens) and not terms and default is not None:
            unit = default
        elif i == len(tokens) and terms and terms[-1].unit.symbol in _IMPLIED_NEXT_UNIT:
            unit = _UNITS_BY_ALIAS[_IMPLIED_NEXT_UNIT[terms[-1].unit.symbol]]
        elif i == len(tokens) and not terms:
            offered = " or ".join(_quote(f"{token.text} {u}") for u in words.bare_examples)
            raise UnitError(f"{shown} has no unit: add one, as in {offered}")
        else:
            raise UnitError(f"{shown}: {_quote(token.text)} has no unit")
        terms.append(_Term(token.text, value, unit))

    if not terms:  # only a sign was typed
        raise UnitError(
            f"{shown} is not a {noun}: expected a number and a unit such as {examples_text}"
        )
    _check_order(terms, shown)
    quantity = _Quantity(negative, tuple(terms))
    if not math.isfinite(quantity.value):
        raise UnitError(f"{shown} is too large to be a {noun}")
    return quantity


def _default_unit(spelling: str, kind: _Kind) -> _Unit:
    unit = _UNITS_BY_ALIAS.get(spelling.casefold())
    if unit is None or unit.kind != kind:
        # A programming mistake, not something the person typed.
        raise ValueError(f"default_unit {spelling!r} is not a unit of {kind}")
    return unit


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise UnitError(f"{_quote(text)} is too long: at most {MAX_TEXT_LENGTH} characters")


def _tokenize(text: str, shown: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            character = text[position]
            hint = ""
            if character == "," and text[position - 1 : position].isdigit():
                hint = "; use a decimal point, as in '72.5'"
            raise UnitError(f"{shown}: unexpected {_quote(character)}{hint}")
        kind = match.lastgroup
        if kind is not None and kind != "space":
            tokens.append(_Token(kind, match.group(kind)))
        position = match.end()
    return tokens


def _number(text: str, shown: str) -> float:
    if text.count(".") > 1:
        raise UnitError(f"{shown}: {_quote(text)} has too many decimal points")
    if text == ".":
        raise UnitError(f"{shown}: expected a number, not a lone '.'")
    return float(text)


def _unit(spelling: str, kind: _Kind) -> _Unit:
    unit = _UNITS_BY_ALIAS.get(spelling.casefold())
    if unit is None:
        suggested = _KIND_WORDS[kind].suggested
        listed = ", ".join(suggested[:-1]) + " or " + suggested[-1]
        raise UnitError(f"{_quote(spelling)} is not a unit of {kind}; use {listed}")
    if unit.kind != kind:
        raise UnitError(f"{_quote(spelling)} is a unit of {unit.kind}, not of {kind}")
    return unit


def _check_order(terms: list[_Term], shown: str) -> None:
    symbols = [t.unit.symbol for t in terms]
    for symbol in symbols:
        if symbols.count(symbol) > 1:
            raise UnitError(f"{shown}: {_quote(symbol)} appears more than once")
    for bigger, smaller in pairwise(terms):
        if bigger.unit.system != smaller.unit.system:
            raise UnitError(f"{shown}: use metric or imperial units, not both")
        if smaller.unit.factor > bigger.unit.factor:
            raise UnitError(f"{shown}: put the largest unit first, as in '5 ft 4 in'")
        if smaller.value * smaller.unit.factor >= bigger.unit.factor:
            raise UnitError(
                f"{shown}: {smaller.number} {smaller.unit.symbol} is not less than "
                f"1 {bigger.unit.symbol}"
            )


def _check_range(quantity: _Quantity, noun: str, allowed: tuple[float, float]) -> float:
    value = quantity.value
    low, high = allowed
    if low <= value <= high:
        return value
    kind = quantity.terms[0].unit.kind
    base = _KIND_WORDS[kind].base
    shown = quantity.as_typed()
    if [t.unit.symbol for t in quantity.terms] != [base]:
        shown += f" ({_format_number(value, 1)} {base})"
    expected = f"between {_format_number(low, 0)} {base} and {_format_number(high, 0)} {base}"
    if quantity.system == "imperial":
        if kind == "length":
            ends = (format_height(low, "imperial"), format_height(high, "imperial"))
        else:
            ends = (
                format_mass(low, "imperial", decimals=0),
                format_mass(high, "imperial", decimals=0),
            )
        expected += f" ({ends[0]} and {ends[1]})"
    raise UnitError(f"{shown} is not a plausible {noun}: expected {expected}")


def _quote(text: str) -> str:
    """Quote typed text for a message: shortened, with unprintable characters escaped."""
    limit = 40
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in short) + "'"


# --- Conversions -----------------------------------------------------------------------------


def cm_from_feet_inches(feet: float, inches: float) -> float:
    """Centimetres in ``feet`` ft plus ``inches`` in."""
    return (feet * INCHES_PER_FOOT + inches) * CM_PER_INCH


def feet_inches_from_cm(cm: float, *, decimals: int = 1) -> tuple[int, float]:
    """Whole feet and the remaining inches, rounded to ``decimals`` places, in ``cm`` centimetres.

    Inches that round up to 12 carry over to the next foot: 182.87 cm is (6, 0.0), never (5, 12.0).
    """
    if not math.isfinite(cm) or cm < 0:
        raise ValueError(f"cannot express {cm!r} cm in feet and inches")
    total_inches = cm / CM_PER_INCH
    feet = math.floor(total_inches / INCHES_PER_FOOT)
    inches = round(total_inches - feet * INCHES_PER_FOOT, decimals)
    if inches >= INCHES_PER_FOOT:
        feet += 1
        inches = round(inches - INCHES_PER_FOOT, decimals)
    return feet, inches


def kg_from_lb(lb: float) -> float:
    """Kilograms in ``lb`` pounds."""
    return lb * KG_PER_LB


def lb_from_kg(kg: float) -> float:
    """Pounds in ``kg`` kilograms."""
    return kg / KG_PER_LB


# --- Formatting ------------------------------------------------------------------------------


def format_height(cm: float, system: UnitSystem) -> str:
    """``"5 ft 4 in"`` (whole inches) or ``"163 cm"`` (whole centimetres), for ``cm`` centimetres.

    The result reads back with :func:`parse_length_cm` to within half an inch or half a centimetre.
    """
    _check_formattable(cm, system)
    if system == "metric":
        return f"{_format_number(cm, 0)} cm"
    feet, inches = feet_inches_from_cm(abs(cm), decimals=0)
    sign = "-" if cm < 0 and (feet or inches) else ""
    return f"{sign}{feet} ft {inches:.0f} in"


def format_mass(kg: float, system: UnitSystem, *, decimals: int = 1) -> str:
    """``"160 lb"`` or ``"72.5 kg"`` for ``kg`` kilograms, to ``decimals`` places.

    An all-zero fraction is dropped ("160 lb", not "160.0 lb") and a negative mass keeps an ASCII
    "-", so the result reads back with ``parse_mass_kg(..., signed=True)``.
    """
    _check_formattable(kg, system)
    if decimals < 0:
        raise ValueError(f"decimals must be zero or more, not {decimals}")
    if system == "imperial":
        return f"{_format_number(lb_from_kg(kg), decimals)} lb"
    return f"{_format_number(kg, decimals)} kg"


def _check_formattable(value: float, system: str) -> None:
    if system not in ("imperial", "metric"):
        raise ValueError(f"unknown unit system {system!r}: use 'imperial' or 'metric'")
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r}")


def _format_number(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    whole, _, fraction = text.partition(".")
    if not fraction.strip("0"):
        text = whole
    return "0" if float(text) == 0 else text
