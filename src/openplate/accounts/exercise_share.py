"""How much of the exercise a person logs is added to their budget: all of it, half, or none.

The activity level of the goal describes daily life without workouts, so the exercise a person
logs comes on top of it (as MyPlate counts it): Remaining = Budget - Food + share × Exercise.
The share is kept on the account, so it can be set before the first goal, and it applies to
every day, past days too: it is how the person reads their days, not part of a goal's record.

The settings page and `PATCH /api/profile` both call `set_exercise_share`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError

from openplate.accounts.models import Account, ExerciseShare

if TYPE_CHECKING:
    from django.contrib.auth.models import User

FIELD = "exercise_share"
UNKNOWN_SHARE = "Choose all (1), half (0.5) or none (0) of your exercise."
CHOICE_LABELS = {
    ExerciseShare.ALL: "All of it",
    ExerciseShare.HALF: "Half of it",
    ExerciseShare.NONE: "None of it",
}


def exercise_share_of(user: User) -> float:
    """The share of the day's exercise added to the budget; all of it unless the person chose
    otherwise. The account is kept on `user` (signing in and token checks bring it)."""
    try:
        account = user.account
    except ObjectDoesNotExist:
        return float(ExerciseShare.ALL)
    return float(account.exercise_share)


def set_exercise_share(user: User, share: object) -> float:
    """Keep `share` (1, 0.5 or 0) as the person's; anything else is refused, naming the field."""
    if isinstance(share, bool) or not isinstance(share, int | float) or share not in SHARES:
        raise ValidationError({FIELD: [UNKNOWN_SHARE]})
    account, _ = Account.objects.update_or_create(user=user, defaults={FIELD: float(share)})
    user.account = account
    return float(share)


def counted_exercise_kcal(exercise_kcal: float, share: float) -> float:
    """The calories of exercise a day's budget takes in."""
    return exercise_kcal * share


def share_label(share: float) -> str:
    """ "All of it", "Half of it" or "None of it"."""
    return CHOICE_LABELS[ExerciseShare(share)]


SHARES = frozenset(float(share) for share in ExerciseShare)


class ExerciseShareForm(forms.Form):
    exercise_share = forms.TypedChoiceField(
        label="Exercise calories added to your budget",
        help_text=(
            "Add half if you think the estimates of what a workout burns run high, or none to "
            "keep your budget the same every day."
        ),
        choices=[(f"{share.value:g}", CHOICE_LABELS[share]) for share in ExerciseShare],
        coerce=float,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": UNKNOWN_SHARE},
    )

    @classmethod
    def for_share(cls, share: float) -> ExerciseShareForm:
        return cls(initial={FIELD: f"{share:g}"})
