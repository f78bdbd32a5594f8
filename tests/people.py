"""The people the tests share: alice with a goal set 60 days ago, bob with nothing."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from openplate.accounts.goals import GoalInput, set_goal
from openplate.science import units

START_LB = 180.0


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


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def alice(today: date) -> User:
    user = User.objects.create_user("alice", password="a long pass phrase")
    set_goal(user, alice_goal(), on=today - timedelta(days=60))
    return user


@pytest.fixture
def bob() -> User:
    return User.objects.create_user("bob", password="another pass phrase")
