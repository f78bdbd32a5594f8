"""Correcting misspelled search words against the vocabulary of food names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.foods.models import Food, FoodWord
from openplate.foods.search import search_foods
from openplate.foods.vocabulary import closest_word, edit_distance, rebuild_vocabulary

WORDS = st.text(alphabet="abcde", max_size=8)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("banana", "bananna", 1),
        ("brocoli", "broccoli", 1),
        ("yoghurt", "yogurt", 1),
        ("chiken", "chicken", 1),
        ("form", "from", 1),
        ("egg", "egg", 0),
        ("", "abc", 3),
    ],
)
def test_edit_distance_counts_edits(a, b, distance):
    assert edit_distance(a, b) == distance


@given(WORDS, WORDS)
def test_edit_distance_is_symmetric(a, b):
    assert edit_distance(a, b) == edit_distance(b, a)


@given(WORDS, WORDS)
def test_edit_distance_lies_between_the_length_gap_and_the_longer_length(a, b):
    assert abs(len(a) - len(b)) <= edit_distance(a, b) <= max(len(a), len(b))


@given(WORDS)
def test_a_word_is_no_distance_from_itself(a):
    assert edit_distance(a, a) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("bananna", "banana"),
        ("brocoli", "broccoli"),
        ("chiken", "chicken"),
        ("yoghurt", "yogurt"),
        ("avacado", "avocado"),
    ],
)
def test_it_corrects_common_misspellings(typed, meant):
    assert closest_word(typed) == meant


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["egs", "xqzvy", "12345"])
def test_it_does_not_guess_at_short_or_far_words(typed):
    assert closest_word(typed) is None


@pytest.mark.django_db
def test_misspelled_searches_still_find_the_food():
    assert search_foods("bananna", limit=1)[0].name == "Bananas, raw"
    assert search_foods("brocoli", limit=1)[0].name.startswith("Broccoli")
    assert search_foods("bananna bread", limit=3)[0].name.startswith("Bread, banana")


@pytest.mark.django_db
def test_private_foods_stay_out_of_the_vocabulary(new_alice):
    Food.objects.create(
        name="Zorblax stew", source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=1
    )
    Food.objects.create(name="Quinceberry jam", source=Food.Source.CSV, energy_kcal=250)
    rebuild_vocabulary()
    assert FoodWord.objects.filter(word="quinceberry").exists()
    assert not FoodWord.objects.filter(word="zorblax").exists()
