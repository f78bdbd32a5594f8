"""The exercise pages: a day's exercise, adding it (from the Compendium, custom or strength),
editing and deleting it.

Every form works as a plain POST that redirects to the diary day (or back here with
`next=exercise`); htmx only makes the activity search answer as the person types and the
formula show the calories as the minutes are typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from openplate.accounts.models import Profile
from openplate.body.services import body_weight_on, has_weighed_in
from openplate.core import undo
from openplate.core.forms import add_service_errors
from openplate.core.pages import signed_in
from openplate.exercise import services
from openplate.exercise.forms import (
    SERVICE_FIELDS,
    ActivityForm,
    CustomForm,
    EditActivityForm,
    EditCustomForm,
    EditStrengthForm,
    StrengthForm,
)
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.science import units
from openplate.science.exercise import met_kcal

INVALID = 422  # a form sent back with its errors
SEARCH_RESULTS = 20
BACK_HERE = "exercise"  # the `next` value that returns to the exercise page


@dataclass(frozen=True)
class BodyWeight:
    """The weight the calories use, and where it comes from, for the formula."""

    kg: float | None
    weighed: bool  # False: the goal's weight (no weigh-in yet)
    lb: float | None


def _metric(user: User) -> bool:
    profile = Profile.objects.filter(user=user).only("units").first()
    return profile is not None and profile.units == Profile.Units.METRIC


def _body_weight(user: User, day: date) -> BodyWeight:
    kg = body_weight_on(user, day)
    weighed = has_weighed_in(user)
    return BodyWeight(kg, weighed, units.lb_from_kg(kg) if kg is not None else None)


def _back(request: HttpRequest, day: date) -> HttpResponse:
    """The diary day at its exercise section, or the exercise page when `next` asks for it."""
    if (request.POST.get("next") or request.GET.get("next")) == BACK_HERE:
        return redirect(reverse("exercise:day", args=[day]))
    return redirect(reverse("diary:day", args=[day]) + "#exercise")


def _chosen_activity(code: str) -> Activity | None:
    return Activity.objects.filter(code=code).first() if code else None


@login_required
@require_safe
def day_page(request: HttpRequest, day: date) -> HttpResponse:
    return _day(request, day)


def _day(
    request: HttpRequest,
    day: date,
    *,
    activity_form: ActivityForm | None = None,
    custom_form: CustomForm | None = None,
    strength_form: StrengthForm | None = None,
    open_form: str = "",
) -> HttpResponse:
    user = signed_in(request)
    query = request.GET.get("q", "").strip()
    entries = list(services.entries_on(user, day))
    code = activity_form["activity"].value() if activity_form else request.GET.get("activity", "")
    chosen = _chosen_activity(str(code or ""))
    if activity_form is None:
        activity_form = ActivityForm(initial={"activity": chosen.code if chosen else ""})
    context = {
        "day": day,
        "entries": entries,
        "total_kcal": sum(entry.energy_kcal for entry in entries),
        "query": query,
        "results": services.search_activities(query, limit=SEARCH_RESULTS) if query else [],
        "chosen": chosen,
        "weight": _body_weight(user, day),
        "activity_form": activity_form,
        "custom_form": custom_form or CustomForm(),
        "strength_form": strength_form or StrengthForm(metric=_metric(user)),
        "open_form": open_form,
        "metric": _metric(user),
    }
    failed = any(form.errors for form in (activity_form, custom_form, strength_form) if form)
    return render(request, "exercise/day.html", context, status=INVALID if failed else 200)


@login_required
@require_safe
def activities(request: HttpRequest, day: date) -> HttpResponse:
    """The search results alone, for htmx to swap in as the person types."""
    query = request.GET.get("q", "").strip()
    results = services.search_activities(query, limit=SEARCH_RESULTS) if query else []
    context = {"day": day, "query": query, "results": results, "chosen": None}
    return render(request, "exercise/_activities.html", context)


@login_required
@require_safe
def formula(request: HttpRequest, day: date) -> HttpResponse:
    """MET × body weight × hours = kcal for the activity and minutes chosen so far."""
    activity = _chosen_activity(request.GET.get("activity", ""))
    try:
        minutes: float | None = float(request.GET.get("minutes", ""))
    except ValueError:
        minutes = None
    context = _formula_context(signed_in(request), day, activity, minutes)
    return render(request, "exercise/_formula.html", context)


def _formula_context(
    user: User, day: date, activity: Activity | None, minutes: float | None
) -> dict[str, Any]:
    weight = _body_weight(user, day)
    kcal = None
    if activity and weight.kg and minutes and 0 < minutes <= services.MAX_MINUTES:
        kcal = met_kcal(activity.met, weight.kg, minutes)
    hours = minutes / units.MINUTES_PER_HOUR if minutes and minutes > 0 else None
    return {"chosen": activity, "weight": weight, "hours": hours, "kcal": kcal}


@login_required
@require_POST
def log_activity(request: HttpRequest, day: date) -> HttpResponse:
    user = signed_in(request)
    form = ActivityForm(request.POST)
    if form.is_valid():
        activity = _chosen_activity(form.cleaned_data["activity"])
        if activity is None:
            form.add_error("activity", "Choose an activity from the search results.")
        else:
            try:
                entry = services.log_activity(
                    user, day=day, activity=activity, minutes=form.cleaned_data["minutes"]
                )
            except ValidationError as error:
                add_service_errors(form, error, SERVICE_FIELDS)
            else:
                messages.success(request, f"Added {entry.name}: {entry.energy_kcal:,.0f} kcal.")
                return _back(request, day)
    return _day(request, day, activity_form=form, open_form="activity")


@login_required
@require_POST
def log_custom(request: HttpRequest, day: date) -> HttpResponse:
    form = CustomForm(request.POST)
    if form.is_valid():
        try:
            entry = services.log_custom(signed_in(request), day=day, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error, SERVICE_FIELDS)
        else:
            messages.success(request, f"Added {entry.name}: {entry.energy_kcal:,.0f} kcal.")
            return _back(request, day)
    return _day(request, day, custom_form=form, open_form="custom")


@login_required
@require_POST
def log_strength(request: HttpRequest, day: date) -> HttpResponse:
    user = signed_in(request)
    form = StrengthForm(request.POST, metric=_metric(user))
    if form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.log_strength(
                user,
                day=day,
                name=data["name"],
                sets=data["sets"],
                reps=data["reps"],
                load_kg=form.load_kg(),
                minutes=data["minutes"],
            )
        except ValidationError as error:
            add_service_errors(form, error, SERVICE_FIELDS)
        else:
            messages.success(request, f"Added {entry.name}: {entry.sets} × {entry.reps}.")
            return _back(request, day)
    return _day(request, day, strength_form=form, open_form="strength")


@login_required
@require_http_methods(["GET", "POST"])
def edit_entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    user = signed_in(request)
    entry = get_object_or_404(
        ExerciseEntry.objects.select_related("activity"), pk=entry_id, user=user
    )
    form = _edit_form(entry, request.POST or None, metric=_metric(user))
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        changes["day"] = changes.pop("date")
        if isinstance(form, StrengthForm):
            changes.pop("load")
            changes["load_kg"] = form.load_kg()
        try:
            services.update_entry(user, entry, **changes)
        except ValidationError as error:
            add_service_errors(form, error, SERVICE_FIELDS)
        else:
            messages.success(request, f"Updated {entry.name}.")
            return _back(request, entry.date)
    context = {
        "entry": entry,
        "form": form,
        "day": entry.date,
        "next": request.GET.get("next") or request.POST.get("next", ""),
        "weight_lb": units.lb_from_kg(entry.body_weight_kg) if entry.body_weight_kg else None,
    }
    return render(request, "exercise/edit.html", context, status=INVALID if form.errors else 200)


def _edit_form(entry: ExerciseEntry, data: Any, *, metric: bool) -> forms.Form:
    initial: dict[str, Any] = {"date": entry.date, "minutes": entry.minutes}
    if entry.kind == ExerciseEntry.Kind.ACTIVITY:
        return EditActivityForm(data, initial=initial)
    initial["name"] = entry.name
    if entry.kind == ExerciseEntry.Kind.CUSTOM:
        return EditCustomForm(data, initial=initial | {"energy_kcal": entry.energy_kcal})
    load = entry.load_kg
    if load is not None and not metric:
        load = round(units.lb_from_kg(load), 1)
    initial |= {"sets": entry.sets, "reps": entry.reps, "load": load}
    return EditStrengthForm(data, initial=initial, metric=metric)


@login_required
@require_POST
def delete_entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    user = signed_in(request)
    entry = get_object_or_404(ExerciseEntry, pk=entry_id, user=user)
    undo.delete_with_undo(request, entry, entry.name)
    return _back(request, entry.date)
