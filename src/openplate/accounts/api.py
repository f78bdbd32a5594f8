"""The profile, the goal and its history, and the caller's API tokens."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Status

from openplate.accounts import goals, tokens
from openplate.accounts.exercise_share import exercise_share_of, set_exercise_share
from openplate.accounts.goals import GoalInput
from openplate.accounts.models import ApiToken, Goal
from openplate.accounts.profile import (
    ML,
    activate_time_zone,
    change_profile,
    profile_of,
    time_zone_name_of,
)
from openplate.accounts.schemas import (
    GoalIn,
    GoalOut,
    ProfileChanges,
    ProfileWithGoal,
    TokenOut,
)
from openplate.core.api_support import BODY, PathId, caller, errors_at
from openplate.science.units import KG_PER_LB

MACRO_SHARES = ("protein_percent", "carbohydrate_percent", "fat_percent")

router = Router(tags=["profile and goal"])


@router.get("/profile", response=ProfileWithGoal)
def get_profile(request: HttpRequest) -> ProfileWithGoal:
    """The caller's profile, time zone and today there, and the goal in force today."""
    user = caller(request)
    today = timezone.localdate()  # the caller's zone is active (openplate.api.TokenAuth)
    return ProfileWithGoal.model_validate(
        {
            "username": user.get_username(),
            "time_zone": time_zone_name_of(user),
            "exercise_share": exercise_share_of(user),
            "today": today,
            "profile": profile_of(user),
            "goal": goals.goal_on(user, today),
        }
    )


@router.patch("/profile", response=ProfileWithGoal)
def update_profile(request: HttpRequest, payload: ProfileChanges) -> ProfileWithGoal:
    """Change the display units, the daily water goal, the time zone or the share of exercise
    added to the budget. The profile is made by the first goal, so until then units and water
    answer 422; the time zone and the exercise share may change at any time, and the answer's
    `today` already follows the zone."""
    user = caller(request)
    profile_changes = payload.model_dump(exclude={"exercise_share"}, exclude_none=True)
    with errors_at(BODY, {"water_goal": ("water_goal_ml",)}), transaction.atomic():
        if profile_changes or payload.exercise_share is None:
            change_profile(
                user,
                units=payload.units,
                water_goal=payload.water_goal_ml,
                water_unit=ML,
                time_zone=payload.time_zone,
            )
        if payload.exercise_share is not None:
            set_exercise_share(user, payload.exercise_share)
    if payload.time_zone is not None:
        activate_time_zone(user)  # the rest of this request is in the new zone
    return get_profile(request)


@router.get("/goals", response=list[GoalOut])
def list_goals(request: HttpRequest) -> list[Goal]:
    """Every goal the caller has set, oldest first; each is in force until the next starts."""
    return list(Goal.objects.filter(user=caller(request)).order_by("starts_on"))


@router.post("/goals", response={201: GoalOut})
def set_goal(request: HttpRequest, payload: GoalIn) -> Status[Goal]:
    """Set the goal from today, replacing one set earlier today; past days keep their budget.

    Give the weekly goal as `rate_kg_per_week` or `rate_lb_per_week`. Units, macro shares and
    the goal weight left out keep today's.
    """
    user = caller(request)
    today = timezone.localdate()
    goal = _goal_input(user, payload, today)
    rate_field = "rate_lb_per_week" if payload.rate_lb_per_week is not None else "rate_kg_per_week"
    with errors_at(BODY, {"rate_kg_per_week": (rate_field,)}):
        return Status(201, goals.set_goal(user, goal, on=today))


@router.get("/tokens", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    """The caller's API tokens, newest first (their secrets are never shown again)."""
    return list(ApiToken.objects.filter(user=caller(request)).order_by("-created"))


@router.delete("/tokens/{token_id}", response={204: None})
def revoke_token(request: HttpRequest, token_id: PathId) -> Status[None]:
    """Revoke one of the caller's tokens; it stops working at once."""
    if not tokens.revoke_token(caller(request), token_id):
        raise Http404
    return Status(204, None)


def _goal_input(user: User, payload: GoalIn, today: date) -> GoalInput:
    """The service's input: the weekly goal in kg, and what was left out kept from today."""
    rate_kg = _rate_kg_per_week(payload)
    base = GoalInput(
        sex=payload.sex.value,
        birth_date=payload.birth_date,
        height_cm=payload.height_cm,
        weight_kg=payload.weight_kg,
        activity=payload.activity,
        rate_kg_per_week=rate_kg,
    )
    profile = profile_of(user)
    shares: Goal | GoalInput = goals.goal_on(user, today) or base
    kept = {
        field: getattr(shares, field)
        if getattr(payload, field) is None
        else getattr(payload, field)
        for field in MACRO_SHARES
    }
    if "target_weight_kg" in payload.model_fields_set:
        kept["target_weight_kg"] = payload.target_weight_kg
    elif isinstance(shares, Goal):
        kept["target_weight_kg"] = shares.target_weight_kg
    if payload.units is not None:
        kept["units"] = payload.units.value
    elif profile is not None:
        kept["units"] = profile.units
    if payload.life_stage is not None:
        kept["life_stage"] = payload.life_stage.value  # left out, the service keeps the profile's
    return replace(base, **kept)


def _rate_kg_per_week(payload: GoalIn) -> float:
    if payload.rate_kg_per_week is not None and payload.rate_lb_per_week is not None:
        raise ValidationError({"rate_kg_per_week": ["Give one weekly goal, in kg or in lb."]})
    if payload.rate_lb_per_week is not None:
        return payload.rate_lb_per_week * KG_PER_LB
    if payload.rate_kg_per_week is None:
        raise ValidationError({"rate_kg_per_week": ["Give rate_kg_per_week or rate_lb_per_week."]})
    return payload.rate_kg_per_week
