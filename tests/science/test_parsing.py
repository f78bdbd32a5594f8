"""Reading plain words: items, amounts, units and the food's words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science import parsing
from openplate.science.parsing import ParseError, parse_items, read_item, split_items

COMPOUNDS = ("mac and cheese", "pb&j", "half and half")


def read(text):
    item = read_item(text)
    return item.quantity, item.unit, item.words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 large eggs", (2, "large", "eggs")),
        ("a slice of whole wheat toast", (1, "slice", "whole wheat toast")),
        ("1 1/2 cups oatmeal", (1.5, "cup", "oatmeal")),
        ("1½ cups rice", (1.5, "cup", "rice")),
        ("½ avocado", (0.5, None, "avocado")),
        ("half an avocado", (0.5, None, "avocado")),
        ("half a dozen eggs", (6, None, "eggs")),
        ("a dozen almonds", (12, None, "almonds")),
        ("two dozen grapes", (24, None, "grapes")),
        ("two apples", (2, None, "apples")),
        ("an apple", (1, None, "apple")),
        ("a couple of eggs", (2, None, "eggs")),
        ("a half cup of rice", (0.5, "cup", "rice")),
        ("200g chicken breast", (200, "g", "chicken breast")),
        ("200 grams of chicken", (200, "g", "chicken")),
        ("0.2 kg rice", (0.2, "kg", "rice")),
        ("8 oz steak", (8, "oz", "steak")),
        ("8oz steak", (8, "oz", "steak")),
        ("1 lb ground beef", (1, "lb", "ground beef")),
        ("1.5 cups milk", (1.5, "cup", "milk")),
        ("500 ml milk", (500, "ml", "milk")),
        ("1 l water", (1, "l", "water")),
        ("2 tbsp peanut butter", (2, "tbsp", "peanut butter")),
        ("1 teaspoon sugar", (1, "tsp", "sugar")),
        ("12 fl oz cola", (12, "fl oz", "cola")),
        ("3 slices of bacon", (3, "slice", "bacon")),
        ("2 pieces of chicken", (2, "piece", "chicken")),
        ("2 cloves garlic", (2, "clove", "garlic")),
        ("a medium banana", (1, "medium", "banana")),
        ("a big apple", (1, "large", "apple")),
        ("1 extra large egg", (1, "extra large", "egg")),
        ("a can of coke", (1, "can", "coke")),
        ("chicken 200 g", (200, "g", "chicken")),
        ("milk 1 cup", (1, "cup", "milk")),
        ("toast", (1, None, "toast")),
        ("2 cookies", (2, None, "cookie")),  # a measure's noun alone is the food
        ("a bar of chocolate", (1, "bar", "chocolate")),
    ],
)
def test_an_item_reads_as_amount_unit_and_food(text, expected):
    assert read(text) == expected


def test_the_issue_phrase_splits_into_five_items_with_the_additions_marked():
    items = parse_items(
        "2 large eggs, a slice of whole wheat toast with butter and a cup of coffee with milk"
    )
    assert [(i.text, i.addition) for i in items] == [
        ("2 large eggs", False),
        ("a slice of whole wheat toast", False),
        ("butter", True),
        ("a cup of coffee", False),
        ("milk", True),
    ]


def test_an_amount_after_with_is_no_addition():
    (_, cheese) = parse_items("a burger with 2 slices of cheese")
    assert (cheese.quantity, cheese.unit, cheese.addition) == (2, "slice", False)


@pytest.mark.parametrize("separator", [", ", "; ", "\n", " and ", " plus ", " & ", " + "])
def test_every_separator_splits(separator):
    assert [i.words for i in parse_items(f"eggs{separator}toast")] == ["eggs", "toast"]


def test_compounds_stay_whole():
    items = parse_items("mac and cheese, a pb&j and half and half", COMPOUNDS)
    assert [i.words for i in items] == ["mac and cheese", "pb&j", "half and half"]


def test_an_article_before_a_number_is_no_amount_and_a_vessel_holds_the_amount():
    assert read("a 12 oz can of coke") == (12, "oz", "coke")
    assert read("an 8 oz glass of milk") == (8, "oz", "milk")


def test_a_compound_after_an_article_is_one_whole():
    item = read_item("a quarter pounder", compounds=["quarter pounder"])
    assert (item.quantity, item.unit, item.words) == (1, None, "quarter pounder")
    assert read("a quarter of an avocado") == (0.25, None, "avocado")


def test_the_separator_before_each_item_is_kept():
    items = parse_items("toast with butter and jam, tea")
    assert [(i.words, i.joined_by) for i in items] == [
        ("toast", ""),
        ("butter", "with"),
        ("jam", "and"),
        ("tea", ","),
    ]


def test_preparation_words_alone_belong_to_the_item_before():
    assert [i.words for i in parse_items("2 eggs, scrambled, and toast")] == [
        "eggs scrambled",
        "toast",
    ]


def test_empty_pieces_are_dropped():
    assert split_items(" , and ,, ") == []


def test_too_long_a_text_is_refused_with_its_length():
    with pytest.raises(ParseError, match="at most 1,000 characters"):
        split_items("egg " * 300)


def test_too_many_items_are_refused():
    with pytest.raises(ParseError, match="at most 30"):
        split_items(", ".join(["egg"] * 31))


NUMBERS = [
    ("2", 2), ("1.5", 1.5), ("1 1/2", 1.5), ("3/4", 0.75), (".5", 0.5), ("1/0", None),
    ("x", None), ("1 1/0", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_numbers(text, value):
    assert parsing.number(text) == value


def test_the_volume_units_are_the_us_customary_ones():
    # NIST Handbook 44 (2024), Appendix C: 1 cup = 8 fl oz = 236.588 ml, 1 tbsp = 14.787 ml,
    # 1 tsp = 4.929 ml.
    assert parsing.VOLUME_ML["cup"] == pytest.approx(236.588, abs=1e-3)
    assert parsing.VOLUME_ML["tbsp"] == pytest.approx(14.787, abs=1e-3)
    assert parsing.VOLUME_ML["tsp"] == pytest.approx(4.929, abs=1e-3)


# --- properties ------------------------------------------------------------------------------

FOOD_WORDS = st.lists(
    st.sampled_from(["egg", "toast", "rice", "milk", "apple", "cheese", "chicken", "oats"]),
    min_size=1,
    max_size=3,
).map(" ".join)
AMOUNTS = st.sampled_from(
    [
        ("2", 2.0), ("1 1/2", 1.5), ("½", 0.5), ("a", 1.0), ("two", 2.0), ("a dozen", 12.0),
        ("half a", 0.5), ("3", 3.0), ("0.25", 0.25), ("1½", 1.5), ("", 1.0),
    ]
)  # fmt: skip
UNITS = st.sampled_from(
    [
        ("g", "g"), ("oz", "oz"), ("cups", "cup"), ("tbsp", "tbsp"), ("tsp", "tsp"), ("ml", "ml"),
        ("slices of", "slice"), ("large", "large"), ("", None), ("fl oz", "fl oz"),
    ]
)  # fmt: skip


@given(AMOUNTS, UNITS, FOOD_WORDS)
def test_amount_unit_and_food_read_back(amount, unit, food):
    (typed_amount, value), (typed_unit, canonical) = amount, unit
    item = read_item(" ".join(part for part in (typed_amount, typed_unit, food) if part))
    assert (item.quantity, item.unit, item.words) == (pytest.approx(value), canonical, food)


@given(st.lists(FOOD_WORDS, min_size=1, max_size=8), st.sampled_from([", ", " and ", "; "]))
def test_items_joined_by_separators_come_back_in_order(foods, separator):
    assert [item.words for item in parse_items(separator.join(foods))] == foods


@given(st.text(max_size=300))
def test_any_text_reads_or_is_refused_with_a_message(text):
    try:
        items = parse_items(text)
    except ParseError as error:
        message = str(error)
        assert "at most" in message
    else:
        assert all(item.quantity > 0 and item.text for item in items)


# --- a noun after the food, compounds after an amount, cuts ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a garlic clove", (1, "clove", "garlic")),
        ("2 sausage links", (2, "link", "sausage")),
        ("3 bacon strips", (3, "strip", "bacon")),
        ("a chicken breast", (1, None, "chicken breast")),  # a noun that is a food itself
        ("an egg roll", (1, None, "egg roll")),
        ("a peanut butter cup", (1, None, "peanut butter cup")),  # a cup there is a shape
        ("a clove", (1, None, "clove")),  # the noun alone is the food
    ],
)
def test_a_measure_noun_after_the_food_is_its_unit(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a big mac", (1, None, "big mac")),
        ("2 big macs", (2, None, "big macs")),
        ("two quarter pounders", (2, None, "quarter pounders")),
        ("a big apple", (1, "large", "apple")),  # no compound: "big" is a size
        ("a big macintosh apple", (1, "large", "macintosh apple")),  # whole words only
    ],
)
def test_a_compound_after_an_amount_is_food_not_a_unit(text, expected):
    item = read_item(text, compounds=("big mac", "quarter pounder"))
    assert (item.quantity, item.unit, item.words) == expected


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("1 cup sliced strawberries", "slice"),
        ("1 cup pineapple chunks", "chunk"),
        ("a cup of chopped onion", "chop"),
        ("2 cups of milk", ""),
    ],
)
def test_words_of_a_cut_are_kept_and_given_as_its_form(text, form):
    item = read_item(text)
    assert item.form == form
    assert all(word in item.words for word in parsing.CUT_WORDS if word in text.split())


@given(
    AMOUNTS,
    FOOD_WORDS,
    st.sampled_from(sorted(parsing.MEASURE_NOUNS - parsing.NOT_TRAILING_NOUNS)),
)
def test_a_measure_noun_after_the_food_reads_as_its_unit_or_stays_food(amount, food, noun):
    (typed_amount, value) = amount
    item = read_item(" ".join(part for part in (typed_amount, food, noun) if part))
    assert item.quantity == pytest.approx(value)
    assert (item.unit, item.words) in ((noun, food), (None, f"{food} {noun}"))


@given(AMOUNTS, st.sampled_from(["big mac", "half and half", "quarter pounder"]))
def test_a_compound_is_never_read_as_an_amount_or_a_size(amount, compound):
    (typed_amount, value) = amount
    text = " ".join(part for part in (typed_amount, compound) if part)
    item = read_item(text, compounds=("big mac", "half and half", "quarter pounder"))
    assert (item.quantity, item.unit, item.words) == (pytest.approx(value), None, compound)
