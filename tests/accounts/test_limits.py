"""Limits on guessing: each refuses at its limit and not before, answers 429 with Retry-After,
ends when it said it would; a locked account can still reset its password, which unlocks it.

The limits here are small ones set for the tests (`small_limits`); the last tests check the real
settings: the limits are on, and each can be set from the environment.
"""

from __future__ import annotations

import io
import re
import runpy
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from openplate import settings as real_settings
from openplate.accounts import limits
from openplate.accounts.models import AttemptCount
from openplate.accounts.tokens import create_token
from tests.accounts.test_signup import sign_up
from tests.people import ALICE_PASSWORD

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LOCKOUT = timedelta(minutes=15)
WINDOW = timedelta(minutes=60)
ACCOUNT_LIMIT = 3
ADDRESS_LIMIT = 6
SIGNUP_LIMIT = 2
RESETS_PER_ADDRESS = 4
RESETS_PER_EMAIL = 2
TOKEN_LIMIT = 3
ELSEWHERE = "198.51.100.7"  # another client's address (RFC 5737's documentation range)
NEW_PASSWORD = "bowl-Cucumber-77"


@pytest.fixture(autouse=True)
def small_limits(settings: pytest.FixtureRequest) -> None:
    settings.AXES_FAILURE_LIMIT = ACCOUNT_LIMIT  # type: ignore[attr-defined]
    settings.AXES_COOLOFF_TIME = LOCKOUT  # type: ignore[attr-defined]
    lockout_minutes = int(LOCKOUT.total_seconds() // 60)
    window_minutes = int(WINDOW.total_seconds() // 60)
    settings.GUESSING_LIMITS = {  # type: ignore[attr-defined]
        limits.SIGN_IN_PER_ADDRESS: (ADDRESS_LIMIT, lockout_minutes),
        limits.WRONG_TOKEN_PER_ADDRESS: (TOKEN_LIMIT, lockout_minutes),
        limits.SIGN_UP_PER_ADDRESS: (SIGNUP_LIMIT, window_minutes),
        limits.RESET_PER_ADDRESS: (RESETS_PER_ADDRESS, window_minutes),
        limits.RESET_PER_EMAIL: (RESETS_PER_EMAIL, window_minutes),
    }


@pytest.fixture
def frozen() -> time_machine.Coordinates:
    with time_machine.travel(MOMENT, tick=False) as traveller:
        yield traveller


def sign_in(client: Client, password: str, username: str = "alice", path: str = "/accounts/login/"):
    return client.post(path, {"username": username, "password": password})


def wrong_sign_in(client: Client, username: str = "alice", path: str = "/accounts/login/"):
    return sign_in(client, "not-the-password", username, path)


def refused_for(response, seconds: int) -> bool:
    return response.status_code == 429 and response["Retry-After"] == str(seconds)


# --- An account's wrong passwords (django-axes) ------------------------------------------------


@pytest.mark.usefixtures("new_alice", "frozen")
def test_an_account_locks_at_its_limit_of_wrong_passwords_and_not_before(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT - 1):
        assert wrong_sign_in(client).status_code == 200  # the form again, with its error
    locked = wrong_sign_in(client)
    assert refused_for(locked, int(LOCKOUT.total_seconds()))
    html = locked.content.decode()
    assert "This account is locked for a while" in html
    assert "Try again in 15 minutes." in html
    assert 'href="/accounts/password_reset/"' in html
    assert 'style="' not in html
    assert "<script>" not in html
    # Locked: the right password is refused too.
    assert refused_for(sign_in(client, ALICE_PASSWORD), int(LOCKOUT.total_seconds()))


@pytest.mark.usefixtures("new_alice")
def test_the_lockout_ends_after_its_time(client: Client) -> None:
    with time_machine.travel(MOMENT, tick=False):
        for _ in range(ACCOUNT_LIMIT):
            wrong_sign_in(client)
    with time_machine.travel(MOMENT + LOCKOUT - timedelta(seconds=1), tick=False):
        assert refused_for(sign_in(client, ALICE_PASSWORD), 1)
        assert refused_for(wrong_sign_in(client), 1)  # tries while locked do not lengthen it
    with time_machine.travel(MOMENT + LOCKOUT + timedelta(seconds=1), tick=False):
        assert sign_in(client, ALICE_PASSWORD).status_code == 302


@pytest.mark.usefixtures("new_alice", "bob")
def test_one_account_locked_leaves_the_others_alone(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT):
        wrong_sign_in(client)
    assert sign_in(client, "bob-password", username="bob").status_code == 302


@pytest.mark.usefixtures("new_alice")
def test_signing_in_rightly_starts_the_count_again(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT - 1):
        wrong_sign_in(client)
    assert sign_in(client, ALICE_PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(ACCOUNT_LIMIT - 1):
        assert wrong_sign_in(client).status_code == 200


@pytest.mark.usefixtures("new_alice")
def test_an_admin_unlocks_an_account_with_a_command(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT):
        wrong_sign_in(client)
    call_command("axes_reset_username", "alice", stdout=io.StringIO())
    assert sign_in(client, ALICE_PASSWORD).status_code == 302


@pytest.mark.usefixtures("frozen")
def test_the_admin_sign_in_locks_the_account_too(client: Client) -> None:
    User.objects.create_superuser("root", "root@example.com", "root-password")
    for _ in range(ACCOUNT_LIMIT - 1):
        assert wrong_sign_in(client, "root", path="/admin/login/").status_code == 200
    assert refused_for(wrong_sign_in(client, "root", "/admin/login/"), int(LOCKOUT.total_seconds()))
    assert refused_for(sign_in(client, "root-password", "root"), int(LOCKOUT.total_seconds()))


@pytest.mark.usefixtures("new_alice")
def test_the_site_and_the_admin_count_an_accounts_failures_together(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT - 1):
        wrong_sign_in(client, path="/admin/login/")
    assert wrong_sign_in(client).status_code == 429


# --- A locked person resets their password -----------------------------------------------------


def reset_link(client: Client, email: str) -> str:
    response = client.post("/accounts/password_reset/", {"email": email})
    assert response.status_code == 302
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[-1].body)
    assert link is not None
    return link.group(1)


@pytest.mark.usefixtures("new_alice")
def test_a_locked_person_can_still_reset_and_the_reset_unlocks_the_account(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT):
        wrong_sign_in(client)
    assert sign_in(client, ALICE_PASSWORD).status_code == 429

    confirm = client.get(reset_link(client, "alice@example.com"), follow=True)
    set_password_at = confirm.redirect_chain[-1][0]
    done = client.post(
        set_password_at, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == "/accounts/reset/done/"

    assert sign_in(client, NEW_PASSWORD).status_code == 302


@pytest.mark.usefixtures("new_alice")
def test_a_reset_not_completed_leaves_the_lockout(client: Client) -> None:
    for _ in range(ACCOUNT_LIMIT):
        wrong_sign_in(client)
    confirm = client.get(reset_link(client, "alice@example.com"), follow=True)
    mismatched = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    assert client.post(confirm.redirect_chain[-1][0], mismatched).status_code == 200
    assert sign_in(client, ALICE_PASSWORD).status_code == 429


# --- Sign-in failures from one address ---------------------------------------------------------


@pytest.mark.usefixtures("frozen")
def test_one_address_may_fail_to_sign_in_so_often_whatever_the_accounts(client: Client) -> None:
    for n in range(ADDRESS_LIMIT):
        assert wrong_sign_in(client, f"someone-{n}").status_code == 200
    refused = wrong_sign_in(client, "someone-else")
    assert refused_for(refused, int(LOCKOUT.total_seconds()))
    assert "Too many sign-in attempts" in refused.content.decode()
    assert refused_for(wrong_sign_in(client, "someone-else", "/admin/login/"), 900)
    assert wrong_sign_in(Client(REMOTE_ADDR=ELSEWHERE), "someone-else").status_code == 200


@pytest.mark.usefixtures("new_alice")
def test_signing_in_rightly_uses_none_of_the_address_limit(client: Client) -> None:
    for _ in range(ADDRESS_LIMIT + 1):
        assert sign_in(client, ALICE_PASSWORD).status_code == 302
        client.post("/accounts/logout/")
    for n in range(ADDRESS_LIMIT):
        assert wrong_sign_in(client, f"someone-{n}").status_code == 200


def test_the_address_limit_ends_after_its_time(client: Client) -> None:
    with time_machine.travel(MOMENT, tick=False):
        for n in range(ADDRESS_LIMIT + 1):
            wrong_sign_in(client, f"someone-{n}")
    with time_machine.travel(MOMENT + LOCKOUT, tick=False):
        assert wrong_sign_in(client, "someone-new").status_code == 200


# --- Sign-ups from one address -----------------------------------------------------------------


@pytest.mark.usefixtures("frozen")
def test_one_address_may_sign_up_so_often(client: Client) -> None:
    for n in range(SIGNUP_LIMIT):
        assert (
            sign_up(client, username=f"person{n}", email=f"person{n}@example.com").status_code
            == 302
        )
        client.post("/accounts/logout/")
    refused = sign_up(client, username="one-too-many", email="more@example.com")
    assert refused_for(refused, int(WINDOW.total_seconds()))
    assert "Too many sign-ups" in refused.content.decode()
    assert not User.objects.filter(username="one-too-many").exists()
    assert sign_up(Client(REMOTE_ADDR=ELSEWHERE), username="one-too-many").status_code == 302


def test_the_address_behind_a_trusted_proxy_is_the_one_counted(settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    first = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.10")
    second = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.20")
    for n in range(SIGNUP_LIMIT):
        sign_up(first, username=f"person{n}", email=f"person{n}@example.com")
        first.post("/accounts/logout/")
    assert sign_up(first, username="third", email="third@example.com").status_code == 429
    # A client cannot pass for another by writing the header itself: the proxy appends.
    spoofed = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.99, 203.0.113.10")
    assert sign_up(spoofed, username="third", email="third@example.com").status_code == 429
    assert sign_up(second, username="third", email="third@example.com").status_code == 302


# --- Password resets ---------------------------------------------------------------------------


def ask_for_reset(client: Client, email: str):
    return client.post("/accounts/password_reset/", {"email": email})


@pytest.mark.usefixtures("new_alice", "frozen")
def test_reset_links_to_one_email_address_are_limited(client: Client) -> None:
    for _ in range(RESETS_PER_EMAIL):
        assert ask_for_reset(client, "alice@example.com").status_code == 302
    assert len(mail.outbox) == RESETS_PER_EMAIL
    refused = ask_for_reset(Client(REMOTE_ADDR=ELSEWHERE), " Alice@Example.COM ")
    assert refused_for(refused, int(WINDOW.total_seconds()))
    assert "Too many password resets for this address" in refused.content.decode()
    assert len(mail.outbox) == RESETS_PER_EMAIL


@pytest.mark.usefixtures("frozen")
def test_one_address_may_ask_for_so_many_resets(client: Client) -> None:
    for n in range(RESETS_PER_ADDRESS):
        assert ask_for_reset(client, f"person{n}@example.com").status_code == 302
    refused = ask_for_reset(client, "another@example.com")
    assert refused_for(refused, int(WINDOW.total_seconds()))
    assert "Too many password resets" in refused.content.decode()
    assert ask_for_reset(Client(REMOTE_ADDR=ELSEWHERE), "another@example.com").status_code == 302


@pytest.mark.usefixtures("new_alice")
def test_the_reset_limits_end_after_their_time(client: Client) -> None:
    with time_machine.travel(MOMENT, tick=False):
        for _ in range(RESETS_PER_EMAIL + 1):
            ask_for_reset(client, "alice@example.com")
    with time_machine.travel(MOMENT + WINDOW, tick=False):
        assert ask_for_reset(client, "alice@example.com").status_code == 302
    assert len(mail.outbox) == RESETS_PER_EMAIL + 1


# --- Wrong API tokens from one address ---------------------------------------------------------


def test_wrong_tokens_from_one_address_are_refused_at_the_limit(new_alice: User) -> None:
    _, secret = create_token(new_alice, "script")
    guesser = Client(HTTP_AUTHORIZATION="Bearer op_not-the-token")
    with time_machine.travel(MOMENT, tick=False):
        for _ in range(TOKEN_LIMIT):
            assert guesser.get("/api/profile").status_code == 401
        refused = guesser.get("/api/profile")
        assert refused_for(refused, int(LOCKOUT.total_seconds()))
        assert refused.json() == {
            "detail": [
                {
                    "type": "rate_limited",
                    "loc": [],
                    "msg": "Too many attempts from this address; try again in 900 seconds.",
                }
            ]
        }
        # The right token too, from there: a guesser cannot tell a right guess by its answer.
        right_from_there = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert right_from_there.get("/api/profile").status_code == 429
        right_elsewhere = Client(HTTP_AUTHORIZATION=f"Bearer {secret}", REMOTE_ADDR=ELSEWHERE)
        assert right_elsewhere.get("/api/profile").status_code == 200
    with time_machine.travel(MOMENT + LOCKOUT, tick=False):
        assert right_from_there.get("/api/profile").status_code == 200
        assert guesser.get("/api/profile").status_code == 401


def test_a_session_still_lets_its_person_in_beside_a_refused_token(new_alice: User) -> None:
    page = Client(HTTP_AUTHORIZATION="Bearer op_not-the-token")
    page.force_login(new_alice)
    for _ in range(TOKEN_LIMIT + 2):
        assert page.get("/api/profile").json()["username"] == "alice"


def test_a_right_token_costs_no_count(new_alice: User) -> None:
    _, secret = create_token(new_alice, "script")
    script = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    for _ in range(TOKEN_LIMIT + 1):
        assert script.get("/api/profile").status_code == 200
    assert not AttemptCount.objects.exists()


# --- The counter itself ------------------------------------------------------------------------


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    attempts=st.integers(min_value=1, max_value=4),
    gaps_s=st.lists(st.integers(min_value=0, max_value=2 * 60 * 60), min_size=1, max_size=25),
)
def test_a_limit_lets_through_its_attempts_in_a_window_from_the_first(
    attempts: int, gaps_s: list[int]
) -> None:
    """Against the rule as the docs state it: a window opens at an attempt when none is open and
    lasts `window`; within it the first `attempts` attempts pass, the rest are refused until it
    closes."""
    limit = limits.Limit(limits.SIGN_UP_PER_ADDRESS, attempts, WINDOW)
    AttemptCount.objects.all().delete()  # each example starts afresh
    opened, in_window, moment = None, 0, MOMENT
    for gap in gaps_s:
        moment += timedelta(seconds=gap)
        with time_machine.travel(moment, tick=False):
            refusal = limits.hit(limit, "192.0.2.1")
        if opened is None or moment >= opened + WINDOW:
            opened, in_window = moment, 0
        in_window += 1
        assert (refusal is not None) == (in_window > attempts)
        if refusal is not None:
            assert refusal.until == opened + WINDOW


def test_the_counts_keep_no_address() -> None:
    limits.hit(limits.limit(limits.SIGN_UP_PER_ADDRESS), "203.0.113.10")
    limits.hit(limits.limit(limits.RESET_PER_EMAIL), "alice@example.com")
    stored = " ".join(f"{row.limit} {row.digest}" for row in AttemptCount.objects.all())
    assert "203.0.113" not in stored
    assert "alice" not in stored


# --- The real settings -------------------------------------------------------------------------


def test_the_limits_are_on_in_the_real_settings_and_in_the_tests() -> None:
    for configured in (real_settings, django_settings):
        assert getattr(configured, "AXES_ENABLED", True) is True
        assert configured.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
        assert "openplate.accounts.middleware.GuessingLimitsMiddleware" in configured.MIDDLEWARE
        assert configured.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
        assert configured.AXES_LOCKOUT_PARAMETERS == ["username"]
    assert set(real_settings.GUESSING_LIMITS) == set(limits_by_setting().values())


def limits_by_setting() -> dict[str, str]:
    return {
        "OPENPLATE_SIGNIN_ATTEMPTS_PER_ADDRESS": limits.SIGN_IN_PER_ADDRESS,
        "OPENPLATE_WRONG_TOKENS_PER_ADDRESS": limits.WRONG_TOKEN_PER_ADDRESS,
        "OPENPLATE_SIGNUPS_PER_ADDRESS": limits.SIGN_UP_PER_ADDRESS,
        "OPENPLATE_RESETS_PER_ADDRESS": limits.RESET_PER_ADDRESS,
        "OPENPLATE_RESETS_PER_EMAIL": limits.RESET_PER_EMAIL,
    }


def test_every_limit_is_set_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_SIGNIN_ATTEMPTS", "7")
    monkeypatch.setenv("OPENPLATE_LOCKOUT_MINUTES", "30")
    monkeypatch.setenv("OPENPLATE_RATE_LIMIT_MINUTES", "120")
    for number, name in enumerate(limits_by_setting(), start=11):
        monkeypatch.setenv(name, str(number))
    read = runpy.run_path(real_settings.__file__)
    assert read["AXES_FAILURE_LIMIT"] == 7
    assert read["AXES_COOLOFF_TIME"] == timedelta(minutes=30)
    for number, (name, limit_name) in enumerate(limits_by_setting().items(), start=11):
        attempts, minutes = read["GUESSING_LIMITS"][limit_name]
        assert attempts == number, name
        assert minutes in (30, 120)


@pytest.mark.parametrize("value", ["many", "0", "-3"])
def test_a_limit_set_wrong_stops_the_server_naming_it(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("OPENPLATE_SIGNUPS_PER_ADDRESS", value)
    with pytest.raises(ImproperlyConfigured, match="OPENPLATE_SIGNUPS_PER_ADDRESS"):
        runpy.run_path(real_settings.__file__)


def test_the_docs_name_every_setting_of_the_limits() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "accounts.md").read_text(encoding="utf-8")
    names = [*limits_by_setting(), "OPENPLATE_SIGNIN_ATTEMPTS", "OPENPLATE_LOCKOUT_MINUTES"]
    names.append("OPENPLATE_RATE_LIMIT_MINUTES")
    assert [name for name in names if name not in docs] == []


def test_an_admin_sees_the_counts_and_may_delete_one(client: Client) -> None:
    limits.hit(limits.limit(limits.SIGN_UP_PER_ADDRESS), "203.0.113.10")
    root = User.objects.create_superuser("root", "root@example.com", "root-password")
    client.force_login(root)
    page = client.get("/admin/accounts/attemptcount/")
    assert page.status_code == 200
    assert limits.SIGN_UP_PER_ADDRESS in page.content.decode()
    row = AttemptCount.objects.get()
    client.post(f"/admin/accounts/attemptcount/{row.pk}/delete/", {"post": "yes"})
    assert not AttemptCount.objects.exists()
