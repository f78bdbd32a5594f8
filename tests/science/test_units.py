"""Reading and writing heights and body weights (openplate.science.units).

Expected values are exact by definition (1 in = 2.54 cm, 1 lb = 0.45359237 kg, 1 st = 14 lb,
1 oz = 1/16 lb), so the tables compare with a relative tolerance of 1e-12: floating-point rounding
only.
"""

from __future__ import annotations

import ast
import math
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science import units
from openplate.science.errors import InvalidInput
from openplate.science.units import (
    BODY_WEIGHT_RANGE_KG,
    CM_PER_INCH,
    HEIGHT_RANGE_CM,
    KG_PER_LB,
    LENGTH_UNITS,
    MASS_UNITS,
    UnitError,
    UnitSystem,
    cm_from_feet_inches,
    feet_inches_from_cm,
    format_height,
    format_mass,
    kg_from_lb,
    lb_from_kg,
    parse_body_weight_kg,
    parse_height_cm,
    parse_length_cm,
    parse_mass_kg,
    parse_weekly_rate_kg,
)

REL = 1e-12  # every expected value below is exact; only float rounding separates them


def parse_signed_mass_kg(text: str) -> float:
    return parse_mass_kg(text, signed=True)


def parse_signed_mass_kg_default_lb(text: str) -> float:
    return parse_mass_kg(text, signed=True, default_unit="lb")


def parse_mass_kg_default_lb(text: str) -> float:
    return parse_mass_kg(text, default_unit="lb")


ALL_PARSERS: list[Callable[[str], float]] = [
    parse_length_cm,
    parse_mass_kg,
    parse_signed_mass_kg,
    parse_signed_mass_kg_default_lb,
    parse_weekly_rate_kg,
    parse_height_cm,
    parse_body_weight_kg,
]

ACCEPTED = [
    # lengths, centimetres
    (parse_length_cm, "5 ft 4 in", 162.56),
    (parse_length_cm, "5'4\"", 162.56),
    (parse_length_cm, "5' 4\"", 162.56),
    (parse_length_cm, "5ft4in", 162.56),
    (parse_length_cm, "5 feet 4 inches", 162.56),
    (parse_length_cm, "5 foot 4 inch", 162.56),
    (parse_length_cm, "5 FT 4 IN", 162.56),
    (parse_length_cm, "5 ft. 4 in.", 162.56),
    (parse_length_cm, "5'4''", 162.56),
    (parse_length_cm, "5′4″", 162.56),
    (parse_length_cm, "5’4”", 162.56),
    (parse_length_cm, "5'4", 162.56),
    (parse_length_cm, "5 ft 4.5 in", 163.83),
    (parse_length_cm, "5 ft", 152.4),
    (parse_length_cm, "64 in", 162.56),
    (parse_length_cm, "64 inches", 162.56),
    (parse_length_cm, "163 cm", 163.0),
    (parse_length_cm, "163 centimetres", 163.0),
    (parse_length_cm, "163 centimeters", 163.0),
    (parse_length_cm, "1.63 m", 163.0),
    (parse_length_cm, "1.63 metres", 163.0),
    (parse_length_cm, "1.63 meter", 163.0),
    (parse_length_cm, "1 m 63 cm", 163.0),
    (parse_length_cm, "1630 mm", 163.0),
    (parse_length_cm, "  163\u00a0cm  ", 163.0),
    (parse_length_cm, "0 cm", 0.0),
    # masses, kilograms
    (parse_mass_kg, "160 lb", 72.5747792),
    (parse_mass_kg, "160 lbs", 72.5747792),
    (parse_mass_kg, "160 pounds", 72.5747792),
    (parse_mass_kg, "160 LB", 72.5747792),
    (parse_mass_kg, "72.5 kg", 72.5),
    (parse_mass_kg, "72.5 kgs", 72.5),
    (parse_mass_kg, "72.5 kilos", 72.5),
    (parse_mass_kg, "72.5 kilograms", 72.5),
    (parse_mass_kg, "72500 g", 72.5),
    (parse_mass_kg, "72 kg 500 g", 72.5),
    (parse_mass_kg, "11 st 6 lb", 72.5747792),
    (parse_mass_kg, "11 stone 6 pounds", 72.5747792),
    (parse_mass_kg, "11 st 6", 72.5747792),
    (parse_mass_kg, "160 lb 8 oz", 72.801575385),
    (parse_mass_kg, "16 ounces", 0.45359237),
    (parse_mass_kg, ".5 kg", 0.5),
    (parse_mass_kg, "5. kg", 5.0),
    # signed masses and default units
    (parse_signed_mass_kg, "-0.5 kg", -0.5),
    (parse_signed_mass_kg, "−0.5 kg", -0.5),
    (parse_signed_mass_kg, "- 0.5 kg", -0.5),
    (parse_signed_mass_kg, "+1 lb", 0.45359237),
    (parse_signed_mass_kg, "-1 st 1 lb", -6.80388555),
    (parse_signed_mass_kg_default_lb, "-1", -0.45359237),
    (parse_mass_kg_default_lb, "2.5", 1.133980925),
    # weekly rates, kilograms per week
    (parse_weekly_rate_kg, "-1", -0.45359237),
    (parse_weekly_rate_kg, "-0.5 kg", -0.5),
    (parse_weekly_rate_kg, "-1 lb/week", -0.45359237),
    (parse_weekly_rate_kg, "0.25 kg per week", 0.25),
    (parse_weekly_rate_kg, "-1 lb/wk", -0.45359237),
    (parse_weekly_rate_kg, "+0.5 kg a week", 0.5),
    (parse_weekly_rate_kg, "-1 LB / Week", -0.45359237),
    # plausible heights and body weights
    (parse_height_cm, "5 ft 4 in", 162.56),
    (parse_height_cm, "50 cm", 50.0),
    (parse_height_cm, "275 cm", 275.0),
    (parse_body_weight_kg, "160 lb", 72.5747792),
    (parse_body_weight_kg, "20 kg", 20.0),
    (parse_body_weight_kg, "650 kg", 650.0),
]


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [pytest.param(p, t, e, id=f"{p.__name__}({t!r})") for p, t, e in ACCEPTED],
)
def test_it_parses_accepted_inputs(
    parse: Callable[[str], float], text: str, expected: float
) -> None:
    assert parse(text) == pytest.approx(expected, rel=REL)


