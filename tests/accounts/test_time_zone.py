"""The person's own day: a time zone from the browser at sign-up, changed in settings and through
the API, and every "today" of the pages and the API in it.

The moments are chosen where the zone's date is not UTC's:
- 2026-03-10 08:30 UTC is Monday 2026-03-09, 22:30 in Honolulu (UTC−10, no daylight saving);
- 2026-03-10 20:00 UTC is Wednesday 2026-03-11, 09:00 in Auckland (UTC+13, daylight saving
  until April 5, 2026).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from openplate.accounts.goals import set_goal
from openplate.accounts.models import Account, Profile
from openplate.accounts.profile import (
    change_profile,
    known_time_zones,
    time_zone_choices,
    time_zone_name_of,
    today_for,
)
from openplate.diary.services import quick_add
from tests.accounts.test_signup import PASSWORD, unlabelled_fields
from tests.api_client import ApiClient, locations
from tests.people import alice_goal, new_person, signed_in

pytestmark = pytest.mark.django_db

HONOLULU_EVENING = datetime(2026, 3, 10, 8, 30, tzinfo=UTC)
HONOLULU_DAY = date(2026, 3, 9)
AUCKLAND_MORNING = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
AUCKLAND_DAY = date(2026, 3, 11)


def person_in(zone: str, username: str = "kai") -> User:
    person = new_person(username)
    Account.objects.create(user=person, time_zone=zone)
    return User.objects.get(pk=person.pk)  # fresh, without the account cached


def sign_up(client: Client, **changes: str) -> object:
    form = {"username": "kai", "password1": PASSWORD, "password2": PASSWORD, **changes}
    return client.post("/accounts/signup/", form)


# --- today where the person lives ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "zone", "their_day"),
    [
        (HONOLULU_EVENING, "Pacific/Honolulu", HONOLULU_DAY),
        (AUCKLAND_MORNING, "Pacific/Auckland", AUCKLAND_DAY),
        (HONOLULU_EVENING, "UTC", date(2026, 3, 10)),
    ],
)
def test_today_is_the_date_where_the_person_lives(moment, zone, their_day):
    person = person_in(zone)
    with time_machine.travel(moment, tick=False):
        assert today_for(person) == their_day


@override_settings(TIME_ZONE="America/Los_Angeles")
def test_a_person_who_never_chose_a_zone_has_the_servers():
    person = new_person("kai")  # made without the sign-up page, as createsuperuser does
    assert time_zone_name_of(person) == "America/Los_Angeles"
    with time_machine.travel(HONOLULU_EVENING, tick=False):  # 00:30 in Los Angeles, March 10
        assert today_for(person) == date(2026, 3, 10)


def test_the_list_offers_each_regions_zones_and_utc():
    regions = dict(time_zone_choices())
    assert ("Pacific/Honolulu", "Pacific/Honolulu") in regions["Pacific"]
    assert ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos Aires") in regions[
        "America"
    ]
    assert regions["Other"] == [("UTC", "UTC")]
    listed = {name for zones in regions.values() for name, _ in zones}
    assert listed <= known_time_zones()
    assert "US/Pacific" in known_time_zones()  # an old alias: taken, not offered
    assert "US/Pacific" not in listed
    assert "localtime" not in known_time_zones()  # the system's link, no place's zone


# --- sign-up ------------------------------------------------------------------------------------


def test_the_sign_up_form_carries_the_browsers_zone_filled_in_by_a_script(client: Client):
    html = client.get("/accounts/signup/").content.decode()
    assert 'type="hidden" name="time_zone" value="UTC"' in html  # the server's, without JS
    assert "data-browser-time-zone" in html
    assert 'src="/static/openplate/time_zone.js"' in html
    assert unlabelled_fields(html) == []


def test_sign_up_keeps_the_zone_the_browser_sent(client: Client):
    sign_up(client, time_zone="Pacific/Auckland")
    assert Account.objects.get(user__username="kai").time_zone == "Pacific/Auckland"


@pytest.mark.parametrize("sent", ["", "Mars/Olympus_Mons", "localtime"])
def test_sign_up_without_a_zone_it_knows_takes_the_servers(client: Client, sent: str):
    response = sign_up(client, time_zone=sent)
    assert response["Location"] == "/goal/"  # type: ignore[index]  # no error for a hidden field
    assert Account.objects.get(user__username="kai").time_zone == "UTC"


def test_the_first_goal_starts_on_the_persons_day(client: Client):
    sign_up(client, time_zone="Pacific/Honolulu")
    form = {
        "units": "metric",
        "rate_kg": "-0.5",
        "sex": "female",
        "height_cm": "165",
        "weight_kg": "70",
        "birth_date": "1990-01-01",
        "activity": "light",
    }
    with time_machine.travel(HONOLULU_EVENING, tick=False):
        assert client.post("/goal/", form).status_code == 302
    goal = User.objects.get(username="kai").goals.get()
    assert goal.starts_on == HONOLULU_DAY


# --- the pages ----------------------------------------------------------------------------------


def heading_text(page: str) -> str:
    """The page's h1 as a screen reader reads it: its text without the tags."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading is not None
    return re.sub(r"<[^>]+>", "", heading.group(1)).strip()


