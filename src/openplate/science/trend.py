"""The weight trend behind the scale's daily noise.

Trend. An exponentially weighted moving average, as The Hacker's Diet draws it (Walker J. The
Hacker's Diet, 1991, chapter "Signal and Noise"): each day the trend moves a tenth of the way
from yesterday's trend to today's weight,

    trend_today = trend_yesterday + 0.1 × (weight_today − trend_yesterday),

starting from the first weight. People skip days. Across a gap of d days (d ≥ 1) the trend moves

    trend = trend_before + (1 − 0.9^d) × (weight − trend_before),

which is what the daily rule gives if the new weight had been read on each of the d days: the
smoothing per elapsed day stays 0.1, a weigh-in after a week away counts as much as a week of
daily weigh-ins would (1 − 0.9^7 ≈ 0.52), and with d = 1 it is the daily rule itself. Between
weigh-ins the trend is carried unchanged. MacroFactor, Happy Scale and Libra draw the same kind of
line; their constants differ.

All weights are kilograms (any one unit works: the trend is linear in the weights), and days are
whole numbers. (Body-mass index is `openplate.science.energy.bmi`.)
"""

from __future__ import annotations

from collections.abc import Sequence

from openplate.science.errors import InvalidInput
from openplate.science.units import DAYS_PER_WEEK

SMOOTHING_PER_DAY = 0.1  # Walker, The Hacker's Diet: "one tenth of the difference"


def smoothing(days: int, per_day: float = SMOOTHING_PER_DAY) -> float:
    """The share of the gap between weight and trend that `days` elapsed days close:
    1 − (1 − per_day)^days."""
    if days < 1:
        raise InvalidInput("weigh-ins must be on different days, in order")
    if not 0 < per_day <= 1:
        raise InvalidInput("the smoothing factor must be above 0 and at most 1")
    return float(1.0 - (1.0 - per_day) ** days)


def weight_trend(
    days: Sequence[int], weights: Sequence[float], *, per_day: float = SMOOTHING_PER_DAY
) -> list[float]:
    """The trend at each weigh-in, for weigh-ins on strictly increasing `days` (day numbers, such
    as date ordinals) with these `weights`."""
    if len(days) != len(weights):
        raise InvalidInput("give one day for each weight")
    trend: list[float] = []
    for index, (day, weight) in enumerate(zip(days, weights, strict=True)):
        if index == 0:
            trend.append(float(weight))
            continue
        previous = trend[-1]
        trend.append(previous + smoothing(day - days[index - 1], per_day) * (weight - previous))
    return trend


def daily_trend(
    days: Sequence[int], weights: Sequence[float], *, per_day: float = SMOOTHING_PER_DAY
) -> list[tuple[int, float]]:
    """The trend on every day from the first weigh-in to the last, carried across gaps."""
    at_weigh_ins = weight_trend(days, weights, per_day=per_day)
    line: list[tuple[int, float]] = []
    for index, day in enumerate(days):
        if index:
            line.extend(
                (gap_day, at_weigh_ins[index - 1]) for gap_day in range(days[index - 1] + 1, day)
            )
        line.append((day, at_weigh_ins[index]))
    return line


def weekly_rate(days: Sequence[int], trend: Sequence[float]) -> float | None:
    """The trend's change per week between its first and last points (None with one point)."""
    if len(days) < 2 or days[-1] == days[0]:
        return None
    return (trend[-1] - trend[0]) / (days[-1] - days[0]) * DAYS_PER_WEEK
