"""The expenditure estimate with its days named by date, and as the JSON the command line and
the API both give. Pure: no database, so `openplate expenditure FILE.csv` starts fast.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from openplate.science.expenditure import (
    DayEstimate,
    DayStatus,
    ExpenditureEstimate,
    LoggedDay,
    PersonPrior,
    estimate_expenditure,
)

DEFAULT_BAND = 0.8


@dataclass(frozen=True)
class DatedDay:
    """One day: what was logged and weighed, the person's word on it, and its estimate."""

    day: date
    logged: LoggedDay
    estimate: DayEstimate


@dataclass(frozen=True)
class DatedEstimate:
    start: date
    end: date
    estimate: ExpenditureEstimate
    days: tuple[DatedDay, ...]

    @property
    def incomplete_days(self) -> list[date]:
        return [self.days[index].day for index in self.estimate.incomplete_days]

    def as_json(self) -> dict[str, Any]:
        estimate = self.estimate
        return {
            "expenditure_kcal": round(estimate.expenditure_kcal),
            "low_kcal": round(estimate.low_kcal),
            "high_kcal": round(estimate.high_kcal),
            "band": estimate.band,
            "trend_weight_kg": round(estimate.trend_weight_kg, 2),
            "incomplete_days": [day.isoformat() for day in self.incomplete_days],
            "days_used": estimate.days_used,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": [_day_json(day) for day in self.days],
        }


def estimate_from(
    start: date,
    days: Sequence[LoggedDay],
    person: PersonPrior | None = None,
    *,
    band: float = DEFAULT_BAND,
) -> DatedEstimate:
    """The estimate of `days`, consecutive calendar days from `start`. Raises InvalidInput when
    there is too little to go on (no weigh-in, no day logged)."""
    estimate = estimate_expenditure(days, person, band=band)
    dated = tuple(
        DatedDay(start + timedelta(days=offset), logged, day_estimate)
        for offset, (logged, day_estimate) in enumerate(zip(days, estimate.days, strict=True))
    )
    return DatedEstimate(
        start=start, end=start + timedelta(days=len(days) - 1), estimate=estimate, days=dated
    )


def _day_json(day: DatedDay) -> dict[str, Any]:
    logged, estimate = day.logged, day.estimate
    return {
        "date": day.day.isoformat(),
        "intake_kcal": None if logged.intake_kcal is None else round(logged.intake_kcal),
        "weight_kg": logged.weight_kg,
        "status": str(logged.status),
        "expenditure_kcal": round(estimate.expenditure_kcal),
        "low_kcal": round(estimate.low_kcal),
        "high_kcal": round(estimate.high_kcal),
        "trend_weight_kg": round(estimate.trend_weight_kg, 2),
        "incomplete": estimate.incomplete,
        "used": estimate.used,
    }


def status_of(mark: str | None) -> DayStatus:
    """A day mark's status ("fasted") as the estimator's; a day without a mark is AUTO."""
    return DayStatus(mark) if mark else DayStatus.AUTO