@pytest.mark.parametrize(
    ("moment", "zone", "heading"),
    [
        (HONOLULU_EVENING, "Pacific/Honolulu", "Today, Monday, March 9"),
        (AUCKLAND_MORNING, "Pacific/Auckland", "Today, Wednesday, March 11"),
    ],
)
def test_the_diary_opens_on_the_persons_today(moment, zone, heading):
    browser = signed_in(person_in(zone))
    with time_machine.travel(moment, tick=False):
        page = browser.get("/diary/", follow=True).content.decode()
    assert heading_text(page) == heading


def test_a_request_leaves_the_servers_zone_to_the_next(client: Client):
    browser = signed_in(person_in("Pacific/Auckland"))
    browser.get("/settings/")
    assert timezone.get_current_timezone_name() == "UTC"
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        assert timezone.localdate() == date(2026, 3, 10)


def test_the_progress_page_counts_the_streak_to_the_persons_today():
    person = person_in("Pacific/Auckland")
    set_goal(person, alice_goal(), on=date(2026, 1, 1))
    quick_add(person, day=AUCKLAND_DAY, meal="breakfast", energy_kcal=300)
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        page = signed_in(person).get("/progress/").content.decode()
    # Auckland's today has food; UTC's today, March 10, has none and would end the streak.
    assert '<dd id="food-streak">1 <span class="muted">longest 1</span></dd>' in page


def test_the_settings_page_shows_the_zone_and_the_time_there():
    browser = signed_in(person_in("Pacific/Honolulu"))
    with time_machine.travel(HONOLULU_EVENING, tick=False):
        html = browser.get("/settings/").content.decode()
    assert "Your days follow <strong>Pacific/Honolulu</strong>" in html
    assert "where it is now Monday, March 9, 10:30 PM." in html
    assert '<option value="Pacific/Honolulu" selected>Pacific/Honolulu</option>' in html
    assert unlabelled_fields(html) == []


def test_settings_change_the_zone_and_today_follows():
    person = person_in("Pacific/Honolulu")
    browser = signed_in(person)
    response = browser.post("/settings/time-zone/", {"time_zone": "Pacific/Auckland"}, follow=True)
    assert "Time zone saved: Pacific/Auckland." in response.content.decode()
    assert Account.objects.get(user=person).time_zone == "Pacific/Auckland"
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        page = browser.get("/diary/").content.decode()
    assert heading_text(page) == "Today, Wednesday, March 11"


