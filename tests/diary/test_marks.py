"""Marks on a day (complete, left out, fasted): the services, the day page's control, and the
day's calories the expenditure estimate reads (a day without food is not a day of 0 kcal)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from openplate.diary.marks import clear_mark, mark_day, mark_on, marks_between
from openplate.diary.models import DayMark
from openplate.diary.services import daily_kcal, daily_meal_kcal, quick_add

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 4)


def test_a_mark_is_set_replaced_and_cleared(new_alice):
    mark_day(new_alice, day=DAY, status="fasted")
    mark_day(new_alice, day=DAY, status="complete")
    assert DayMark.objects.filter(user=new_alice).count() == 1
    assert mark_on(new_alice, DAY).status == "complete"
    assert clear_mark(new_alice, day=DAY)
    assert mark_on(new_alice, DAY) is None
    assert not clear_mark(new_alice, day=DAY)


@pytest.mark.parametrize(
    ("day", "status", "field"),
    [(DAY, "auto", "status"), (DAY, "", "status"), (DAY, None, "status"),
     (date(1850, 1, 1), "fasted", "date")],
)  # fmt: skip
def test_it_refuses_an_unknown_status_or_day(new_alice, day, status, field):
    with pytest.raises(ValidationError) as refused:
        mark_day(new_alice, day=day, status=status)
    assert list(refused.value.message_dict) == [field]
    assert not DayMark.objects.exists()


def test_the_database_keeps_one_mark_a_day(new_alice):
    DayMark.objects.create(user=new_alice, day=DAY, status="fasted")
    with pytest.raises(IntegrityError), transaction.atomic():
        DayMark.objects.create(user=new_alice, day=DAY, status="complete")


def test_marks_between_reads_the_persons_own_marks_in_the_window(new_alice, bob):
    mark_day(new_alice, day=DAY, status="fasted")
    mark_day(new_alice, day=DAY + timedelta(days=10), status="excluded")
    mark_day(bob, day=DAY + timedelta(days=1), status="complete")
    assert marks_between(new_alice, DAY, DAY + timedelta(days=9)) == {DAY: "fasted"}


def test_deleting_the_person_deletes_their_marks(new_alice):
    mark_day(new_alice, day=DAY, status="fasted")
    new_alice.delete()
    assert not DayMark.objects.exists()


def test_daily_kcal_sums_each_day_and_leaves_out_days_without_food(new_alice, bob):
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=600)
    quick_add(new_alice, day=DAY, meal="dinner", energy_kcal=900.5)
    quick_add(new_alice, day=DAY + timedelta(days=2), meal="lunch", energy_kcal=300)
    quick_add(bob, day=DAY + timedelta(days=1), meal="lunch", energy_kcal=100)
    totals = daily_kcal(new_alice, DAY, DAY + timedelta(days=2))
    assert totals == {DAY: 1500.5, DAY + timedelta(days=2): 300}
    meals = daily_meal_kcal(new_alice, DAY, DAY + timedelta(days=2))
    assert meals == {DAY: {"lunch": 600, "dinner": 900.5}, DAY + timedelta(days=2): {"lunch": 300}}


# --- the day page's control --------------------------------------------------------------------


def test_the_day_page_marks_a_day_fasted_and_clears_it(new_alice, new_alice_browser):
    page = new_alice_browser.get(f"/diary/{DAY}/").content.decode()
    assert "Mark this day" in page
    assert 'value="fasted"' in page
    marked = new_alice_browser.post(f"/diary/{DAY}/mark/", {"status": "fasted"}, follow=True)
    assert marked.redirect_chain[-1][0] == f"/diary/{DAY}/"
    text = marked.content.decode()
    assert "counts as a fast" in text
    assert 'id="day-mark-status"' in text
    assert "<strong>fasted</strong>" in text
    assert mark_on(new_alice, DAY).status == "fasted"
    cleared = new_alice_browser.post(f"/diary/{DAY}/mark/", {"status": ""}, follow=True)
    assert "has no mark now" in cleared.content.decode()
    assert mark_on(new_alice, DAY) is None


def test_the_day_page_refuses_an_unknown_mark_in_place(new_alice, new_alice_browser):
    refused = new_alice_browser.post(f"/diary/{DAY}/mark/", {"status": "feast"}, follow=True)
    assert "Choose complete, excluded or fasted." in refused.content.decode()
    assert not DayMark.objects.exists()


def test_marking_goes_back_to_the_page_it_came_from(new_alice_browser):
    back = new_alice_browser.post(
        f"/diary/{DAY}/mark/", {"status": "complete", "next": "/progress/"}
    )
    assert back["Location"] == "/progress/"
    elsewhere = new_alice_browser.post(
        f"/diary/{DAY}/mark/", {"status": "complete", "next": "//evil.example"}
    )
    assert elsewhere["Location"] == f"/diary/{DAY}/"
