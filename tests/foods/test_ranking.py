"""The ranking that puts the plain food first, on names written as USDA writes them."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.foods.ranking import (
    EXTRA_WORD_COST,
    MATCH_TOLERANCE,
    Candidate,
    match,
    rank,
    score,
    singular,
    words,
)


def names(query, candidates, limit=10):
    return [c.name for c in rank(query, candidates, limit)]


def candidates(*names_and_groups):
    return [
        Candidate(id=i, name=item[0], group=item[1] if len(item) > 1 else "")
        for i, item in enumerate(names_and_groups)
    ]


EGGS = candidates(
    ("Eggnog",),
    ("Egg substitute, powder",),
    ("Egg, white, raw, fresh",),
    ("Egg, whole, raw, fresh",),
    ("Babyfood, dessert, custard pudding, vanilla, egg", "Baby Foods"),
)
BANANAS = candidates(
    ("Banana chips",),
    ("Bananas, dehydrated, or banana powder",),
    ("Babyfood, fruit, bananas with tapioca, strained", "Baby Foods"),
    ("Bananas, raw",),
)


def test_the_whole_egg_comes_before_eggnog_and_substitutes():
    ranked = names("egg", EGGS)
    assert ranked[0] == "Egg, whole, raw, fresh"
    assert ranked.index("Eggnog") > ranked.index("Egg, white, raw, fresh")
    assert ranked.index("Egg substitute, powder") > 1


def test_the_raw_banana_comes_first():
    assert names("banana", BANANAS)[0] == "Bananas, raw"


def test_baby_food_comes_after_the_plain_food_unless_asked_for():
    assert names("banana", BANANAS)[-1].startswith("Babyfood")
    assert names("babyfood banana", BANANAS)[0].startswith("Babyfood")


def test_plurals_and_word_order_do_not_matter():
    rice = candidates(
        ("Rice, white, long-grain, regular, cooked",),
        ("Rice, brown, long-grain, cooked",),
        ("Rice, brown, long-grain, raw",),
    )
    assert names("brown rice cooked", rice)[0] == "Rice, brown, long-grain, cooked"
    assert names("cooked rice brown", rice) == names("brown rice cooked", rice)
    assert names("eggs", EGGS) == names("egg", EGGS)


def test_a_persons_own_food_ranks_higher_for_them_but_not_above_the_plain_food():
    own = Candidate(id=99, name="Grandma's banana bread", own=True)
    assert names("banana", [*BANANAS, own])[:2] == ["Bananas, raw", "Grandma's banana bread"]
    assert names("grandmas banana bread", [*BANANAS, own])[0] == "Grandma's banana bread"


def test_the_boost_grows_with_how_much_a_food_is_logged():
    pate = Candidate(id=98, name="Fish, salmon, pate, homemade")
    foods = [*candidates(("Fish, salmon, Atlantic, raw",), ("Fish, salmon, pink, canned",)), pate]
    ranks = [
        names("salmon", [*foods[:2], replace(pate, recent=weight)]).index(pate.name)
        for weight in (0.0, 0.5, 1.0)
    ]
    assert ranks[0] >= ranks[1] >= ranks[2] >= 1  # higher, but never first


@given(
    st.lists(
        st.floats(min_value=0, max_value=1),
        min_size=len(EGGS + BANANAS),
        max_size=len(EGGS + BANANAS),
    ),
    st.lists(st.booleans(), min_size=len(EGGS + BANANAS), max_size=len(EGGS + BANANAS)),
    st.sampled_from(["egg", "banana", "banana raw", "egg white"]),
)
def test_no_history_lifts_a_worse_match_above_the_best_matching_food(weights, own, query):
    plain = EGGS + BANANAS
    logged = [
        replace(food, recent=weight, own=mine)
        for food, weight, mine in zip(plain, weights, own, strict=True)
    ]
    query_words = words(query)
    best = max(match(query_words, food) for food in logged)
    first = next(food for food in logged if food.name == names(query, logged, limit=1)[0])
    assert match(query_words, first) >= best - MATCH_TOLERANCE


def test_a_prefix_finds_the_longer_word():
    chicken = candidates(("Chicken, broilers or fryers, breast, meat only, raw",), ("Chickpeas",))
    assert "Chicken, broilers or fryers, breast, meat only, raw" in names("chick", chicken)


def test_singular_forms():
    assert [singular(w) for w in ["eggs", "berries", "peaches", "potatoes", "hummus", "bass"]] == [
        "egg",
        "berry",
        "peach",
        "potato",
        "hummus",
        "bass",
    ]
    assert words("Bananas, RAW") == ["banana", "raw"]


def test_a_word_and_its_plural_meet_whatever_the_ending():
    for one, many in [("cookie", "cookies"), ("brownie", "brownies"), ("berry", "berries")]:
        assert singular(one) == singular(many)


def test_cookie_finds_cookies_before_things_that_merely_contain_them():
    foods = candidates(("Candies, TWIX Caramel Cookie Bars",), ("Cookies, molasses",))
    assert names("cookie", foods)[0] == "Cookies, molasses"


@given(st.permutations(EGGS + BANANAS), st.sampled_from(["egg", "banana", "raw", "x"]))
def test_the_order_does_not_depend_on_the_order_of_candidates(shuffled, query):
    assert names(query, list(shuffled)) == names(query, EGGS + BANANAS)


@given(st.lists(st.text(max_size=40), max_size=20), st.text(max_size=30))
def test_ranking_any_text_returns_a_subset_without_error(texts, query):
    pool = [Candidate(id=i, name=text) for i, text in enumerate(texts)]
    ranked = rank(query, pool, 5)
    assert len(ranked) == min(5, len(pool))
    assert {c.id for c in ranked} <= {c.id for c in pool}


def test_a_staple_with_more_measures_and_variants_comes_first():
    tomatoes = [
        Candidate(id=1, name="Tomatoes, green, raw", measures=1, variants=1),
        Candidate(id=2, name="Tomatoes, red, ripe, raw", measures=7, variants=12),
    ]
    assert names("tomato", tomatoes)[0] == "Tomatoes, red, ripe, raw"


def test_staple_signals_break_ties_rather_than_outvote_the_words():
    foods = [
        Candidate(id=1, name="Chicken, broilers or fryers, fried, flour", measures=8, variants=90),
        Candidate(id=2, name="Flour, wheat", measures=1, variants=1),
    ]
    assert names("flour", foods)[0] == "Flour, wheat"


def test_numbers_and_letters_in_a_name_cost_nothing():
    query = words("milk")
    plain = Candidate(id=1, name="Milk, whole, fluid")
    detailed = Candidate(id=2, name="Milk, whole, fluid, 3.25% milkfat, with added vitamin D")
    assert score(query, plain) - score(query, detailed) == pytest.approx(
        3 * EXTRA_WORD_COST  # milkfat, added, vitamin
    )


@given(
    st.integers(0, 50), st.integers(0, 50), st.integers(1, 500), st.integers(1, 500),
    st.sampled_from(["egg", "banana raw", "milk", "x"]),
)  # fmt: skip
def test_more_measures_or_variants_never_lower_a_score(m1, m2, v1, v2, query):
    name = "Bananas, raw"
    lower = Candidate(id=1, name=name, measures=min(m1, m2), variants=min(v1, v2))
    higher = Candidate(id=1, name=name, measures=max(m1, m2), variants=max(v1, v2))
    assert score(words(query), higher) >= score(words(query), lower)


def test_a_word_a_name_is_without_matches_nothing():
    chili = candidates(("Chili, no beans, canned entree",), ("Chili with beans, canned",))
    assert names("chili beans", chili)[0] == "Chili with beans, canned"


def test_what_a_food_includes_costs_nothing():
    query = words("saltines")
    plain = Candidate(id=1, name="Crackers, saltines (includes oyster, soda, soup)")
    bare = Candidate(id=2, name="Crackers, saltines")
    assert match(query, plain) == match(query, bare)


def test_a_lighter_or_home_made_variant_costs_twice():
    query = words("saltines")
    low = Candidate(id=1, name="Crackers, saltines, low salt")
    other = Candidate(id=2, name="Crackers, saltines, square salt")
    assert match(query, other) - match(query, low) == pytest.approx(EXTRA_WORD_COST)


def test_a_name_of_nothing_but_the_query_comes_before_one_with_more_variants():
    syrups = [
        Candidate(id=1, name="Syrups, table blends, cane and 15% maple", measures=2, variants=8),
        Candidate(id=2, name="Syrups, maple", measures=2, variants=1),
    ]
    assert names("maple syrup", syrups)[0] == "Syrups, maple"