REFUSED = [
    (
        parse_height_cm,
        "20 ft",
        "20 ft (609.6 cm) is not a plausible height: expected between 50 cm and 275 cm "
        "(1 ft 8 in and 9 ft 0 in)",
    ),
    (parse_height_cm, "300 cm", "300 cm is not a plausible height"),
    (parse_height_cm, "0 cm", "0 cm is not a plausible height"),
    (parse_height_cm, "5 kg", "'kg' is a unit of mass, not of length"),
    (parse_height_cm, "64", "'64' has no unit: add one, as in '64 in' or '64 cm'"),
    (parse_body_weight_kg, "2000 lb", "2000 lb (907.2 kg) is not a plausible body weight"),
    (parse_body_weight_kg, "0 kg", "0 kg is not a plausible body weight"),
    (parse_body_weight_kg, "160", "has no unit"),
    (parse_body_weight_kg, "5 ft", "'ft' is a unit of length, not of mass"),
    (parse_mass_kg, "-3 kg", "'-3 kg': a weight cannot be negative"),
    (parse_mass_kg, "−3 kg", "cannot be negative"),
    (parse_mass_kg, "+3 kg", "takes no sign"),
    (parse_length_cm, "-5 cm", "a length cannot be negative"),
    (
        parse_length_cm,
        "abc",
        "'abc' is not a length: expected a number and a unit such as '5 ft 4 in' or '163 cm'",
    ),
    (parse_mass_kg, "abc", "'abc' is not a weight"),
    (parse_length_cm, "5 parsecs", "'parsecs' is not a unit of length; use cm, m, in or ft"),
    (parse_mass_kg, "5 parsecs", "'parsecs' is not a unit of mass; use g, kg, oz, lb or st"),
    (parse_length_cm, "5 ft 14 in", "14 in is not less than 1 ft"),
    (parse_length_cm, "5 ft 12 in", "12 in is not less than 1 ft"),
    (parse_length_cm, "5'14", "14 in is not less than 1 ft"),
    (parse_mass_kg, "1 lb 16 oz", "16 oz is not less than 1 lb"),
    (parse_length_cm, "4 in 5 ft", "largest unit first"),
    (parse_length_cm, "5 ft 3 ft", "'ft' appears more than once"),
    (parse_length_cm, "5 ft 4 in 3 in", "'in' appears more than once"),
    (parse_length_cm, "1 m 5 in", "not both"),
    (parse_length_cm, "5 ft 3 kg", "'kg' is a unit of mass"),
    (parse_length_cm, "1 m 63", "'63' has no unit"),
    (parse_length_cm, "5 4 ft", "'5' has no unit"),
    (parse_length_cm, "5 ft in", "expected a number before 'in'"),
    (parse_length_cm, "ft", "is not a length"),
    (parse_mass_kg, "1.2.3 kg", "too many decimal points"),
    (parse_mass_kg, ". kg", "lone '.'"),
    (parse_mass_kg, "72,5 kg", "use a decimal point"),
    (parse_length_cm, "", "no length given"),
    (parse_length_cm, "   ", "no length given"),
    (parse_height_cm, "", "no height given"),
    (parse_mass_kg, "nan kg", "'nan' is not a number"),
    (parse_mass_kg, "inf kg", "'inf' is not a number"),
    (parse_mass_kg, "1e3 kg", "'e' is not a unit of mass"),
    (parse_signed_mass_kg, "5 kg - 3 g", "a sign can only come first"),
    (parse_signed_mass_kg, "--1 kg", "a sign can only come first"),
    (parse_signed_mass_kg, "-", "is not a weight"),
    (parse_signed_mass_kg, "-1", "has no unit"),
    (parse_weekly_rate_kg, "-1 lb/day", "unexpected '/'"),
    (
        parse_weekly_rate_kg,
        "",
        "no weekly change given: enter a number and a unit such as '-1 lb/week'",
    ),
    (parse_weekly_rate_kg, "a week", "'a week' is not a weekly change"),
    (parse_mass_kg, "5\x00 kg", r"unexpected '\x00'"),
    (parse_mass_kg, "1" * 101 + " kg", "too long"),
]


