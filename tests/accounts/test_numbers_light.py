"""Numbers-light mode: the person's setting, the admin's, and pages without calorie figures."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from openplate.accounts import numbers_light
from openplate.accounts.models import Account
from tests.people import new_person, signed_in

pytestmark = pytest.mark.django_db


def settings_html(browser: Client) -> str:
    response = browser.get("/settings/")
    assert response.status_code == 200
    return response.content.decode()


def is_on(user: User) -> bool:
    return Account.objects.get(user=user).numbers_light


# --- The person's setting ---------------------------------------------------------------------


def test_it_is_off_until_the_person_turns_it_on(new_alice: User, new_alice_browser: Client) -> None:
    assert numbers_light.numbers_light_of(new_alice) is False
    html = settings_html(new_alice_browser)
    assert re.search(r'<input type="checkbox" name="numbers_light"[^>]*>', html)
    assert not re.search(r'name="numbers_light"[^>]*checked', html)


def test_the_person_turns_it_on_and_off(new_alice: User, new_alice_browser: Client) -> None:
    response = new_alice_browser.post("/settings/numbers-light/", {"numbers_light": "on"})
    assert response.status_code == 302
    assert is_on(new_alice)
    assert re.search(r'name="numbers_light"[^>]*checked', settings_html(new_alice_browser))
    new_alice_browser.post("/settings/numbers-light/", {})
    assert not is_on(new_alice)


def test_it_needs_sign_in_and_a_post(client: Client, new_alice_browser: Client) -> None:
    assert client.post("/settings/numbers-light/", {"numbers_light": "on"}).status_code == 302
    assert not Account.objects.filter(numbers_light=True).exists()
    assert new_alice_browser.get("/settings/numbers-light/").status_code == 405


def test_the_context_processor_tells_each_page(new_alice: User, new_alice_browser: Client) -> None:
    assert new_alice_browser.get("/settings/").context["numbers_light"] is False
    numbers_light.set_numbers_light(new_alice, True)
    assert new_alice_browser.get("/settings/").context["numbers_light"] is True


def test_someone_signed_out_sees_numbers(client: Client) -> None:
    assert client.get("/").context["numbers_light"] is False


# --- The admin's setting -----------------------------------------------------------------------


@pytest.fixture
def admin_browser(db: None) -> Client:
    root = User.objects.create_superuser("root", "root@example.com", "root-password")
    return signed_in(root)


def test_the_admin_lists_accounts_with_the_setting(admin_browser: Client, new_alice: User) -> None:
    numbers_light.set_numbers_light(new_alice, True)
    response = admin_browser.get("/admin/accounts/account/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "alice" in html
    assert "Numbers light" in html or "numbers light" in html.lower()
    assert 'name="form-0-numbers_light"' in html  # editable in the list


def test_the_admin_sets_it_for_an_account(admin_browser: Client, new_alice: User) -> None:
    account = numbers_light.Account.objects.get_or_create(user=new_alice)[0]
    page = admin_browser.get(f"/admin/accounts/account/{account.pk}/change/")
    assert page.status_code == 200
    response = admin_browser.post(
        f"/admin/accounts/account/{account.pk}/change/",
        {
            "numbers_light": "on",
            "time_zone": account.time_zone,
            "exercise_share": "1.0",
            "check_in_weekday": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert is_on(new_alice)
    # Set this way, the person may turn it off again.
    signed_in(new_alice).post("/settings/numbers-light/", {})
    assert not is_on(new_alice)


def test_the_admin_keeps_it_on_and_the_person_cannot_turn_it_off(
    admin_browser: Client, new_alice: User
) -> None:
    account = Account.objects.get_or_create(user=new_alice)[0]
    response = admin_browser.post(
        "/admin/accounts/account/",
        {"action": "keep_numbers_light_on", "_selected_action": [account.pk]},
    )
    assert response.status_code == 302
    assert is_on(new_alice)
    alice_browser = signed_in(new_alice)
    html = settings_html(alice_browser)
    assert "Your server's admin keeps it on for your account" in html
    assert 'name="numbers_light"' not in html  # no switch to offer

    refused = alice_browser.post("/settings/numbers-light/", {})
    assert refused.status_code == 422
    assert "keeps it on for your account" in refused.content.decode()
    assert is_on(new_alice)

    admin_browser.post(
        "/admin/accounts/account/",
        {"action": "let_them_choose", "_selected_action": [account.pk]},
    )
    assert not Group.objects.get(name=numbers_light.KEPT_ON_GROUP).user_set.exists()
    assert alice_browser.post("/settings/numbers-light/", {}).status_code == 302
    assert not is_on(new_alice)


def test_the_admin_list_says_who_has_it_kept_on(admin_browser: Client) -> None:
    kept, free = new_person("kept"), new_person("free")
    for person in (kept, free):
        Account.objects.get_or_create(user=person)
    numbers_light.keep_on(kept)
    html = admin_browser.get("/admin/accounts/account/?numbers_light__exact=1").content.decode()
    assert re.search(r">kept</a>", html)
    assert not re.search(r">free</a>", html)
    assert 'alt="True"' in html  # kept on, in its own column
