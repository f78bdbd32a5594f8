"""How much of the exercise logged is added to the budget: the setting, its page and its API."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from openplate.accounts.exercise_share import exercise_share_of, set_exercise_share
from openplate.accounts.models import Account, ExerciseShare
from tests.api_client import locations

pytestmark = pytest.mark.django_db


def test_everyone_adds_all_their_exercise_until_they_choose(bob: User) -> None:
    assert exercise_share_of(bob) == ExerciseShare.ALL == 1.0
    assert not Account.objects.filter(user=bob).exists()


@pytest.mark.parametrize("share", [1.0, 0.5, 0.0, 1, 0])
def test_it_keeps_each_share_offered(bob: User, share: float) -> None:
    set_exercise_share(bob, share)
    assert exercise_share_of(read_afresh(bob)) == share


@pytest.mark.parametrize("share", [0.25, 2, -1, "half", None, True])
def test_it_refuses_any_other_share(bob: User, share: object) -> None:
    with pytest.raises(ValidationError) as caught:
        set_exercise_share(bob, share)
    assert list(caught.value.message_dict) == ["exercise_share"]
    assert not Account.objects.filter(user=bob).exists()


def test_a_new_share_keeps_the_time_zone(bob: User) -> None:
    Account.objects.create(user=bob, time_zone="Asia/Tokyo")
    set_exercise_share(bob, 0.5)
    account = Account.objects.get(user=bob)
    assert (account.time_zone, account.exercise_share) == ("Asia/Tokyo", 0.5)


def read_afresh(user: User) -> User:
    """The same person read afresh, as the next request would."""
    return User.objects.get(pk=user.pk)


# --- the settings page -------------------------------------------------------------------------


def test_the_settings_page_says_exercise_comes_on_top_of_the_activity_level(
    new_alice_browser: Client,
) -> None:
    html = new_alice_browser.get("/settings/").content.decode()
    assert "Your activity level describes your daily life" in html
    assert "Exercise you log is added on top of it" in html
    assert "<legend>Exercise calories added to your budget</legend>" in html
    assert re.search(r'name="exercise_share" value="1"[^>]*checked', html)
    labels = re.findall(r'<label for="id_exercise_share_\d">([^<]*)</label>', html)
    assert labels == ["All of it", "Half of it", "None of it"]


def test_the_settings_page_saves_the_share(alice_browser: Client, alice: User) -> None:
    response = alice_browser.post("/settings/exercise/", {"exercise_share": "0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/settings/"
    assert exercise_share_of(read_afresh(alice)) == 0.5
    html = alice_browser.get("/settings/").content.decode()
    assert "Exercise calories added to your budget: half of it." in html
    assert re.search(r'name="exercise_share" value="0.5"[^>]*checked', html)


def test_the_share_can_be_set_before_the_first_goal(new_alice_browser: Client) -> None:
    assert new_alice_browser.post("/settings/exercise/", {"exercise_share": "0"}).status_code == 302
    assert Account.objects.get().exercise_share == 0.0


def test_a_share_not_offered_is_shown_in_place_and_nothing_changes(
    alice_browser: Client, alice: User
) -> None:
    response = alice_browser.post("/settings/exercise/", {"exercise_share": "0.3"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Choose all (1), half (0.5) or none (0) of your exercise." in html
    assert exercise_share_of(read_afresh(alice)) == 1.0


def test_the_share_changes_only_by_post(alice_browser: Client) -> None:
    assert alice_browser.get("/settings/exercise/").status_code == 405


def test_strangers_are_sent_to_sign_in(client: Client) -> None:
    response = client.post("/settings/exercise/", {"exercise_share": "0"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Account.objects.exists()


# --- the API -----------------------------------------------------------------------------------


def test_the_profile_answers_the_share(alice_api) -> None:
    assert alice_api.get("/profile").json()["exercise_share"] == 1.0


def test_the_profile_changes_the_share_alone_even_before_a_goal(new_alice_api) -> None:
    response = new_alice_api.patch("/profile", {"exercise_share": 0.5})
    assert response.status_code == 200, response.content
    assert response.json()["exercise_share"] == 0.5
    assert response.json()["profile"] is None
    assert new_alice_api.get("/profile").json()["exercise_share"] == 0.5


def test_the_profile_changes_the_share_with_the_other_settings(alice_api) -> None:
    response = alice_api.patch("/profile", {"exercise_share": 0, "units": "metric"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["exercise_share"], body["profile"]["units"]) == (0.0, "metric")


def test_the_profile_refuses_a_share_not_offered_and_changes_nothing(alice_api) -> None:
    response = alice_api.patch("/profile", {"exercise_share": 0.75, "units": "metric"})
    assert locations(response) == [["body", "payload", "exercise_share"]]
    assert "Choose all (1), half (0.5) or none (0)" in response.json()["detail"][0]["msg"]
    body = alice_api.get("/profile").json()
    assert (body["exercise_share"], body["profile"]["units"]) == (1.0, "imperial")


def test_a_refused_profile_change_keeps_the_old_share(new_alice_api) -> None:
    response = new_alice_api.patch("/profile", {"exercise_share": 0.5, "units": "metric"})
    assert response.status_code == 422  # units wait for the first goal
    assert new_alice_api.get("/profile").json()["exercise_share"] == 1.0
