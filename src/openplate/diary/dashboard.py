"""The top of the diary day: how much of the budget is used, as a ring, and the one next thing
worth doing, so the day reads at a glance before any list."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from openplate.body.services import WaterCard
from openplate.diary.services import DaySummary

RING_RADIUS = 52
RING_CIRCUMFERENCE = 2 * math.pi * RING_RADIUS
WEIGH_IN_EVERY_DAYS = 7  # a week without a weigh-in leaves the trend and the forecast stale


@dataclass(frozen=True)
class BudgetRing:
    """The share of the day's allowance (budget plus exercise) eaten, drawn as an arc."""

    used: float  # 0 to 1, capped
    over: bool

    @property
    def percent(self) -> int:
        return round(self.used * 100)

    @property
    def dash_offset(self) -> float:
        return round(RING_CIRCUMFERENCE * (1 - self.used), 2)

    @property
    def circumference(self) -> float:
        return round(RING_CIRCUMFERENCE, 2)


def budget_ring(summary: DaySummary) -> BudgetRing | None:
    if summary.budget_kcal is None or summary.remaining_kcal is None:
        return None
    allowance = summary.food_kcal + summary.remaining_kcal
    if allowance <= 0:
        return BudgetRing(used=1.0, over=True)
    return BudgetRing(used=min(summary.food_kcal / allowance, 1.0), over=summary.remaining_kcal < 0)


@dataclass(frozen=True)
class NextStep:
    text: str
    link_text: str = ""
    url: str = ""


def next_step(
    summary: DaySummary,
    *,
    today: date,
    meal_now: tuple[str, str],
    logged_meals: set[str],
    water: WaterCard,
    last_weigh_in: date | None,
) -> NextStep:
    """The first of: set a goal, log the meal of this hour, weigh in after a week, drink water,
    or how much is left. Only today asks for logging; another day just reads its numbers."""
    day = summary.day
    if summary.budget_kcal is None:
        goal = reverse("accounts:goal")
        return NextStep("Set your goal to get a daily calorie budget.", "Set your goal", goal)
    remaining = summary.remaining_kcal or 0
    if day == today:
        key, label = meal_now
        if key not in logged_meals:
            return NextStep(
                f"Nothing logged for {label.lower()} yet.",
                f"Add {label.lower()}",
                reverse("diary:add", args=[day]) + f"?meal={key}",
            )
        if last_weigh_in is None or (today - last_weigh_in).days >= WEIGH_IN_EVERY_DAYS:
            since = "No weigh-in yet" if last_weigh_in is None else "A week since your weigh-in"
            return NextStep(
                f"{since}: a weigh-in keeps your trend honest.",
                "Weigh in",
                reverse("progress:overview") + "#weigh-in-form",
            )
        if water.entries == 0:
            return NextStep("No water logged today.", "Add water", "#water-card")
    if remaining < 0:
        return NextStep(f"{-remaining:,.0f} kcal over the budget. One day over is no harm done.")
    return NextStep(f"{remaining:,.0f} kcal left{' today' if day == today else ''}.")