@pytest.mark.parametrize(
    ("parse", "text", "phrase"),
    [pytest.param(p, t, m, id=f"{p.__name__}({t[:20]!r})") for p, t, m in REFUSED],
)
def test_it_refuses_with_a_reason(parse: Callable[[str], float], text: str, phrase: str) -> None:
    with pytest.raises(UnitError) as refused:
        parse(text)
    assert phrase in str(refused.value)


def test_it_refuses_as_invalid_input_a_person_can_fix() -> None:
    assert issubclass(UnitError, InvalidInput)
    assert issubclass(UnitError, ValueError)


def test_it_rejects_a_default_unit_of_the_wrong_kind_as_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not a unit of mass") as refused:
        parse_mass_kg("1", default_unit="ft")
    assert not isinstance(refused.value, UnitError)


# --- Tables and constants ------------------------------------------------------------------


def test_it_holds_the_exact_defined_factors() -> None:
    assert CM_PER_INCH == 2.54
    assert KG_PER_LB == 0.45359237
    assert LENGTH_UNITS["ft"] == pytest.approx(30.48, rel=REL)
    assert MASS_UNITS["st"] == pytest.approx(6.35029318, rel=REL)
    assert MASS_UNITS["oz"] == pytest.approx(0.028349523125, rel=REL)
    assert MASS_UNITS["g"] == pytest.approx(0.001, rel=REL)
    assert LENGTH_UNITS["mm"] == pytest.approx(0.1, rel=REL)
    assert LENGTH_UNITS["m"] == 100.0


def test_it_holds_the_other_defined_factors() -> None:
    # NIST Handbook 44, Appendix C: 1 avoirdupois ounce = 28.349523125 g; 1 US gallon =
    # 231 in³ = 3.785411784 L and 1 cup = 1/16 gallon; NIST SP 811 B.8: 1 kcal (thermochemical)
    # = 4.184 kJ; the Gregorian year: 146,097 days in 400 years.
    assert pytest.approx(28.349523125, rel=REL) == units.G_PER_OZ
    assert pytest.approx(231 * 16.387064 / 16, rel=REL) == units.ML_PER_US_CUP
    assert pytest.approx(236.5882365, rel=REL) == units.ML_PER_US_CUP
    assert units.KJ_PER_KCAL == 4.184
    assert pytest.approx(146_097 / 400, rel=REL) == units.DAYS_PER_YEAR
    assert units.G_PER_MASS_UNIT == {"g": 1.0, "mg": 1e-3, "µg": 1e-6}


