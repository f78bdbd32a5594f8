"""A period at a glance: what the progress page charts and the weekly report lists.

Every series comes from one query (food, exercise and water are summed per day by the database;
weigh-ins and goals are read once), so the cost of a period does not grow with its days in
queries, only in rows. The weight forecast runs the Hall dynamic model
(`openplate.science.dynamics`) from the latest weigh-in's trend weight (the goal's start weight
before the first weigh-in of the goal) at the intake its budget implies.

Net is food less exercise; remaining is the budget less food plus the share of exercise the
person adds to their budget (all, half or none: `openplate.accounts.exercise_share`). Averages
of food and net count only the days with food logged (`net_average`), everywhere: the progress
page, the weekly report and the API.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Sum

from openplate.accounts.exercise_share import counted_exercise_kcal
from openplate.accounts.models import ExerciseShare, Goal, Profile
from openplate.accounts.profile import today_for
from openplate.body.models import WaterEntry, WeightEntry
from openplate.body.services import WeighIn, with_trend
from openplate.diary.models import Entry
from openplate.exercise.models import ExerciseEntry
from openplate.science import dynamics, nutrition
from openplate.science.errors import InvalidInput
from openplate.science.nutrition import DEFAULT_WATER_GOAL_ML
from openplate.science.units import DAYS_PER_WEEK, DAYS_PER_YEAR

if TYPE_CHECKING:
    from django.contrib.auth.models import User

AVERAGE_WINDOWS = (("Last 7 days", 7), ("Last 30 days", 30))
MIN_FORECAST_DAYS_AHEAD = 7
GOAL_SEARCH_DAYS = 3 * 365  # how far ahead the forecast looks for the goal weight
MAX_SIMULATED_DAYS = 20 * 365


@dataclass(frozen=True)
class DayTotals:
    """One day: the budget in force, what was eaten and burned, water, and the weigh-in."""

    day: date
    budget_kcal: float | None
    food_kcal: float = 0.0
    exercise_kcal: float = 0.0
    protein_g: float = 0.0
    carbohydrate_g: float = 0.0
    fat_g: float = 0.0
    entries: int = 0
    water_ml: float = 0.0
    weight_kg: float | None = None
    trend_kg: float | None = None  # carried from the last weigh-in
    exercise_share: float = ExerciseShare.ALL  # of the exercise added to the budget

    @property
    def logged(self) -> bool:
        return self.entries > 0

    @property
    def net_kcal(self) -> float:
        """Food - Exercise."""
        return self.food_kcal - self.exercise_kcal

    @property
    def exercise_counted_kcal(self) -> float:
        """The exercise added to the budget: all, half or none of it."""
        return counted_exercise_kcal(self.exercise_kcal, self.exercise_share)

    @property
    def remaining_kcal(self) -> float | None:
        """Budget - Food + counted Exercise."""
        if self.budget_kcal is None:
            return None
        return self.budget_kcal - self.food_kcal + self.exercise_counted_kcal


@dataclass(frozen=True)
class Averages:
    """Averages over a window: food and net per day logged, exercise per day, and the trend's
    change."""

    label: str
    start: date
    end: date
    days: int
    logged_days: int
    food_kcal: float | None  # per day with food logged
    exercise_kcal: float  # per day
    net_kcal: float | None  # per day with food logged: `net_average`
    weight_change_kg: float | None  # the trend at the end less the trend at the start


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive days; a run still counts as current until a whole day is missed."""

    food_current: int
    food_longest: int
    weigh_in_current: int
    weigh_in_longest: int
    weigh_in_days: int  # days with a weigh-in in the period


@dataclass(frozen=True)
class MacroSplit:
    grams: dict[str, float]
    percent: dict[str, float]  # of the calories from the three macros


@dataclass(frozen=True)
class Forecast:
    """The Hall model's daily weight from the latest weigh-in (its trend weight), or from the
    goal's start before the goal has one, eating the goal's budget every day."""

    goal_start: date
    start: date  # the day the line starts from
    start_kg: float
    intake_kcal: float
    points: list[tuple[date, float]]
    target_kg: float | None
    reached_on: date | None  # the first day at or past the goal weight, within three years


@dataclass(frozen=True)
class Progress:
    start: date
    end: date
    days: list[DayTotals]
    weigh_ins: list[WeighIn]
    forecast: Forecast | None
    goal: Goal | None
    target_weight_kg: float | None
    macros: MacroSplit
    averages: list[Averages]
    streaks: Streaks
    units: str
    height_cm: float | None
    latest: WeighIn | None = field(default=None)
    exercise_share: float = ExerciseShare.ALL


