"""What no column stores (NUL, a lone surrogate), and the smallest amount "above 0" takes."""

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.core.checks import SMALLEST_AMOUNT, is_amount, text_problem

LONE_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@given(st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00")))
def test_any_text_that_utf8_encodes_without_nul_is_storable(text):
    assert text_problem(text) is None


NO_NUL = st.text(st.characters(exclude_characters="\x00"))


@given(NO_NUL, LONE_SURROGATES, NO_NUL)
def test_a_lone_surrogate_anywhere_is_refused(before, surrogate, after):
    assert "surrogate" in text_problem(before + surrogate + after)


@given(st.text(), st.text())
def test_a_nul_anywhere_is_refused(before, after):
    assert "NUL" in text_problem(f"{before}\x00{after}")


def test_a_surrogate_pair_written_as_one_character_is_fine():
    assert text_problem("an emoji 🍎, which JSON writes \\ud83c\\udf4e") is None


@pytest.mark.parametrize(
    "value", [1e-320, sys.float_info.min, 5e-324, 0.0, -0.0, 0.0009, float("nan"), True, "1"]
)
def test_an_amount_below_a_thousandth_or_not_a_number_is_refused(value):
    assert not is_amount(value, 10_000)


@pytest.mark.parametrize("value", [0.001, 1, 10_000])
def test_an_amount_from_a_thousandth_to_the_most_is_taken(value):
    assert is_amount(value, 10_000)


@given(st.floats(min_value=SMALLEST_AMOUNT, max_value=1e6))
def test_every_number_within_the_bounds_is_an_amount(value):
    assert is_amount(value, 1e6)
