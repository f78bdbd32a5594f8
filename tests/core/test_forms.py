"""What every page form checks the same way: text no column stores, a day in range, no -0."""

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from openplate.core.forms import CheckedForm, supported_day


class NoteForm(CheckedForm):
    note = forms.CharField(required=False, strip=False)
    amount = forms.FloatField(required=False)
    day = forms.DateField(required=False, validators=[supported_day])


@pytest.mark.parametrize("bad", ["\ud800", "half \udc00 a pair"])
def test_a_lone_surrogate_is_refused_beside_its_field(bad):
    form = NoteForm({"note": bad})
    assert not form.is_valid()
    assert "surrogate" in form.errors["note"][0]


def test_a_nul_is_refused_beside_its_field():
    form = NoteForm({"note": "a\x00b"})
    assert not form.is_valid()
    assert list(form.errors) == ["note"]


@given(st.text(st.characters(exclude_categories=["Cs", "Cc"])))
def test_any_other_text_is_taken(text):
    form = NoteForm({"note": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["note"] == text


def test_minus_zero_is_zero():
    form = NoteForm({"amount": "-0"})
    assert form.is_valid()
    assert str(form.cleaned_data["amount"]) == "0.0"


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "9999-12-31"])
def test_a_day_outside_the_range_is_refused_in_place(day):
    form = NoteForm({"day": day})
    assert not form.is_valid()
    assert "Choose a day between 1900" in form.errors["day"][0]


def test_a_day_in_the_range_is_taken():
    assert NoteForm({"day": "1900-01-01"}).is_valid()
