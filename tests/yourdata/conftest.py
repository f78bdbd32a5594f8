"""The people of the "your data" tests have used everything there is to export or delete."""

import pytest
from django.contrib.auth.models import User

from tests.yourdata.test_export import fill


@pytest.fixture
def alice(new_alice: User) -> User:
    """Alice, who has used everything (`fill`)."""
    fill(new_alice, "Alice")
    return new_alice


@pytest.fixture
def bob(bob: User) -> User:
    """Bob, who has used everything too."""
    fill(bob, "Bob")
    return bob
