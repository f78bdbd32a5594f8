"""The account pages: sign-up, the goal with how its budget was computed, and settings.

Signing in and out and the password pages are Django's own views (`django.contrib.auth.urls`),
with templates in templates/registration/. Every form here works as a plain POST; htmx only
converts the goal form's heights and weights when the person switches units.
"""

from __future__ import annotations

import math
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from openplate.accounts import tokens
from openplate.accounts.exercise_share import (
    ExerciseShareForm,
    exercise_share_of,
    set_exercise_share,
    share_label,
)
from openplate.accounts.forms import (
    GoalForm,
    SignupForm,
    TimeZoneForm,
    TokenForm,
    UnitsForm,
    WaterGoalForm,
    goal_form_initial,
    switch_units,
)
from openplate.accounts.goals import goal_on, macro_targets_g, set_goal, working_of
from openplate.accounts.models import ApiToken, Goal, Profile
from openplate.accounts.numbers_light import (
    NumbersLightForm,
    is_kept_on,
    numbers_light_of,
    set_numbers_light,
)
from openplate.accounts.profile import (
    CUPS,
    ML,
    change_profile,
    profile_of,
    start_account,
    time_zone_name_of,
)
from openplate.core.pages import signed_in
from openplate.science import energy, units
from openplate.science.energy import Sex
from openplate.science.goals import weekly_goal_label
from openplate.science.nutrition import DEFAULT_WATER_GOAL_ML
from openplate.science.units import ML_PER_US_CUP

INVALID = 422  # a form sent back with its errors
AGE_ROUNDING_YEARS = 1.5 / units.DAYS_PER_YEAR
UNITS_SESSION_KEY = "units"  # the units preference of someone without a profile yet
ACCOUNT_BACKEND = "openplate.accounts.backends.AccountBackend"  # the one that finds users


