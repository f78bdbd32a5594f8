"""The people the tests share, and their ways into OpenPlate.

Each person signs up as `new_person` does: username, <username>@example.com, and the password
"<username>-password".

- alice: set her goal 60 days ago (`alice_goal()`: 5 ft 6 in, 180 lb, losing 1 lb a week).
- new_alice: alice on the day she signed up: no goal, no profile, nothing logged. She and alice
  are the same account, so a test asks for one of them, never both.
- bob: signed up and set nothing.

Their ways in: `alice_browser` and `new_alice_browser`, Django's test client signed in as that
person; `alice_api`, `new_alice_api` and `bob_api`, the API with the person's own token.

A module whose alice is special to it (weighed on a given day, with data of every kind) defines
a fixture `alice` of its own, usually from `new_alice`; `alice_browser` and `alice_api` then sign
that alice in.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from openplate.accounts.goals import GoalInput, set_goal
from openplate.science import units
from tests.api_client import ApiClient

START_LB = 180.0
ALICE_PASSWORD = "alice-password"
BOB_PASSWORD = "bob-password"


def new_person(username: str) -> User:
    return User.objects.create_user(
        username, email=f"{username}@example.com", password=f"{username}-password"
    )


def alice_goal(**changes: object) -> GoalInput:
    values: dict[str, object] = {
        "sex": "female",
        "birth_date": date(1985, 6, 1),
        "height_cm": units.cm_from_feet_inches(5, 6),
        "weight_kg": units.kg_from_lb(START_LB),
        "activity": "light",
        "rate_kg_per_week": -units.kg_from_lb(1),
        "target_weight_kg": units.kg_from_lb(160),
        **changes,
    }
    return GoalInput(**values)  # type: ignore[arg-type]


def signed_in(person: User) -> Client:
    browser = Client()
    browser.force_login(person)
    return browser


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def new_alice(db: None) -> User:
    return new_person("alice")


@pytest.fixture
def alice(new_alice: User, today: date) -> User:
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    return new_alice


@pytest.fixture
def bob(db: None) -> User:
    return new_person("bob")


@pytest.fixture
def alice_browser(alice: User) -> Client:
    return signed_in(alice)


@pytest.fixture
def new_alice_browser(new_alice: User) -> Client:
    return signed_in(new_alice)


@pytest.fixture
def alice_api(alice: User) -> ApiClient:
    return ApiClient(alice)


@pytest.fixture
def new_alice_api(new_alice: User) -> ApiClient:
    return ApiClient(new_alice)


@pytest.fixture
def bob_api(bob: User) -> ApiClient:
    return ApiClient(bob)
