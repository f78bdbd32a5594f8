"""The settings page: display units, personal API tokens, and the way to the password change."""

import hashlib
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.models import ApiToken, Profile
from openplate.accounts.tokens import create_token, user_for_token
from tests.accounts.test_signup import unlabelled_fields

pytestmark = pytest.mark.django_db


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


def test_it_shows_units_tokens_and_the_links(new_alice_browser: Client) -> None:
    response = new_alice_browser.get("/settings/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Settings · OpenPlate</title>" in html
    assert unlabelled_fields(html) == []
    assert 'href="/api/docs"' in html
    assert 'href="/accounts/password_change/"' in html
    assert "You have no API tokens." in html
    assert re.search(r'name="units" value="imperial"[^>]*checked', html)


def test_it_saves_the_units_in_the_profile(alice_browser: Client, alice: User) -> None:
    response = alice_browser.post("/settings/", {"units": "metric"})
    assert response.status_code == 302
    assert response["Location"] == "/settings/"
    assert Profile.objects.get(user=alice).units == "metric"
    html = alice_browser.get("/settings/").content.decode()
    assert "Units saved: Metric (kg, cm)." in html
    assert re.search(r'name="units" value="metric"[^>]*checked', html)


def test_without_a_profile_it_remembers_the_units_for_the_goal_form(
    new_alice_browser: Client,
) -> None:
    new_alice_browser.post("/settings/", {"units": "metric"})
    assert not Profile.objects.exists()
    html = new_alice_browser.get("/settings/").content.decode()
    assert re.search(r'name="units" value="metric"[^>]*checked', html)


def test_it_refuses_unknown_units_in_place(new_alice_browser: Client) -> None:
    response = new_alice_browser.post("/settings/", {"units": "cubits"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_units_error"' in html
    assert 'aria-describedby="id_units_error"' in html


def test_it_creates_a_token_and_shows_its_secret_once(
    new_alice_browser: Client, new_alice: User
) -> None:
    response = new_alice_browser.post("/settings/tokens/", {"name": "my script"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    secret = re.search(r'id="new-token-secret" value="(op_[^"]+)"', html)
    assert secret is not None
    assert "won't be shown again" in html
    assert user_for_token(secret.group(1)) == new_alice
    token = ApiToken.objects.get(user=new_alice)
    assert token.name == "my script"
    assert token.digest == hashlib.sha256(secret.group(1).encode()).hexdigest()

    later = new_alice_browser.get("/settings/").content.decode()
    assert secret.group(1) not in later
    assert "won't be shown again" not in later
    assert f"<code>{token.prefix}…</code>" in later
    assert "my script" in later


def test_it_lists_the_persons_tokens_with_their_use(
    new_alice_browser: Client, new_alice: User, bob: User
) -> None:
    _, used = create_token(new_alice, "phone app")
    create_token(new_alice, "backup script")
    create_token(bob, "bob's script")
    user_for_token(used)
    html = new_alice_browser.get("/settings/").content.decode()
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>.*?</tr>", html, re.S)
    assert rows == ["backup script", "phone app"]  # newest first
    assert "Never" in html  # the backup script was not used yet
    assert "bob&#x27;s script" not in html


def test_a_token_needs_a_name(new_alice_browser: Client) -> None:
    response = new_alice_browser.post("/settings/tokens/", {"name": "   "})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert not ApiToken.objects.exists()


def test_it_shows_the_token_limit_in_place(new_alice_browser: Client, new_alice: User) -> None:
    for number in range(50):
        create_token(new_alice, f"script {number}")
    response = new_alice_browser.post("/settings/tokens/", {"name": "one too many"})
    assert response.status_code == 422
    assert "revoke one first" in response.content.decode()
    assert ApiToken.objects.filter(user=new_alice).count() == 50


def test_it_revokes_a_token(new_alice_browser: Client, new_alice: User) -> None:
    token, secret = create_token(new_alice, "my script")
    response = new_alice_browser.post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == "/settings/"
    assert user_for_token(secret) is None
    assert "Token “my script” revoked." in new_alice_browser.get("/settings/").content.decode()


def test_it_does_not_revoke_someone_elses_token(new_alice_browser: Client, bob: User) -> None:
    token, secret = create_token(bob, "bob's script")
    response = new_alice_browser.post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert user_for_token(secret) == bob


def test_revoking_an_unknown_token_is_not_found(new_alice_browser: Client) -> None:
    assert new_alice_browser.post("/settings/tokens/999999/revoke/").status_code == 404


def test_tokens_change_only_by_post(new_alice_browser: Client, new_alice: User) -> None:
    token, _ = create_token(new_alice, "my script")
    assert new_alice_browser.get("/settings/tokens/").status_code == 405
    assert new_alice_browser.get(f"/settings/tokens/{token.pk}/revoke/").status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_every_form_needs_the_csrf_token(alice: User) -> None:
    token, _ = create_token(alice, "my script")
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post("/settings/", {"units": "metric"}).status_code == 403
    assert client.post("/settings/tokens/", {"name": "sneaky"}).status_code == 403
    assert client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 403
    assert client.post("/settings/water/", {"amount": 12, "unit": "cups"}).status_code == 403
    assert client.post("/settings/time-zone/", {"time_zone": "Asia/Tokyo"}).status_code == 403
    assert client.post("/settings/exercise/", {"exercise_share": "0"}).status_code == 403
    assert client.post("/settings/numbers-light/", {"numbers_light": "on"}).status_code == 403
    assert list(ApiToken.objects.all()) == [token]
    page = client.get("/settings/").content.decode()
    forms = re.findall(r'<form method="post".*?</form>', page, re.S)
    # sign out, units, time zone, water goal, exercise share, numbers-light, new token, revoke,
    # delete account
    assert len(forms) == 9
    assert all('name="csrfmiddlewaretoken"' in form for form in forms)


def test_it_sets_the_water_goal_in_cups(alice_browser: Client, alice: User) -> None:
    page = alice_browser.get("/settings/").content.decode()
    assert 'name="amount" value="8.0"' in page
    response = alice_browser.post("/settings/water/", {"amount": "10", "unit": "cups"}, follow=True)
    assert "Water goal saved: 10 cups (2,366 ml) a day." in response.content.decode()
    assert Profile.objects.get(user=alice).water_goal_ml == pytest.approx(2365.882365)


def test_it_shows_a_water_goal_out_of_range_in_place_and_keeps_the_old(
    alice_browser: Client, alice: User
) -> None:
    response = alice_browser.post("/settings/water/", {"amount": "50000", "unit": "ml"})
    assert response.status_code == 422
    assert "Enter a goal from 500 to 10,000 ml" in response.content.decode()
    assert Profile.objects.get(user=alice).water_goal_ml == pytest.approx(8 * 236.5882365, abs=0.01)


def test_it_asks_for_the_goal_before_the_water_goal(new_alice_browser: Client) -> None:
    page = new_alice_browser.get("/settings/").content.decode()
    assert "Set your goal</a> to change it." in page
    assert (
        new_alice_browser.post("/settings/water/", {"amount": "9", "unit": "cups"}).status_code
        == 422
    )