@dataclass(frozen=True)
class WeekReport:
    start: date  # a Monday
    end: date
    days: list[DayTotals]
    water_goal_ml: float
    units: str
    totals: dict[str, float]
    averages: dict[str, float | None]  # food figures per logged day, the rest per day
    logged_days: int
    weight_change_kg: float | None  # trend at the week's end less at its start
    exercise_share: float = ExerciseShare.ALL


# --- one query per series ----------------------------------------------------------------------


def _profile(user: User) -> dict[str, Any]:
    """The profile's height, units and water goal, and the account's exercise share, in one
    query; the defaults for what a person does not have yet."""
    found = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            height_cm=F("profile__height_cm"),
            units=F("profile__units"),
            water_goal_ml=F("profile__water_goal_ml"),
            exercise_share=F("account__exercise_share"),
        )
        .first()
    )
    row: dict[str, Any] = dict(found) if found else {}
    defaults: dict[str, Any] = {
        "units": Profile.Units.IMPERIAL,
        "water_goal_ml": DEFAULT_WATER_GOAL_ML,
        "exercise_share": float(ExerciseShare.ALL),
    }
    return {"height_cm": row.get("height_cm")} | {
        name: default if row.get(name) is None else row[name] for name, default in defaults.items()
    }


class _Goals:
    """Every goal of a person, read once, answering "which goal on this day" as `goal_on`
    does: the last started by then, else the first."""

    def __init__(self, user: User) -> None:
        self.goals = list(Goal.objects.filter(user=user).order_by("starts_on"))
        self.starts = [goal.starts_on for goal in self.goals]

    def on(self, day: date) -> Goal | None:
        if not self.goals:
            return None
        index = bisect.bisect_right(self.starts, day) - 1
        return self.goals[max(index, 0)]


def _per_day(queryset: Any, **sums: Any) -> dict[date, dict[str, Any]]:
    rows = queryset.order_by().values("date").annotate(**sums)
    return {row.pop("date"): row for row in rows}


def daily_totals(
    user: User,
    start: date,
    end: date,
    *,
    goals: _Goals | None = None,
    weights: list[WeighIn],
    exercise_share: float = ExerciseShare.ALL,
) -> list[DayTotals]:
    """Every day from `start` to `end`: three queries (food, exercise, water), plus the goals'
    when not given. `weights` are the person's weigh-ins with their trend, oldest first;
    `exercise_share` is how much of each day's exercise is added to its budget."""
    goals = goals or _Goals(user)
    span = {"user": user, "date__gte": start, "date__lte": end}
    food = _per_day(
        Entry.objects.filter(**span),
        kcal=Sum("energy_kcal"),
        protein=Sum("protein_g"),
        carbohydrate=Sum("carbohydrate_g"),
        fat=Sum("fat_g"),
        entries=Count("id"),
    )
    burned = _per_day(ExerciseEntry.objects.filter(**span), kcal=Sum("energy_kcal"))
    water = _per_day(WaterEntry.objects.filter(**span), ml=Sum("ml"))
    weighed = {point.date: point for point in weights}
    weigh_days = [point.date for point in weights]
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        goal = goals.on(day)
        eaten = food.get(day, {})
        index = bisect.bisect_right(weigh_days, day) - 1
        days.append(
            DayTotals(
                day=day,
                budget_kcal=goal.budget_kcal if goal else None,
                food_kcal=float(eaten.get("kcal") or 0.0),
                exercise_kcal=float(burned.get(day, {}).get("kcal") or 0.0),
                protein_g=float(eaten.get("protein") or 0.0),
                carbohydrate_g=float(eaten.get("carbohydrate") or 0.0),
                fat_g=float(eaten.get("fat") or 0.0),
                entries=int(eaten.get("entries") or 0),
                water_ml=float(water.get(day, {}).get("ml") or 0.0),
                weight_kg=weighed[day].weight_kg if day in weighed else None,
                trend_kg=weights[index].trend_kg if index >= 0 else None,
                exercise_share=exercise_share,
            )
        )
    return days


def first_logged_day(user: User) -> date | None:
    """The first day with food, exercise or a weigh-in logged, in one query; None before any."""
    dates = [
        model.objects.filter(user=user).order_by().values("date")
        for model in (Entry, ExerciseEntry, WeightEntry)
    ]
    first = dates[0].union(*dates[1:]).order_by("date").first()
    return first["date"] if first else None


def _all_weigh_ins(user: User, height_cm: float | None) -> list[WeighIn]:
    rows = list(
        WeightEntry.objects.filter(user=user)
        .order_by("date")
        .values_list("id", "date", "weight_kg", "body_fat_percent")
    )
    return with_trend(rows, height_cm)


# --- the progress page -------------------------------------------------------------------------


