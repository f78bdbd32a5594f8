"""Numbers-light mode: the pages show portions, plate balance and trends instead of calories.

For people who should not count calories. The person turns it on or off on the settings page;
the server's admin can turn it on for an account in the Django admin, and can keep it on: an
account in the group `KEPT_ON_GROUP` has it on whatever the person chooses, and the settings
page says the admin keeps it on. (A group rather than a second field on the account: a clinician
who runs the server for their patients manages it with Django's own group admin.) The API is
unchanged: it answers with calories either way, for the person's own scripts.

Templates read `numbers_light` from `openplate.accounts.context_processors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ObjectDoesNotExist, ValidationError

from openplate.accounts.models import Account

if TYPE_CHECKING:
    from django.contrib.auth.models import User

FIELD = "numbers_light"
KEPT_ON_GROUP = "Numbers-light kept on"
KEPT_ON = "Your server's admin keeps numbers-light on for your account; ask them to change it."


def numbers_light_of(user: User) -> bool:
    """Whether `user`'s pages leave out calorie figures. The account comes with the user when
    they sign in (accounts.backends), so this asks the database nothing more."""
    try:
        return bool(user.account.numbers_light)
    except ObjectDoesNotExist:
        return False


def is_kept_on(user: User) -> bool:
    """Whether the admin keeps numbers-light on, so the person cannot turn it off."""
    return user.groups.filter(name=KEPT_ON_GROUP).exists()


def set_numbers_light(user: User, on: bool) -> bool:
    """Turn numbers-light on or off for `user`; off is refused while the admin keeps it on."""
    if not on and is_kept_on(user):
        raise ValidationError({FIELD: [KEPT_ON]})
    account, _ = Account.objects.update_or_create(user=user, defaults={FIELD: on})
    user.account = account
    return on


def keep_on(user: User) -> None:
    """The admin's choice: numbers-light on, and the person cannot turn it off."""
    group, _ = Group.objects.get_or_create(name=KEPT_ON_GROUP)
    user.groups.add(group)
    set_numbers_light(user, True)


def let_choose(user: User) -> None:
    """The admin's choice undone: the setting stays as it is, and the person may change it."""
    user.groups.remove(*Group.objects.filter(name=KEPT_ON_GROUP))


class NumbersLightForm(forms.Form):
    numbers_light = forms.BooleanField(
        label="Numbers-light: no calorie figures on my pages",
        help_text=(
            "Your pages show portions, the balance of your plate and your trends (weight, "
            "water, days logged) instead of calories. The API still answers with calories."
        ),
        required=False,
    )
