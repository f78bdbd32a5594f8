"""What the progress page's charts draw, as plain data for `json_script`, and the sentences that
say the same to someone who cannot see the charts. Weights are in the person's units."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from openplate.accounts.models import Profile
from openplate.progress.period import Progress
from openplate.science import units

MACRO_LABELS = {"protein": "Protein", "carbohydrate": "Carbohydrate", "fat": "Fat"}


def weight_unit(profile_units: str) -> str:
    return "kg" if profile_units == Profile.Units.METRIC else "lb"


def in_unit(kg: float | None, unit: str) -> float | None:
    """`kg` in `unit` (lb or kg), to a hundredth; None stays None."""
    if kg is None:
        return None
    return round(units.lb_from_kg(kg) if unit == "lb" else kg, 2)


def chart_data(data: Progress) -> dict[str, Any]:
    unit = weight_unit(data.units)
    last = data.end
    if data.forecast is not None and data.forecast.points:
        last = max(last, data.forecast.points[-1][0])
    weight_days = [data.start + timedelta(days=n) for n in range((last - data.start).days + 1)]
    by_day = {day.day: day for day in data.days}
    forecast = dict(data.forecast.points) if data.forecast else {}
    target = in_unit(data.target_weight_kg, unit)
    return {
        "unit": unit,
        "weight": {
            "labels": [day.isoformat() for day in weight_days],
            "weight": [_weight(by_day, day, unit) for day in weight_days],
            "trend": [
                in_unit(by_day[day].trend_kg, unit) if day in by_day else None
                for day in weight_days
            ],
            "forecast": [in_unit(forecast.get(day), unit) for day in weight_days],
            "goal": [target] * len(weight_days) if target is not None else [],
        },
        "calories": {
            "labels": [day.day.isoformat() for day in data.days],
            "eaten": [round(day.food_kcal) for day in data.days],
            "budget": [
                None if day.budget_kcal is None else round(day.budget_kcal) for day in data.days
            ],
            "exercise": [round(day.exercise_kcal) for day in data.days],
        },
        "macros": {
            "labels": [MACRO_LABELS[name] for name in data.macros.grams],
            "grams": [round(grams) for grams in data.macros.grams.values()],
            "percent": [round(share) for share in data.macros.percent.values()],
        },
    }


def _weight(by_day: dict[date, Any], day: date, unit: str) -> float | None:
    totals = by_day.get(day)
    return in_unit(totals.weight_kg, unit) if totals is not None else None


def weight_summary(data: Progress) -> str:
    unit = weight_unit(data.units)
    points = data.weigh_ins
    if not points:
        return "No weigh-ins in this period yet."
    first, last = points[0], points[-1]
    if len(points) == 1:
        text = f"1 weigh-in, on {last.date:%b %-d}: {_mass(last.weight_kg, unit)}."
    else:
        text = (
            f"{len(points)} weigh-ins from {first.date:%b %-d} to {last.date:%b %-d}: "
            f"{_trend_change(first.trend_kg, last.trend_kg, unit)}; the last weigh-in was "
            f"{_mass(last.weight_kg, unit)}."
        )
    if data.target_weight_kg is not None:
        text += f" Goal weight: {_mass(data.target_weight_kg, unit)}."
    if data.forecast is not None and data.forecast.points:
        day, kg = data.forecast.points[-1]
        text += f" Forecast for {day:%b %-d}: {_mass(kg, unit)}."
    return text


def _trend_change(first_kg: float, last_kg: float, unit: str) -> str:
    """How the trend moved, as shown: a change that rounds to nothing held steady."""
    change = last_kg - first_kg
    if _mass(abs(change), unit) == _mass(0.0, unit):
        return f"the trend held steady at {_mass(last_kg, unit)}"
    direction = "down" if change < 0 else "up"
    return (
        f"the trend went {direction} {_mass(abs(change), unit)}, from {_mass(first_kg, unit)} "
        f"to {_mass(last_kg, unit)}"
    )


def calories_summary(data: Progress) -> str:
    logged = [day for day in data.days if day.logged]
    if not logged:
        return "No food logged in this period yet."
    eaten = sum(day.food_kcal for day in logged) / len(logged)
    text = (
        f"Food logged on {len(logged)} of {len(data.days)} days, {eaten:,.0f} kcal a day on average"
    )
    budgets = [day.budget_kcal for day in logged if day.budget_kcal is not None]
    if budgets:
        under = sum(
            1 for day in logged if day.remaining_kcal is not None and day.remaining_kcal >= 0
        )
        text += (
            f" against a budget of {sum(budgets) / len(budgets):,.0f} kcal; within the budget on "
            f"{under} of them"
        )
    return text + "."


def macros_summary(data: Progress) -> str:
    if not any(data.macros.grams.values()):
        return "No macros logged in this period yet."
    parts = [
        f"{MACRO_LABELS[name].lower()} {data.macros.percent[name]:.0f} %"
        for name in data.macros.grams
    ]
    return "Calories from " + ", ".join(parts[:-1]) + f" and {parts[-1]}."


def _mass(kg: float, unit: str) -> str:
    return units.format_mass(kg, "imperial" if unit == "lb" else "metric")