def progress(user: User, start: date, end: date, *, today: date | None = None) -> Progress:
    """The period from `start` to `end`: the series the charts draw, the macro split, the
    averages of the last week and month, and the streaks. Seven queries, whatever the period."""
    today = today or today_for(user)  # the person's today, in their time zone
    profile = _profile(user)
    goals = _Goals(user)
    weights = _all_weigh_ins(user, profile["height_cm"])
    window_start = min(start, end - timedelta(days=max(d for _, d in AVERAGE_WINDOWS) - 1))
    all_days = daily_totals(
        user,
        window_start,
        end,
        goals=goals,
        weights=weights,
        exercise_share=profile["exercise_share"],
    )
    days = [day for day in all_days if day.day >= start]
    food_dates = set(
        Entry.objects.filter(user=user).order_by().values_list("date", flat=True).distinct()
    )
    weigh_dates = {point.date for point in weights}
    in_range = [point for point in weights if start <= point.date <= end]
    by_end = [point for point in weights if point.date <= end]
    goal = goals.on(end)
    ahead = max(MIN_FORECAST_DAYS_AHEAD, ((end - start).days + 1) // 4)
    averages = [_averages(label, all_days[-size:]) for label, size in AVERAGE_WINDOWS]
    averages.append(_averages("This period", days))
    return Progress(
        start=start,
        end=end,
        days=days,
        weigh_ins=in_range,
        forecast=forecast(
            goal,
            max(start, goal.starts_on) if goal else start,
            end + timedelta(days=ahead),
            latest=by_end[-1] if by_end else None,
        ),
        goal=goal,
        target_weight_kg=goal.target_weight_kg if goal else None,
        macros=macro_split(days),
        averages=averages,
        streaks=Streaks(
            food_current=current_streak(food_dates, today),
            food_longest=longest_streak(food_dates),
            weigh_in_current=current_streak(weigh_dates, today),
            weigh_in_longest=longest_streak(weigh_dates),
            weigh_in_days=len(in_range),
        ),
        units=profile["units"],
        height_cm=profile["height_cm"],
        latest=weights[-1] if weights else None,
        exercise_share=profile["exercise_share"],
    )


def forecast(
    goal: Goal | None, start: date, end: date, *, latest: WeighIn | None = None
) -> Forecast | None:
    """The Hall model's weight for each day from `start` to `end`, for a person who eats the
    budget of `goal` every day. The line starts where the person is: at the trend weight of
    `latest`, the last weigh-in, when it is of this goal (on or after its start), else at the
    goal's start weight on its first day. None without a goal, or when the model cannot take
    the person (it is for adults with a plausible body composition)."""
    if goal is None or end < goal.starts_on:
        return None
    from_day, from_kg = goal.starts_on, goal.weight_kg
    if latest is not None and goal.starts_on <= latest.date <= end:
        from_day, from_kg = latest.date, latest.trend_kg
    search_end = from_day + timedelta(days=GOAL_SEARCH_DAYS)
    days = min(max((end - from_day).days, (search_end - from_day).days, 1), MAX_SIMULATED_DAYS)
    age_years = goal.age_years + (from_day - goal.starts_on).days / DAYS_PER_YEAR
    try:
        people = dynamics.baseline(
            goal.sex, age_years, goal.height_cm, from_kg, goal.activity_factor
        )
        change = goal.budget_kcal - float(people.intake_kcal[0])
        weights = [float(kg) for kg in dynamics.simulate(people, days, change).weight_kg[0]]
        weights[0] = from_kg  # the model's day 0, summed from its compartments, can be 1 ulp off
    except InvalidInput:
        return None
    points = [
        (from_day + timedelta(days=offset), weights[offset])
        for offset in range(max((start - from_day).days, 0), min((end - from_day).days, days) + 1)
    ]
    return Forecast(
        goal_start=goal.starts_on,
        start=from_day,
        start_kg=from_kg,
        intake_kcal=goal.budget_kcal,
        points=points,
        target_kg=goal.target_weight_kg,
        reached_on=_reached_on(goal, from_day, weights),
    )


def _reached_on(goal: Goal, from_day: date, weights: list[float]) -> date | None:
    """The first day at or past the goal weight, on the side the goal set out towards."""
    target = goal.target_weight_kg
    if target is None:
        return None
    losing = target <= goal.weight_kg
    for offset, weight in enumerate(weights):
        if (weight <= target) if losing else (weight >= target):
            return from_day + timedelta(days=offset)
    return None


def macro_split(days: list[DayTotals]) -> MacroSplit:
    """Grams of each macro over the days, and each one's share of their calories."""
    grams = {
        "protein": sum(day.protein_g for day in days),
        "carbohydrate": sum(day.carbohydrate_g for day in days),
        "fat": sum(day.fat_g for day in days),
    }
    return MacroSplit(grams=grams, percent=nutrition.energy_shares(grams))


def per_logged_day(days: list[DayTotals], name: str) -> float | None:
    """The mean of `name` over the days with food logged; None when none was. A day nobody
    logged is not a day of fasting, so it is left out rather than counted as zero."""
    logged = [getattr(day, name) for day in days if day.logged]
    return sum(logged) / len(logged) if logged else None


def net_average(days: list[DayTotals]) -> float | None:
    """The net a day: the mean, over the days with food logged, of each day's food less that
    day's exercise. Exercise on a day without food logged has no food to net against, so it is
    left out here (the exercise average still counts it). Not food average - exercise average:
    those two count different days."""
    return per_logged_day(days, "net_kcal")


def _averages(label: str, days: list[DayTotals]) -> Averages:
    exercise = sum(day.exercise_kcal for day in days) / len(days) if days else 0.0
    trends = [day.trend_kg for day in days if day.trend_kg is not None]
    return Averages(
        label=label,
        start=days[0].day,
        end=days[-1].day,
        days=len(days),
        logged_days=sum(1 for day in days if day.logged),
        food_kcal=per_logged_day(days, "food_kcal"),
        exercise_kcal=exercise,
        net_kcal=net_average(days),
        weight_change_kg=trends[-1] - trends[0] if len(trends) >= 2 else None,
    )


def current_streak(days: set[date], today: date) -> int:
    """Consecutive days up to today, or up to yesterday while today is not logged yet."""
    day = today if today in days else today - timedelta(days=1)
    run = 0
    while day in days:
        run += 1
        day -= timedelta(days=1)
    return run


def longest_streak(days: set[date]) -> int:
    """The longest run of consecutive days."""
    longest = 0
    for day in days:
        if day - timedelta(days=1) in days:
            continue  # not the start of a run
        run = 1
        while day + timedelta(days=run) in days:
            run += 1
        longest = max(longest, run)
    return longest


# --- the weekly report -------------------------------------------------------------------------


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def default_week(today: date) -> date:
    """The Monday of the last full week (this week's when today is Sunday)."""
    return monday_of(today) if today.weekday() == 6 else monday_of(today) - timedelta(days=7)


def week_report(user: User, monday: date) -> WeekReport:
    """Monday to Sunday: each day's budget, food, exercise, net, remaining, macros, water and
    weight, with the week's totals and averages. Six queries."""
    start = monday_of(monday)
    end = start + timedelta(days=6)
    profile = _profile(user)
    weights = _all_weigh_ins(user, profile["height_cm"])
    days = daily_totals(user, start, end, weights=weights, exercise_share=profile["exercise_share"])
    logged = [day for day in days if day.logged]
    budgets = [day.budget_kcal for day in days if day.budget_kcal is not None]
    totals = {
        "budget_kcal": sum(budgets),
        "food_kcal": sum(day.food_kcal for day in days),
        "exercise_kcal": sum(day.exercise_kcal for day in days),
        "exercise_counted_kcal": sum(day.exercise_counted_kcal for day in days),
        "net_kcal": sum(day.net_kcal for day in days),
        "remaining_kcal": sum(day.remaining_kcal or 0.0 for day in days),
        "protein_g": sum(day.protein_g for day in days),
        "carbohydrate_g": sum(day.carbohydrate_g for day in days),
        "fat_g": sum(day.fat_g for day in days),
        "water_ml": sum(day.water_ml for day in days),
    }

    averages: dict[str, float | None] = {
        "budget_kcal": sum(budgets) / len(budgets) if budgets else None,
        "food_kcal": per_logged_day(days, "food_kcal"),
        "exercise_kcal": totals["exercise_kcal"] / DAYS_PER_WEEK,
        "exercise_counted_kcal": totals["exercise_counted_kcal"] / DAYS_PER_WEEK,
        "net_kcal": net_average(days),
        "remaining_kcal": (
            sum(day.remaining_kcal or 0.0 for day in logged) / len(logged)
            if logged and budgets
            else None
        ),
        "protein_g": per_logged_day(days, "protein_g"),
        "carbohydrate_g": per_logged_day(days, "carbohydrate_g"),
        "fat_g": per_logged_day(days, "fat_g"),
        "water_ml": totals["water_ml"] / DAYS_PER_WEEK,
    }
    before = [point for point in weights if point.date < start]
    trends = [day.trend_kg for day in days if day.trend_kg is not None]
    first = before[-1].trend_kg if before else (trends[0] if trends else None)
    change = trends[-1] - first if trends and first is not None else None
    return WeekReport(
        start=start,
        end=end,
        days=days,
        water_goal_ml=float(profile["water_goal_ml"]),
        units=profile["units"],
        totals=totals,
        averages=averages,
        logged_days=len(logged),
        weight_change_kg=change,
        exercise_share=profile["exercise_share"],
    )
