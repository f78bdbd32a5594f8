"""The expenditure page through the Django test client: the estimate and its band in words, the
days that look incomplete and the three answers to each, and a new person's first visit."""

import html
import json
import re
from datetime import date, timedelta

import pytest
from django.test import Client

from openplate.accounts.numbers_light import set_numbers_light
from openplate.coach.views import band_words
from openplate.diary.marks import mark_day, mark_on
from openplate.diary.services import quick_add
from tests.coach.steady import log_steady
from tests.people import signed_in

pytestmark = pytest.mark.django_db

PAGE = "/coach/expenditure/"


def text_of(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def light_day(alice, today: date) -> date:
    """Four weeks logged at 2,000 kcal, but a day ten days ago logged at 400."""
    light = today - timedelta(days=10)
    log_steady(alice, today, skip={10})
    quick_add(alice, day=light, meal="lunch", energy_kcal=400)
    return light


def test_it_needs_sign_in(client: Client):
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")


def test_a_new_person_hears_what_the_estimate_needs(new_alice_browser):
    page = new_alice_browser.get(PAGE)
    assert page.status_code == 200
    text = text_of(page)
    assert "Not enough to go on yet" in text
    assert "log your food and weigh in for a week or two" in text
    assert "food logged on 0 days, 0 weigh-ins" in text
    assert 'id="expenditure-chart"' not in page.content.decode()


def test_it_shows_the_estimate_with_its_band_in_words(alice_browser, light_day):
    page = alice_browser.get(PAGE)
    text = text_of(page)
    assert re.search(r"\d,\d{3} kcal a day", text)
    assert re.search(r"Between \d,\d{3} and \d,\d{3} kcal, 8 times in 10\.", text)
    assert re.search(r"Trend weight 154\.\d lb", text)  # about 70 kg, in alice's US units
    assert "Days counted 27 of 28" in text
    data = json.loads(
        re.search(r'id="expenditure-data"[^>]*>(.*?)</script>', page.content.decode(), re.S)[1]
    )
    assert len(data["labels"]) == 28
    index = data["labels"].index(light_day.isoformat())
    assert (data["intake"][index], data["left_out"][index]) == (None, 400)


def test_it_lists_the_incomplete_day_with_three_answers(alice_browser, light_day):
    page = alice_browser.get(PAGE).content.decode()
    row = re.search(rf'id="incomplete-{light_day}".*?</li>', page, re.S)[0]
    assert f"{light_day:%A}" in row
    assert "looks incomplete" in row
    assert re.findall(r'name="choice" value="([\w-]+)"', row) == ["keep", "leave-out", "complete"]
    assert "csrfmiddlewaretoken" in row


@pytest.mark.parametrize(
    ("choice", "status", "said"),
    [("keep", "complete", "is kept as logged and counts"),
     ("leave-out", "excluded", "is left out"),
     ("complete", "complete", "is marked complete and counts")],
)  # fmt: skip
def test_each_answer_marks_the_day_and_comes_back(
    alice, alice_browser, light_day, choice, status, said
):
    answered = alice_browser.post(f"{PAGE}{light_day}/", {"choice": choice}, follow=True)
    assert answered.redirect_chain[-1][0] == PAGE + "#incomplete"
    text = text_of(answered)
    assert f"{light_day:%A %b %-d} {said}" in text
    assert mark_on(alice, light_day).status == status
    assert f'id="incomplete-{light_day}"' not in answered.content.decode()
    assert "None: every day logged looks complete." in text
    counted = "28" if status == "complete" else "27"
    assert f"Days counted {counted} of 28" in text


def test_an_unknown_answer_changes_nothing(alice, alice_browser, light_day):
    answered = alice_browser.post(f"{PAGE}{light_day}/", {"choice": "maybe"}, follow=True)
    assert "Choose keep it, leave it out or mark it complete." in text_of(answered)
    assert mark_on(alice, light_day) is None


def test_a_marked_day_is_listed_and_its_mark_can_be_cleared(alice, alice_browser, light_day):
    mark_day(alice, day=light_day, status="fasted")
    page = alice_browser.get(PAGE).content.decode()
    assert f'id="marked-{light_day}"' in page
    cleared = alice_browser.post(
        f"/diary/{light_day}/mark/", {"status": "", "next": PAGE}, follow=True
    )
    assert cleared.redirect_chain[-1][0] == PAGE
    assert mark_on(alice, light_day) is None


@pytest.mark.parametrize(
    ("band", "words"), [(0.8, "8 times in 10"), (0.5, "5 times in 10"), (0.95, "95 times in 100"),
                        (0.875, "87.5% of the time")],
)  # fmt: skip
def test_a_band_is_said_as_people_say_it(band, words):
    assert band_words(band) == words


def test_numbers_light_leaves_the_calories_out(alice, light_day):
    set_numbers_light(alice, True)
    page = signed_in(alice).get(PAGE)
    text = text_of(page)
    assert "numbers-light mode leaves out" in text
    assert re.search(r"Trend weight 154\.\d lb", text)
    assert "looks incomplete." in text
    assert "kcal" not in text
    assert 'id="expenditure-data"' not in page.content.decode()