# --- Sign-up -----------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """A new account, signed in at once and sent to the goal form for a first budget. Its days
    follow the time zone the browser sent."""
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignupForm(request.POST) if request.method == "POST" else SignupForm()
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                user = form.save()
                start_account(user, time_zone=form.cleaned_data["time_zone"])
            login(request, user, backend=ACCOUNT_BACKEND)
            messages.success(
                request, f"Welcome, {user.username}. Set your goal to get your daily budget."
            )
            return redirect("accounts:goal")
        return render(request, "accounts/signup.html", {"form": form}, status=INVALID)
    return render(request, "accounts/signup.html", {"form": form})


# --- The goal ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@vary_on_headers("HX-Request")  # the same address answers htmx with the form alone
def goal(request: HttpRequest) -> HttpResponse:
    """The goal form, the budget in force today and how it was computed, and the history.

    A saved goal applies from today on; earlier days keep the goal they had. `?units=metric`
    (or `imperial`) shows the form in those units, converting the heights and weights sent with
    it: the units switch sends the whole form that way, through htmx, to get the form back.
    """
    user = signed_in(request)
    today = timezone.localdate()
    profile = profile_of(user)
    current = goal_on(user, today)
    preference = None if profile else request.session.get(UNITS_SESSION_KEY)
    initial = goal_form_initial(profile, current, units_preference=preference)
    if request.method == "POST":
        form = GoalForm(request.POST, initial=initial)
        if form.is_valid():
            try:
                saved = set_goal(user, form.goal_input(), on=today)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                budget = f" From today your daily budget is {saved.budget_kcal:,.0f} kcal."
                messages.success(
                    request, "Goal saved." + ("" if numbers_light_of(user) else budget)
                )
                return redirect("accounts:goal")
        return _goal_page(request, form, current, profile, status=INVALID)
    if (switched_to := request.GET.get("units")) in Profile.Units.values:
        initial = switch_units(initial, request.GET, str(switched_to))
    form = GoalForm(initial=initial)
    if request.headers.get("HX-Request"):
        return render(request, "accounts/_goal_form.html", {"form": form})
    return _goal_page(request, form, current, profile)


def _goal_page(
    request: HttpRequest,
    form: GoalForm,
    current: Goal | None,
    profile: Profile | None,
    *,
    status: int = 200,
) -> HttpResponse:
    system: units.UnitSystem = (
        "metric" if profile and profile.units == Profile.Units.METRIC else "imperial"
    )
    history = [
        {
            "starts_on": past.starts_on,
            "label": weekly_goal_label(past.rate_kg_per_week),
            "budget_kcal": past.budget_kcal,
            "current": current is not None and past.pk == current.pk,
        }
        for past in Goal.objects.filter(user=signed_in(request)).order_by("-starts_on")
    ]
    context: dict[str, Any] = {"form": form, "goal": current, "history": history}
    if current is not None:
        context |= {
            "goal_label": weekly_goal_label(current.rate_kg_per_week),
            "person": _person_summary(current, system),
            "steps": working_of(current),
            "macros": _macros(current),
        }
        if current.target_weight_kg is not None:
            target_bmi = energy.bmi(current.target_weight_kg, current.height_cm)
            context["target_weight"] = {
                "text": units.format_mass(current.target_weight_kg, system),
                "bmi": target_bmi.value,
                "category": target_bmi.category,
            }
    return render(request, "accounts/goal.html", context, status=status)


def _person_summary(goal: Goal, system: units.UnitSystem) -> str:
    """ "a 25-year-old woman, 5 ft 4 in and 160 lb (BMI 27.5, overweight)"."""
    person = "woman" if goal.sex == Sex.FEMALE else "man"
    # Ages are kept as days / the mean Gregorian year, which can fall a day short of a birthday.
    years = math.floor(goal.age_years + AGE_ROUNDING_YEARS)
    return (
        f"a {years}-year-old {person}, {units.format_height(goal.height_cm, system)} "
        f"and {units.format_mass(goal.weight_kg, system)} "
        f"(BMI {goal.bmi:.1f}, {energy.bmi_category(goal.bmi)})"
    )


def _macros(goal: Goal) -> list[dict[str, Any]]:
    grams = macro_targets_g(goal)
    return [
        {"name": name.title(), "percent": getattr(goal, f"{name}_percent"), "grams": grams[name]}
        for name in ("protein", "carbohydrate", "fat")
    ]


# --- Settings ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """Display units, the time zone, water, exercise in the budget, API tokens, and the way to
    change the password."""
    user = signed_in(request)
    profile = profile_of(user)
    if request.method == "POST":
        form = UnitsForm(request.POST)
        if not form.is_valid():
            return _settings_page(request, units_form=form, status=INVALID)
        chosen = form.cleaned_data["units"]
        if profile is not None:
            change_profile(user, units=chosen)
        else:
            request.session[UNITS_SESSION_KEY] = chosen
        messages.success(request, f"Units saved: {Profile.Units(chosen).label}.")
        return redirect("accounts:settings")
    return _settings_page(request)


@login_required
@require_POST
def time_zone(request: HttpRequest) -> HttpResponse:
    """The time zone the person's days follow."""
    user = signed_in(request)
    current = time_zone_name_of(user)
    form = TimeZoneForm(request.POST, current=current)
    if form.is_valid():
        try:
            change_profile(user, time_zone=form.cleaned_data["time_zone"])
        except ValidationError as error:
            form.add_error("time_zone", error.messages)
        else:
            messages.success(request, f"Time zone saved: {time_zone_name_of(user)}.")
            return redirect("accounts:settings")
    # Shown again on the zone kept, not on the list's first, with the errors beside it.
    shown = TimeZoneForm({"time_zone": current}, current=current)
    shown.is_valid()
    shown.add_error("time_zone", form.errors["time_zone"])
    return _settings_page(request, time_zone_form=shown, status=INVALID)


@login_required
@require_POST
def water_goal(request: HttpRequest) -> HttpResponse:
    """The daily water goal, in cups or ml."""
    form = WaterGoalForm(request.POST)
    if form.is_valid():
        try:
            profile = change_profile(
                signed_in(request),
                water_goal=form.cleaned_data["amount"],
                water_unit=form.cleaned_data["unit"],
            )
        except ValidationError as error:
            for problems in error.message_dict.values():
                for problem in problems:
                    form.add_error("amount", problem)
        else:
            assert profile is not None  # else the service refused: no profile, no water goal
            ml = profile.water_goal_ml
            cups = ml / ML_PER_US_CUP
            messages.success(request, f"Water goal saved: {cups:.3g} cups ({ml:,.0f} ml) a day.")
            return redirect("accounts:settings")
    return _settings_page(request, water_form=form, status=INVALID)