def test_it_knows_every_promised_spelling() -> None:
    lengths = {
        "mm": 0.1,
        "cm": 1.0,
        "centimetre": 1.0,
        "centimetres": 1.0,
        "centimeter": 1.0,
        "centimeters": 1.0,
        "m": 100.0,
        "metre": 100.0,
        "metres": 100.0,
        "meter": 100.0,
        "meters": 100.0,
        "in": 2.54,
        "inch": 2.54,
        "inches": 2.54,
        '"': 2.54,
        "''": 2.54,
        "″": 2.54,
        "ft": 30.48,
        "foot": 30.48,
        "feet": 30.48,
        "'": 30.48,
        "′": 30.48,
        "’": 30.48,
    }
    masses = {
        "g": 0.001,
        "gram": 0.001,
        "grams": 0.001,
        "kg": 1.0,
        "kgs": 1.0,
        "kilo": 1.0,
        "kilos": 1.0,
        "kilogram": 1.0,
        "kilograms": 1.0,
        "lb": 0.45359237,
        "lbs": 0.45359237,
        "pound": 0.45359237,
        "pounds": 0.45359237,
        "st": 6.35029318,
        "stone": 6.35029318,
        "stones": 6.35029318,
        "oz": 0.028349523125,
        "ounce": 0.028349523125,
        "ounces": 0.028349523125,
    }
    for spelling, factor in lengths.items():
        assert LENGTH_UNITS[spelling] == pytest.approx(factor, rel=REL), spelling
    for spelling, factor in masses.items():
        assert MASS_UNITS[spelling] == pytest.approx(factor, rel=REL), spelling


def test_it_keeps_its_unit_tables_read_only() -> None:
    with pytest.raises(TypeError):
        LENGTH_UNITS["cubit"] = 45.72  # type: ignore[index]


def test_it_holds_plausible_ranges_as_named_constants() -> None:
    assert HEIGHT_RANGE_CM == (50.0, 275.0)
    assert BODY_WEIGHT_RANGE_KG == (20.0, 650.0)


