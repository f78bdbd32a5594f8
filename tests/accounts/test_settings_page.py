"""The settings page: display units, personal API tokens, and the way to the password change."""

import hashlib
import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from openplate.accounts.goals import GoalInput, set_goal
from openplate.accounts.models import ApiToken, Profile
from openplate.accounts.tokens import create_token, user_for_token
from tests.accounts.test_signup import unlabelled_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client: Client, django_user_model: type[User]) -> User:
    user = django_user_model.objects.create_user("alice")
    client.force_login(user)
    return user


@pytest.fixture
def bob(django_user_model: type[User]) -> User:
    return django_user_model.objects.create_user("bob")


def give_profile(user: User) -> None:
    set_goal(
        user,
        GoalInput(
            sex="female",
            birth_date=date(1990, 1, 1),
            height_cm=163,
            weight_kg=70,
            activity="light",
            rate_kg_per_week=0,
        ),
        on=timezone.localdate(),
    )


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/settings/"),
        ("post", "/settings/"),
        ("post", "/settings/tokens/"),
        ("post", "/settings/tokens/1/revoke/"),
    ],
)
def test_it_needs_sign_in(client: Client, method: str, path: str) -> None:
    response = getattr(client, method)(path, {"units": "metric", "name": "script"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not ApiToken.objects.exists()


def test_it_shows_units_tokens_and_the_links(client: Client, alice: User) -> None:
    response = client.get("/settings/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Settings · OpenPlate</title>" in html
    assert unlabelled_fields(html) == []
    assert 'href="/api/docs"' in html
    assert 'href="/accounts/password_change/"' in html
    assert "You have no API tokens." in html
    assert re.search(r'name="units" value="imperial"[^>]*checked', html)


def test_it_saves_the_units_in_the_profile(client: Client, alice: User) -> None:
    give_profile(alice)
    response = client.post("/settings/", {"units": "metric"})
    assert response.status_code == 302
    assert response["Location"] == "/settings/"
    assert Profile.objects.get(user=alice).units == "metric"
    html = client.get("/settings/").content.decode()
    assert "Units saved: Metric (kg, cm)." in html
    assert re.search(r'name="units" value="metric"[^>]*checked', html)


def test_without_a_profile_it_remembers_the_units_for_the_goal_form(
    client: Client, alice: User
) -> None:
    client.post("/settings/", {"units": "metric"})
    assert not Profile.objects.exists()
    html = client.get("/settings/").content.decode()
    assert re.search(r'name="units" value="metric"[^>]*checked', html)


def test_it_refuses_unknown_units_in_place(client: Client, alice: User) -> None:
    response = client.post("/settings/", {"units": "cubits"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_units_error"' in html
    assert 'aria-describedby="id_units_error"' in html


def test_it_creates_a_token_and_shows_its_secret_once(client: Client, alice: User) -> None:
    response = client.post("/settings/tokens/", {"name": "my script"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    secret = re.search(r'id="new-token-secret" value="(op_[^"]+)"', html)
    assert secret is not None
    assert "won't be shown again" in html
    assert user_for_token(secret.group(1)) == alice
    token = ApiToken.objects.get(user=alice)
    assert token.name == "my script"
    assert token.digest == hashlib.sha256(secret.group(1).encode()).hexdigest()

    later = client.get("/settings/").content.decode()
    assert secret.group(1) not in later
    assert "won't be shown again" not in later
    assert f"<code>{token.prefix}…</code>" in later
    assert "my script" in later


def test_it_lists_the_persons_tokens_with_their_use(client: Client, alice: User, bob: User) -> None:
    _, used = create_token(alice, "phone app")
    create_token(alice, "backup script")
    create_token(bob, "bob's script")
    user_for_token(used)
    html = client.get("/settings/").content.decode()
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>.*?</tr>", html, re.S)
    assert rows == ["backup script", "phone app"]  # newest first
    assert "Never" in html  # the backup script was not used yet
    assert "bob&#x27;s script" not in html


def test_a_token_needs_a_name(client: Client, alice: User) -> None:
    response = client.post("/settings/tokens/", {"name": "   "})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert not ApiToken.objects.exists()


def test_it_shows_the_token_limit_in_place(client: Client, alice: User) -> None:
    for number in range(50):
        create_token(alice, f"script {number}")
    response = client.post("/settings/tokens/", {"name": "one too many"})
    assert response.status_code == 422
    assert "revoke one first" in response.content.decode()
    assert ApiToken.objects.filter(user=alice).count() == 50


def test_it_revokes_a_token(client: Client, alice: User) -> None:
    token, secret = create_token(alice, "my script")
    response = client.post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == "/settings/"
    assert user_for_token(secret) is None
    assert "Token “my script” revoked." in client.get("/settings/").content.decode()


def test_it_does_not_revoke_someone_elses_token(client: Client, alice: User, bob: User) -> None:
    token, secret = create_token(bob, "bob's script")
    response = client.post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert user_for_token(secret) == bob


def test_revoking_an_unknown_token_is_not_found(client: Client, alice: User) -> None:
    assert client.post("/settings/tokens/999999/revoke/").status_code == 404


def test_tokens_change_only_by_post(client: Client, alice: User) -> None:
    token, _ = create_token(alice, "my script")
    assert client.get("/settings/tokens/").status_code == 405
    assert client.get(f"/settings/tokens/{token.pk}/revoke/").status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_every_form_needs_the_csrf_token(django_user_model: type[User]) -> None:
    alice = django_user_model.objects.create_user("alice")
    give_profile(alice)
    token, _ = create_token(alice, "my script")
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post("/settings/", {"units": "metric"}).status_code == 403
    assert client.post("/settings/tokens/", {"name": "sneaky"}).status_code == 403
    assert client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 403
    assert client.post("/settings/water/", {"amount": 12, "unit": "cups"}).status_code == 403
    assert list(ApiToken.objects.all()) == [token]
    page = client.get("/settings/").content.decode()
    forms = re.findall(r'<form method="post".*?</form>', page, re.S)
    assert len(forms) == 6  # sign out, units, water goal, new token, revoke, delete account
    assert all('name="csrfmiddlewaretoken"' in form for form in forms)


def test_it_sets_the_water_goal_in_cups(client: Client, alice: User) -> None:
    give_profile(alice)
    page = client.get("/settings/").content.decode()
    assert 'name="amount" value="8.0"' in page
    response = client.post("/settings/water/", {"amount": "10", "unit": "cups"}, follow=True)
    assert "Water goal saved: 10 cups (2,366 ml) a day." in response.content.decode()
    assert Profile.objects.get(user=alice).water_goal_ml == pytest.approx(2365.882365)


def test_it_shows_a_water_goal_out_of_range_in_place_and_keeps_the_old(
    client: Client, alice: User
) -> None:
    give_profile(alice)
    response = client.post("/settings/water/", {"amount": "50000", "unit": "ml"})
    assert response.status_code == 422
    assert "Enter a goal from 500 to 10,000 ml" in response.content.decode()
    assert Profile.objects.get(user=alice).water_goal_ml == pytest.approx(8 * 236.5882365, abs=0.01)


def test_it_asks_for_the_goal_before_the_water_goal(client: Client, alice: User) -> None:
    page = client.get("/settings/").content.decode()
    assert "Set your goal</a> to change it." in page
    assert client.post("/settings/water/", {"amount": "9", "unit": "cups"}).status_code == 422
