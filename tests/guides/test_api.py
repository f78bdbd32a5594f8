"""The guides' endpoints: the list, one guide, and the guides offered to the caller on a day."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from openplate.accounts.models import Account
from openplate.exercise.services import log_strength
from openplate.guides.articles import all_guides, guide

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)


def test_it_lists_every_guide(new_alice_api):
    response = new_alice_api.get("/guides")
    assert response.status_code == 200
    listed = response.json()
    assert [item["slug"] for item in listed] == [found.slug for found in all_guides()]
    assert set(listed[0]) == {"slug", "title", "author", "topic", "summary"}


def test_it_answers_one_guide_with_its_html_and_steps(new_alice_api):
    response = new_alice_api.get("/guides/sore-legs")
    assert response.status_code == 200
    body = response.json()
    sore_legs = guide("sore-legs")
    assert sore_legs is not None
    assert body["title"] == sore_legs.title
    assert body["author"] == "OpenPlate team"
    assert body["html"] == sore_legs.body_html
    assert [step["number"] for step in body["steps"]] == list(range(1, len(sore_legs.steps) + 1))
    assert body["steps"][0]["text"].startswith("Massage")
    assert body["image"]["url"].startswith("/static/openplate/guides/")
    assert body["image"]["alt"] == sore_legs.image_alt


def test_it_answers_a_guide_without_an_image_with_null(new_alice_api):
    plain = next(found for found in all_guides() if not found.image)
    assert new_alice_api.get(f"/guides/{plain.slug}").json()["image"] is None


def test_it_answers_404_for_an_unknown_guide(new_alice_api):
    assert new_alice_api.get("/guides/no-such-guide").status_code == 404


def test_it_offers_the_callers_guides_for_a_day(new_alice_api, bob_api):
    log_strength(new_alice_api.user, day=DAY, name="Squats", sets=3, reps=10)
    offered = new_alice_api.get("/guides/offered", date=DAY.isoformat()).json()
    assert [item["slug"] for item in offered] == ["sore-legs"]
    assert (
        new_alice_api.get("/guides/offered", date=(DAY + timedelta(days=2)).isoformat()).json()
        == []
    )
    assert bob_api.get("/guides/offered", date=DAY.isoformat()).json() == []


def test_it_offers_for_today_when_no_date_is_given(new_alice_api):
    assert new_alice_api.get("/guides/offered").json() == []


def test_it_refuses_a_bad_date(new_alice_api):
    response = new_alice_api.get("/guides/offered", date="yesterday")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "date"]


def test_it_needs_credentials():
    assert Client().get("/api/guides").status_code == 401


def test_it_offers_for_the_callers_own_today(new_alice_api):
    """At 09:00 on March 11 in Auckland it is still March 10 in UTC: squats done on Auckland's
    March 11 are today's, so the sore-legs guide is offered."""
    Account.objects.create(user=new_alice_api.user, time_zone="Pacific/Auckland")
    log_strength(new_alice_api.user, day=date(2026, 3, 11), name="Squats", sets=3, reps=10)
    with time_machine.travel(datetime(2026, 3, 10, 20, 0, tzinfo=UTC), tick=False):
        offered = new_alice_api.get("/guides/offered").json()
    assert [item["slug"] for item in offered] == ["sore-legs"]
