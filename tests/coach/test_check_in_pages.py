"""The check-in page, its answers and the day it comes on, and the card on the day page."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.goals import goal_on, set_goal
from openplate.accounts.models import Account, BudgetSource, Goal
from openplate.accounts.numbers_light import set_numbers_light
from openplate.coach import checkins
from openplate.coach.models import CheckIn
from tests.coach.history import log_history
from tests.people import alice_goal, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(new_alice: User, today: date) -> User:
    """alice checks in on today's weekday, with three weeks logged and weighed before today."""
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    Account.objects.update_or_create(user=new_alice, defaults={"check_in_weekday": today.weekday()})
    log_history(new_alice, until=today - timedelta(days=1))
    return User.objects.get(pk=new_alice.pk)


def test_strangers_are_asked_to_sign_in(client: Client) -> None:
    assert client.get("/coach/check-in/")["Location"].startswith("/accounts/login/")
    assert client.post("/coach/check-in/1/accept/").status_code == 302


def test_the_page_shows_this_weeks_check_in(alice_browser: Client, alice: User) -> None:
    page = alice_browser.get("/coach/check-in/").content.decode()
    check_in = CheckIn.objects.get(user=alice)
    assert "Today’s check-in" in page
    assert f'id="proposed-budget">{round(check_in.proposed_budget_kcal):,}<' in page
    assert f'id="current-budget">{round(check_in.current_budget_kcal):,}<' in page
    assert 'id="check-in-logged">7 of 7<' in page
    assert "lb" in page  # her units
    assert 'id="goal-dates"' in page
    assert "None yet" in page  # no past check-ins


def test_accepting_on_the_page_changes_the_budget_from_today(
    alice_browser: Client, alice: User, today: date
) -> None:
    alice_browser.get("/coach/check-in/")
    check_in = CheckIn.objects.get(user=alice)
    response = alice_browser.post(f"/coach/check-in/{check_in.pk}/accept/", follow=True)
    page = response.content.decode()
    assert "Accepted: your new budget of" in page
    assert "This week’s check-in is done" in page
    assert goal_on(alice, today + timedelta(days=1)).budget_source == BudgetSource.CHECK_IN
    assert f'id="check-in-{today:%Y-%m-%d}"' in page  # listed with the past ones


def test_keeping_on_the_page_changes_nothing(
    alice_browser: Client, alice: User, today: date
) -> None:
    alice_browser.get("/coach/check-in/")
    check_in = CheckIn.objects.get(user=alice)
    response = alice_browser.post(f"/coach/check-in/{check_in.pk}/keep/", follow=True)
    assert "Kept: your budget stays as it is." in response.content.decode()
    assert Goal.objects.filter(user=alice).count() == 1
    assert alice_browser.post(f"/coach/check-in/{check_in.pk}/accept/").status_code == 302
    assert Goal.objects.filter(user=alice).count() == 1


def test_another_persons_check_in_is_not_found(alice: User, bob: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    bob_browser = signed_in(bob)
    assert bob_browser.post(f"/coach/check-in/{check_in.pk}/accept/").status_code == 404
    assert bob_browser.post(f"/coach/check-in/{check_in.pk}/keep/").status_code == 404
    check_in.refresh_from_db()
    assert check_in.decision == CheckIn.Decision.PENDING


def test_the_day_is_chosen_on_the_page(alice_browser: Client, alice: User) -> None:
    response = alice_browser.post("/coach/check-in/day/", {"check_in_weekday": "4"}, follow=True)
    assert "Your weekly check-in is now on Fridays." in response.content.decode()
    assert Account.objects.get(user=alice).check_in_weekday == 4
    response = alice_browser.post("/coach/check-in/day/", {"check_in_weekday": "9"}, follow=True)
    assert "Choose a day of the week." in response.content.decode()
    assert Account.objects.get(user=alice).check_in_weekday == 4


def test_without_enough_logged_the_page_says_what_is_missing(
    new_alice_browser: Client, new_alice: User, today: date
) -> None:
    set_goal(new_alice, alice_goal(), on=today)
    page = new_alice_browser.get("/coach/check-in/").content.decode()
    assert "Not enough to go on yet" in page
    assert "so far 0 days and 0 weigh-ins" in page
    assert not CheckIn.objects.exists()


def test_on_her_day_the_day_page_invites_her_to_check_in(
    alice_browser: Client, alice: User
) -> None:
    page = alice_browser.get("/diary/").content.decode()
    assert 'id="check-in-card"' in page
    assert "Today is your check-in day" in page
    assert 'href="/coach/check-in/"' in page
    assert not CheckIn.objects.exists()  # the day page makes nothing


def test_the_card_shows_the_waiting_check_in_until_it_is_answered(
    alice_browser: Client, alice: User, today: date
) -> None:
    check_in = checkins.make_check_in(alice, today)
    page = alice_browser.get("/diary/").content.decode()
    assert f"Proposed: <strong>{round(check_in.proposed_budget_kcal):,}</strong>" in page
    checkins.keep(check_in)
    assert 'id="check-in-card"' not in alice_browser.get("/diary/").content.decode()


def test_no_card_on_other_days_without_a_check_in(alice_browser: Client, alice: User) -> None:
    Account.objects.filter(user=alice).update(
        check_in_weekday=(alice.account.check_in_weekday + 1) % 7
    )
    assert 'id="check-in-card"' not in alice_browser.get("/diary/").content.decode()


def test_the_card_is_on_today_only(alice_browser: Client, today: date) -> None:
    page = alice_browser.get(f"/diary/{today - timedelta(days=1):%Y-%m-%d}/").content.decode()
    assert 'id="check-in-card"' not in page


def test_numbers_light_leaves_the_calories_out(alice_browser: Client, alice: User) -> None:
    set_numbers_light(alice, True)
    page = alice_browser.get("/coach/check-in/").content.decode()  # makes the check-in
    card = alice_browser.get("/diary/").content.decode()
    assert "kcal" not in page
    assert "Accept the new budget" in page
    assert 'id="check-in-card"' in card
    assert "waiting for your answer" in card


def test_numbers_light_says_why_it_was_held_back_without_calories(
    new_alice: User, today: date
) -> None:
    set_goal(new_alice, alice_goal(rate_kg_per_week=-1.0), on=today - timedelta(days=60))
    Account.objects.update_or_create(user=new_alice, defaults={"check_in_weekday": today.weekday()})
    log_history(new_alice, until=today - timedelta(days=1), intake_kcal=1300, start_kg=62)
    set_numbers_light(new_alice, True)
    page = signed_in(new_alice).get("/coach/check-in/").content.decode()
    check_in = CheckIn.objects.get(user=new_alice)
    assert check_in.limits == ["floor"]
    assert "kcal" not in page
    assert "Held back to stay inside the range that is safe for you." in page