def test_settings_show_an_unknown_zone_in_place_and_keep_the_old():
    person = person_in("Pacific/Honolulu")
    response = signed_in(person).post("/settings/time-zone/", {"time_zone": "Atlantis/Capital"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_time_zone_error"' in html
    assert "Choose a time zone from the list" in html
    assert 'aria-invalid="true"' in html
    assert '<option value="Pacific/Honolulu" selected>' in html  # the zone kept, shown
    assert Account.objects.get(user=person).time_zone == "Pacific/Honolulu"


def test_a_person_with_an_old_alias_finds_it_in_the_list():
    html = signed_in(person_in("US/Hawaii")).get("/settings/").content.decode()
    assert '<option value="US/Hawaii" selected>US/Hawaii</option>' in html


def test_a_signed_in_page_reads_the_zone_with_the_user(django_assert_num_queries):
    browser = signed_in(person_in("Pacific/Auckland"))
    with django_assert_num_queries(2):  # the session; the user with their account
        assert browser.get("/guides/").status_code == 200


# --- the service --------------------------------------------------------------------------------


def test_the_zone_may_change_before_the_first_goal():
    person = person_in("UTC")
    assert change_profile(person, time_zone="Asia/Tokyo") is None  # no profile yet
    assert Account.objects.get(user=person).time_zone == "Asia/Tokyo"
    assert not Profile.objects.exists()


def test_a_person_made_without_an_account_gets_one_when_choosing_a_zone():
    person = new_person("kai")
    change_profile(person, time_zone="Europe/Paris")
    assert Account.objects.get(user=person).time_zone == "Europe/Paris"


@pytest.mark.parametrize("zone", ["Pacific/Nowhere", "", "localtime", "pacific/auckland"])
def test_an_unknown_zone_is_refused_by_name(zone):
    person = person_in("Pacific/Honolulu")
    with pytest.raises(ValidationError) as refused:
        change_profile(person, time_zone=zone)
    assert list(refused.value.message_dict) == ["time_zone"]
    assert Account.objects.get(user=person).time_zone == "Pacific/Honolulu"


def test_nothing_changes_when_another_field_is_refused():
    person = person_in("Pacific/Honolulu")
    set_goal(person, alice_goal(), on=date(2026, 1, 1))
    with pytest.raises(ValidationError) as refused:
        change_profile(person, time_zone="Asia/Tokyo", units="furlongs")
    assert list(refused.value.message_dict) == ["units"]
    assert Account.objects.get(user=person).time_zone == "Pacific/Honolulu"


# --- the API ------------------------------------------------------------------------------------


def test_the_api_answers_with_the_zone_and_the_persons_today():
    api = ApiClient(person_in("Pacific/Auckland"))
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        me = api.get("/profile").json()
    assert (me["time_zone"], me["today"]) == ("Pacific/Auckland", "2026-03-11")


def test_the_api_changes_the_zone_before_the_first_goal_and_today_follows():
    api = ApiClient(person_in("UTC"))
    with time_machine.travel(HONOLULU_EVENING, tick=False):
        response = api.patch("/profile", {"time_zone": "Pacific/Honolulu"})
    assert response.status_code == 200, response.content
    assert (response.json()["time_zone"], response.json()["today"]) == (
        "Pacific/Honolulu",
        "2026-03-09",
    )


def test_the_api_refuses_an_unknown_zone_naming_the_field():
    person = person_in("Pacific/Honolulu")
    response = ApiClient(person).patch("/profile", {"time_zone": "Europe/Atlantis"})
    assert locations(response) == [["body", "payload", "time_zone"]]
    assert Account.objects.get(user=person).time_zone == "Pacific/Honolulu"


def test_a_goal_set_through_the_api_starts_on_the_persons_day():
    api = ApiClient(person_in("Pacific/Auckland"))
    goal = {
        "sex": "female",
        "birth_date": "1990-01-01",
        "height_cm": 165,
        "weight_kg": 70,
        "activity": "light",
        "rate_lb_per_week": -1,
    }
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        assert api.post("/goals", goal).json()["starts_on"] == "2026-03-11"


def test_the_progress_api_ends_on_the_persons_today_and_counts_its_streak():
    person = person_in("Pacific/Auckland")
    quick_add(person, day=AUCKLAND_DAY, meal="breakfast", energy_kcal=300)
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        progress = ApiClient(person).get("/progress").json()
    assert progress["end"] == "2026-03-11"
    assert progress["streaks"]["food_current"] == 1  # UTC's today, March 10, has no food


def test_a_token_request_brings_the_account_with_the_token(django_assert_num_queries):
    api = ApiClient(person_in("Pacific/Auckland"))
    api.get("/guides")  # notes the token's use, once a minute at most
    with django_assert_num_queries(1):  # the token, its person and their account
        assert api.get("/guides").status_code == 200


def test_the_api_leaves_the_servers_zone_to_the_next_request():
    ApiClient(person_in("Pacific/Auckland")).get("/profile")
    assert timezone.get_current_timezone_name() == "UTC"


def test_the_export_is_dated_the_persons_today_and_names_their_zone():
    browser = signed_in(person_in("Pacific/Auckland"))
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        response = browser.get("/settings/export.json")
    assert response["Content-Disposition"] == 'attachment; filename="openplate-kai-2026-03-11.json"'
    assert json.loads(response.content)["account"]["time_zone"] == "Pacific/Auckland"
