"""Personal API tokens: made, checked and revoked, with only a digest of the secret stored."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from openplate.accounts.models import Account, ApiToken
from openplate.accounts.profile import start_account
from openplate.accounts.tokens import (
    MAX_TOKENS_PER_USER,
    create_token,
    revoke_token,
    user_for_token,
)

pytestmark = pytest.mark.django_db


def test_it_stores_only_a_digest_of_the_secret(new_alice: User) -> None:
    token, secret = create_token(new_alice, "my script")
    assert secret.startswith("op_")
    assert len(secret) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert stored.prefix == secret[:10]
    columns = [str(value) for value in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert secret not in columns
    assert not any(secret in column for column in columns)


def test_each_token_has_its_own_secret(new_alice: User) -> None:
    _, first = create_token(new_alice, "one")
    _, second = create_token(new_alice, "two")
    assert first != second


def test_it_finds_the_owner_of_a_secret(new_alice: User, bob: User) -> None:
    _, secret = create_token(new_alice, "my script")
    create_token(bob, "bob's script")
    assert user_for_token(secret) == new_alice


def test_it_notes_when_a_token_was_last_used(new_alice: User) -> None:
    token, secret = create_token(new_alice, "my script")
    assert token.last_used is None
    user_for_token(secret)
    token.refresh_from_db()
    assert token.last_used is not None
    assert timezone.now() - token.last_used < timedelta(minutes=1)


@pytest.mark.parametrize("secret", ["", "op_", "op_not-a-token", "not-even-the-prefix"])
def test_it_knows_no_one_for_an_unknown_secret(new_alice: User, secret: str) -> None:
    create_token(new_alice, "my script")
    assert user_for_token(secret) is None


def test_it_refuses_the_token_of_a_deactivated_person(new_alice: User) -> None:
    _, secret = create_token(new_alice, "my script")
    new_alice.is_active = False
    new_alice.save()
    assert user_for_token(secret) is None


def test_it_revokes_a_token(new_alice: User) -> None:
    token, secret = create_token(new_alice, "my script")
    assert revoke_token(new_alice, token.pk) is True
    assert user_for_token(secret) is None
    assert not ApiToken.objects.filter(pk=token.pk).exists()


def test_it_does_not_revoke_another_persons_token(new_alice: User, bob: User) -> None:
    token, secret = create_token(new_alice, "my script")
    assert revoke_token(bob, token.pk) is False
    assert user_for_token(secret) == new_alice


def test_it_says_when_there_is_nothing_to_revoke(new_alice: User) -> None:
    token, _ = create_token(new_alice, "my script")
    revoke_token(new_alice, token.pk)
    assert revoke_token(new_alice, token.pk) is False


def test_it_tidies_the_name(new_alice: User) -> None:
    token, _ = create_token(new_alice, "  my   script \n")
    assert token.name == "my script"


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_it_refuses_a_missing_or_long_name(new_alice: User, name: str) -> None:
    with pytest.raises(ValidationError) as refused:
        create_token(new_alice, name)
    assert "name" in refused.value.message_dict
    assert not ApiToken.objects.exists()


def test_it_limits_how_many_tokens_a_person_has(new_alice: User, bob: User) -> None:
    for number in range(MAX_TOKENS_PER_USER):
        create_token(new_alice, f"script {number}")
    with pytest.raises(ValidationError):
        create_token(new_alice, "one too many")
    create_token(bob, "bob's own")  # the limit is per person


@pytest.mark.parametrize("address", [None, "203.0.113.7"])
def test_a_used_token_is_one_query_with_the_owner_and_their_account(
    new_alice: User, address: str | None, django_assert_num_queries
) -> None:
    start_account(new_alice, time_zone="Pacific/Auckland")
    _, secret = create_token(new_alice, "my script")
    user_for_token(secret, address=address)  # notes the first use
    with django_assert_num_queries(1):
        owner = user_for_token(secret, address=address)
        assert owner is not None
        assert (owner.pk, owner.username, owner.is_active) == (new_alice.pk, "alice", True)
        assert owner.date_joined == new_alice.date_joined
        assert owner.account.time_zone == "Pacific/Auckland"  # read with the token
        assert owner.account.user is owner


def test_an_owner_without_an_account_row_is_found_too(new_alice: User) -> None:
    # Made with `openplate manage createsuperuser`, say: no account row, the server's time zone.
    assert not Account.objects.filter(user=new_alice).exists()
    _, secret = create_token(new_alice, "my script")
    owner = user_for_token(secret)
    assert owner == new_alice
    assert not hasattr(owner, "account")