@login_required
@require_POST
def exercise_share(request: HttpRequest) -> HttpResponse:
    """How much of the exercise logged is added to the budget: all, half or none."""
    user = signed_in(request)
    form = ExerciseShareForm(request.POST)
    if form.is_valid():
        share = set_exercise_share(user, form.cleaned_data["exercise_share"])
        messages.success(
            request, f"Exercise calories added to your budget: {share_label(share).lower()}."
        )
        return redirect("accounts:settings")
    return _settings_page(request, exercise_share_form=form, status=INVALID)


@login_required
@require_POST
def numbers_light(request: HttpRequest) -> HttpResponse:
    """Numbers-light mode on or off: the pages without calorie figures."""
    user = signed_in(request)
    form = NumbersLightForm(request.POST)
    if form.is_valid():
        try:
            on = set_numbers_light(user, form.cleaned_data["numbers_light"])
        except ValidationError as error:
            form.add_error("numbers_light", error.message_dict["numbers_light"])
        else:
            messages.success(request, f"Numbers-light mode {'on' if on else 'off'}.")
            return redirect("accounts:settings")
    return _settings_page(request, numbers_light_form=form, status=INVALID)


@never_cache  # the page may hold a new token's secret
@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    """A new API token. Its secret is in this response only: it is stored as a digest."""
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, secret = tokens.create_token(signed_in(request), form.cleaned_data["name"])
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            return _settings_page(request, new_token=token, secret=secret)
    return _settings_page(request, token_form=form, status=INVALID)


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    """Delete one of the person's own tokens; anyone else's is not found."""
    user = signed_in(request)
    token = get_object_or_404(ApiToken, pk=token_id, user=user)
    if not tokens.revoke_token(user, token.pk):
        raise Http404
    messages.success(request, f"Token “{token.name}” revoked.")
    return redirect("accounts:settings")


def _water_goal_form(profile: Profile | None) -> WaterGoalForm:
    """The water goal as the person thinks of it: cups in US units, ml in metric."""
    goal_ml = profile.water_goal_ml if profile else DEFAULT_WATER_GOAL_ML
    if profile is not None and profile.units == Profile.Units.METRIC:
        return WaterGoalForm(initial={"amount": round(goal_ml), "unit": ML})
    return WaterGoalForm(initial={"amount": round(goal_ml / ML_PER_US_CUP, 1), "unit": CUPS})


def _settings_page(
    request: HttpRequest,
    *,
    units_form: UnitsForm | None = None,
    time_zone_form: TimeZoneForm | None = None,
    water_form: WaterGoalForm | None = None,
    exercise_share_form: ExerciseShareForm | None = None,
    numbers_light_form: NumbersLightForm | None = None,
    token_form: TokenForm | None = None,
    new_token: ApiToken | None = None,
    secret: str | None = None,
    status: int = 200,
) -> HttpResponse:
    user = signed_in(request)
    profile = profile_of(user)
    current_units = (
        profile.units if profile else request.session.get(UNITS_SESSION_KEY, Profile.Units.IMPERIAL)
    )
    zone = time_zone_name_of(user)
    context = {
        "units_form": units_form or UnitsForm(initial={"units": current_units}),
        "time_zone": zone,
        "time_zone_form": time_zone_form or TimeZoneForm(initial={"time_zone": zone}, current=zone),
        # Naive, so that the template shows it as it is there, whatever zone is active.
        "now_there": timezone.localtime(timezone=ZoneInfo(zone)).replace(tzinfo=None),
        "has_profile": profile is not None,
        "water_form": water_form or _water_goal_form(profile),
        "exercise_share_form": exercise_share_form
        or ExerciseShareForm.for_share(exercise_share_of(user)),
        "numbers_light_form": numbers_light_form
        or NumbersLightForm(initial={"numbers_light": numbers_light_of(user)}),
        "numbers_light_kept_on": is_kept_on(user),
        "token_form": token_form or TokenForm(),
        "tokens": ApiToken.objects.filter(user=user),
        "new_token": new_token,
        "secret": secret,
    }
    return render(request, "accounts/settings.html", context, status=status)
