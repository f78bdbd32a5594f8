"""Food search as a person sees it: the foods they logged lately rank higher and are found
however long their names, while other people's own foods stay out of sight."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from openplate.diary.models import Entry
from openplate.diary.services import log_food, search_for
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from openplate.foods.search import search_foods

pytestmark = pytest.mark.django_db

DAY = date(2024, 5, 1)
# A chicken dish whose 60-character name is longer than those of the first candidates for
# "chicken": more than MAX_CANDIDATES public chicken foods have shorter names.
FRIED_THIGH = "05097"  # Chicken, broilers or fryers, thigh, meat only, cooked, fried


def usda(source_id):
    return Food.objects.get(source="usda", source_id=source_id)


def logs(user, *foods):
    """`user` logs each food in turn, a minute apart."""
    start = timezone.now() - timedelta(hours=1)
    for minutes, food in enumerate(foods):
        entry = log_food(user, day=DAY, meal="lunch", food=food, quantity=100)
        Entry.objects.filter(pk=entry.pk).update(created=start + timedelta(minutes=minutes))


def rank(food, results):
    return [result.pk for result in results].index(food.pk)


def test_a_recently_logged_food_ranks_higher_than_for_someone_else(new_alice, bob):
    pudding = usda("19320")  # Puddings, banana, dry mix, regular
    for_bob = rank(pudding, search_for(bob, "banana", limit=20))
    assert for_bob > 0

    logs(new_alice, pudding)

    assert rank(pudding, search_for(new_alice, "banana", limit=20)) < for_bob
    assert rank(pudding, search_for(bob, "banana", limit=20)) == for_bob


def test_a_misspelled_query_still_ranks_recent_foods_higher(new_alice, bob):
    pudding = usda("19320")
    logs(new_alice, pudding)
    assert rank(pudding, search_for(new_alice, "bananna", limit=20)) < rank(
        pudding, search_for(bob, "bananna", limit=20)
    )


def test_ones_own_food_comes_right_after_the_plain_food_and_only_for_oneself(new_alice, bob):
    own = create_custom_food(new_alice, "Alice's banana bread", nutrients={"energy_kcal": 320})
    assert [food.name for food in search_for(new_alice, "banana", limit=2)] == [
        "Bananas, raw",
        own.name,
    ]
    assert search_for(new_alice, "alices banana bread")[0] == own
    assert own not in search_for(bob, "banana", limit=100)


@pytest.fixture
def as_typed(monkeypatch):
    """Search the words as typed: these tests are about which foods become candidates, and the
    everyday name "chicken" alone means roasted chicken meat, which a thigh or a wing is not."""
    monkeypatch.setattr("openplate.foods.everyday.usda_words", lambda text: text)


def test_a_recent_food_is_found_however_long_its_name(new_alice, bob, as_typed):
    thigh = usda(FRIED_THIGH)
    assert thigh not in search_for(bob, "chicken", limit=500)  # beyond the first candidates

    logs(new_alice, thigh)

    assert thigh in search_for(new_alice, "chicken", limit=50)
    assert thigh in search_for(new_alice, "chicken fried", limit=10)
    assert thigh not in search_for(bob, "chicken", limit=500)


def test_a_recent_food_beyond_a_smaller_candidate_limit_is_found(new_alice, bob, monkeypatch):
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 3)
    baby_food = usda("43546")  # Babyfood, banana no tapioca, strained
    assert baby_food not in search_for(bob, "banana", limit=50)

    logs(new_alice, baby_food)

    assert baby_food in search_for(new_alice, "banana", limit=50)
    assert baby_food in search_for(new_alice, "bananas strained", limit=50)


def test_a_recent_food_must_still_match_every_word(new_alice, monkeypatch):
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 3)
    thigh = usda(FRIED_THIGH)
    logs(new_alice, thigh)
    assert thigh not in search_for(new_alice, "chicken roasted", limit=500)
    assert thigh not in search_for(new_alice, "banana", limit=500)


def test_only_the_latest_recent_foods_are_boosted(new_alice, monkeypatch, as_typed):
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 3)
    monkeypatch.setattr("openplate.diary.services.RECENT_FOODS", 1)
    thigh, wing = usda(FRIED_THIGH), usda("05313")  # 05313: a frozen barbecue chicken wing
    logs(new_alice, thigh, wing)
    results = search_for(new_alice, "chicken", limit=500)
    assert wing in results
    assert thigh not in results


def test_another_users_food_is_never_returned_even_as_a_recent_id(new_alice, bob, monkeypatch):
    bobs = create_custom_food(bob, "Bob's banana protein shake", nutrients={"energy_kcal": 90})
    for candidates in (200, 3):
        monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", candidates)
        for user_id in (new_alice.pk, None):
            found = search_foods("banana", user_id=user_id, limit=500, recent_food_ids=[bobs.pk])
            assert bobs not in found
        assert bobs in search_foods("banana", user_id=bob.pk, recent_food_ids=[bobs.pk])


def test_another_users_food_in_ones_diary_stays_out_of_ones_search(new_alice, bob, monkeypatch):
    bobs = create_custom_food(bob, "Bob's banana protein shake", nutrients={"energy_kcal": 90})
    logs(new_alice, bobs)  # as a caller that skipped visible_food could
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 3)
    assert bobs not in search_for(new_alice, "banana", limit=500)
    assert bobs not in search_for(new_alice, "bob", limit=500)


def test_a_deleted_recent_food_is_not_searched_for(new_alice):
    own = create_custom_food(new_alice, "Alice's banana muffin", nutrients={"energy_kcal": 380})
    logs(new_alice, own)
    own_pk = own.pk
    own.delete()
    assert own_pk not in [food.pk for food in search_for(new_alice, "banana", limit=500)]


def test_someone_who_logged_nothing_sees_the_plain_search(new_alice):
    assert search_for(new_alice, "banana") == search_foods("banana", user_id=new_alice.pk)
    assert search_for(new_alice, "banana")[0].name == "Bananas, raw"


def test_a_recent_food_is_found_by_the_singular_of_its_plural_name(new_alice, monkeypatch):
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 3)
    cookies = usda("18159")  # Cookies, chocolate chip, commercially prepared, regular, ...
    logs(new_alice, cookies)
    assert cookies in search_for(new_alice, "cookies", limit=500)  # as the name spells it
    assert cookies in search_for(new_alice, "cookie", limit=500)


def test_the_history_weight_grows_with_times_logged_and_fades_with_time(new_alice):
    from openplate.diary.services import food_history

    once, thrice, old, forgotten = (usda(code) for code in ("09040", "01123", "09003", "11124"))
    logs(new_alice, once, thrice, thrice, thrice, old, forgotten)
    now = timezone.now()
    Entry.objects.filter(food=old).update(created=now - timedelta(days=30))
    Entry.objects.filter(food=forgotten).update(created=now - timedelta(days=200))
    history = food_history(new_alice)
    assert history[once.pk] == pytest.approx(0.5, abs=0.01)  # 1 - 1/2, logged within the hour
    assert history[thrice.pk] == pytest.approx(0.875, abs=0.01)  # 1 - 1/8
    assert history[old.pk] == pytest.approx(0.25, abs=0.01)  # half again after a month
    assert forgotten.pk not in history


# Foods the issue found lifted above the plain food for a person who had logged them.
TRAPS = {
    "salmon": "15182",  # Fish, salmon, sockeye, canned, without salt, drained solids with bone
    "milk": "01085",  # Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)
    "potato": "19411",  # Snacks, potato chips, plain, salted
}


def test_a_varied_history_never_lifts_a_worse_match_above_the_plain_food(new_alice, bob):
    varied = list(Food.objects.filter(source="usda").order_by("source_id")[::200][:40])
    logs(new_alice, *varied, *(usda(code) for code in TRAPS.values()))
    for query in TRAPS:
        assert search_for(new_alice, query, limit=1) == search_for(bob, query, limit=1), query