def test_it_imports_nothing_outside_the_standard_library_and_the_science_package() -> None:
    tree = ast.parse(Path(units.__file__).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        for name in (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    assert imported - sys.stdlib_module_names == {"openplate"}


# --- Conversions ---------------------------------------------------------------------------

CONVERSIONS = [
    (162.56, (5, 4.0)),
    (152.4, (5, 0.0)),
    (182.87, (6, 0.0)),  # 71.996 in rounds to 72.0: carried to the next foot
    (0.0, (0, 0.0)),
    (30.0, (0, 11.8)),
]


@pytest.mark.parametrize(("cm", "feet_inches"), CONVERSIONS)
def test_it_splits_centimetres_into_feet_and_inches(
    cm: float, feet_inches: tuple[int, float]
) -> None:
    feet, inches = feet_inches_from_cm(cm)
    assert feet == feet_inches[0]
    assert inches == pytest.approx(feet_inches[1], abs=1e-9)


@pytest.mark.parametrize("cm", [-1.0, math.nan, math.inf])
def test_it_refuses_to_split_impossible_lengths(cm: float) -> None:
    with pytest.raises(ValueError, match="feet and inches"):
        feet_inches_from_cm(cm)


def test_it_converts_pounds_and_kilograms() -> None:
    assert kg_from_lb(160) == pytest.approx(72.5747792, rel=REL)
    assert lb_from_kg(0.45359237) == pytest.approx(1.0, rel=REL)
    assert cm_from_feet_inches(5, 4) == pytest.approx(162.56, rel=REL)


# --- Formatting ----------------------------------------------------------------------------

FORMATS = [
    (format_height, 162.56, "imperial", "5 ft 4 in"),
    (format_height, 162.56, "metric", "163 cm"),
    (format_height, 182.87, "imperial", "6 ft 0 in"),
    (format_height, 50.0, "imperial", "1 ft 8 in"),
    (format_mass, 72.5747792, "imperial", "160 lb"),
    (format_mass, 72.5, "metric", "72.5 kg"),
    (format_mass, 72.0, "metric", "72 kg"),
    (format_mass, -0.5, "metric", "-0.5 kg"),
    (format_mass, -0.01, "metric", "0 kg"),
    (format_mass, -0.45359237, "imperial", "-1 lb"),
]


@pytest.mark.parametrize(("fmt", "value", "system", "expected"), FORMATS)
def test_it_formats_heights_and_masses(
    fmt: Callable[[float, UnitSystem], str], value: float, system: UnitSystem, expected: str
) -> None:
    assert fmt(value, system) == expected


def test_it_formats_mass_to_the_decimals_asked() -> None:
    assert format_mass(72.5747792, "metric", decimals=2) == "72.57 kg"
    assert format_mass(72.5747792, "metric", decimals=0) == "73 kg"


def test_it_refuses_an_unknown_unit_system() -> None:
    with pytest.raises(ValueError, match="unknown unit system"):
        format_height(160.0, "cubits")  # type: ignore[arg-type]


# --- Properties ----------------------------------------------------------------------------

SYSTEMS: list[UnitSystem] = ["imperial", "metric"]
PIECES = [
    "5", "4", "14", "0", ".5", "1.2", "1.2.3", "-", "+", "−", " ", "", "'", '"', "''", "″", "’",
    "ft", "in", "cm", "m", "mm", "kg", "g", "lb", "oz", "st", "feet", "stone", "nan", "/", "/week",
    " per week", " a week", "abc", ",", ".",
]  # fmt: skip


@pytest.mark.parametrize("parse", ALL_PARSERS)
@given(text=st.text())
def test_it_returns_a_finite_float_or_a_unit_error_for_any_text(
    parse: Callable[[str], float], text: str
) -> None:
    try:
        result = parse(text)
    except UnitError:
        return
    assert isinstance(result, float)
    assert math.isfinite(result)


@pytest.mark.parametrize("parse", ALL_PARSERS)
@given(text=st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_it_returns_a_finite_float_or_a_unit_error_for_unit_like_text(
    parse: Callable[[str], float], text: str
) -> None:
    try:
        result = parse(text)
    except UnitError:
        return
    assert isinstance(result, float)
    assert math.isfinite(result)


@given(x=st.floats(min_value=1e-3, max_value=1e6) | st.just(0.0))
def test_it_reads_centimetres_exactly(x: float) -> None:
    assert parse_length_cm(f"{x} cm") == x


@given(feet=st.integers(0, 9), hundredths=st.integers(0, 1199))
def test_it_composes_feet_and_inches(feet: int, hundredths: int) -> None:
    inches = hundredths / 100
    expected = CM_PER_INCH * (12 * feet + inches)
    assert parse_length_cm(f"{feet} ft {inches} in") == pytest.approx(expected, rel=REL)
    assert cm_from_feet_inches(feet, inches) == pytest.approx(expected, rel=REL)


@given(cm=st.floats(min_value=0, max_value=1000))
def test_it_never_shows_twelve_inches(cm: float) -> None:
    for decimals in (0, 1, 2):
        _, inches = feet_inches_from_cm(cm, decimals=decimals)
        assert 0 <= inches < 12


@given(cm=st.floats(min_value=0, max_value=1000))
def test_it_reads_back_an_imperial_height_within_half_an_inch(cm: float) -> None:
    assert abs(parse_length_cm(format_height(cm, "imperial")) - cm) <= CM_PER_INCH / 2 + 1e-9


@given(cm=st.floats(min_value=0, max_value=1000))
def test_it_reads_back_a_metric_height_within_half_a_centimetre(cm: float) -> None:
    assert abs(parse_length_cm(format_height(cm, "metric")) - cm) <= 0.5 + 1e-9


@given(
    kg=st.floats(min_value=-1000, max_value=1000),
    system=st.sampled_from(SYSTEMS),
    decimals=st.integers(0, 3),
)
def test_it_reads_back_a_mass_within_half_the_last_decimal(
    kg: float, system: UnitSystem, decimals: int
) -> None:
    shown = parse_mass_kg(format_mass(kg, system, decimals=decimals), signed=True)
    to_shown_unit = lb_from_kg if system == "imperial" else float
    error = abs(to_shown_unit(shown) - to_shown_unit(kg))
    assert error <= 0.5 * 10**-decimals + 1e-9


@given(thousandths=st.integers(-10_000, 10_000))
def test_it_reads_a_bare_weekly_rate_as_pounds(thousandths: int) -> None:
    lb = thousandths / 1000
    assert parse_weekly_rate_kg(f"{lb}") == pytest.approx(kg_from_lb(lb), rel=REL, abs=0)
