"""A person's energy expenditure, estimated from their own diary and weigh-ins
(`openplate.science.expenditure`, docs/coaching.md).

The window is a run of consecutive days ending on the person's today, where they live: eight
weeks unless asked otherwise, never more than `MAX_WINDOW_DAYS`, so the cost does not grow with
years of data. It starts on its first day with anything logged, weighed or marked, so a person
who began three weeks ago sees three weeks. Four queries, one a table: the day's calories (diary
entries summed per day and meal), the weigh-ins, the marks on days and the profile. A day
without any food logged is unknown, not zero, unless the person marked it fasted; a day without
one of the meals the person usually logs tells the estimate so (`usual_meals`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from openplate.accounts.goals import age_on
from openplate.accounts.models import Profile
from openplate.accounts.profile import profile_of, today_for
from openplate.body.services import weights_between
from openplate.coach.dated import DEFAULT_BAND, DatedEstimate, estimate_from, status_of
from openplate.core.checks import FieldErrors, raise_errors
from openplate.core.dates import day_problem
from openplate.diary.marks import marks_between
from openplate.diary.services import daily_meal_kcal
from openplate.science import energy
from openplate.science.energy import Sex
from openplate.science.expenditure import LoggedDay, PersonPrior

if TYPE_CHECKING:
    from django.contrib.auth.models import User

DEFAULT_WINDOW_DAYS = 8 * 7
MIN_WINDOW_DAYS = 7  # the headline is the mean of the last 7 days
MAX_WINDOW_DAYS = 366
SEXES = frozenset(sex.value for sex in Sex)
# A meal is one of the person's usual ones when they log it on three days in four they log food
# at all, counted once they have logged a week: then a day without it may be missing it.
USUAL_MEAL_SHARE = 0.75
MIN_DAYS_FOR_USUAL_MEALS = 7


@dataclass(frozen=True)
class Window:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def window_for(user: User, *, end: date | None = None, days: int | None = None) -> Window:
    """The days to read: `days` (eight weeks by default) ending on `end` (the person's today by
    default). Raises ValidationError naming `end` or `days` when either is out of range."""
    errors: FieldErrors = {}
    end = end or today_for(user)
    days = DEFAULT_WINDOW_DAYS if days is None else days
    if problem := day_problem(end):
        errors["end"] = [problem]
    if isinstance(days, bool) or not isinstance(days, int):
        errors["days"] = ["Give a whole number of days."]
    elif not MIN_WINDOW_DAYS <= days <= MAX_WINDOW_DAYS:
        errors["days"] = [f"Choose from {MIN_WINDOW_DAYS} to {MAX_WINDOW_DAYS} days."]
    raise_errors(errors)
    return Window(end - timedelta(days=days - 1), end)


def logged_days(user: User, window: Window) -> list[LoggedDay]:
    """Every day of `window`, in order: its calories logged, its weigh-in, its mark, and how
    many of the person's usual meals it has nothing in."""
    meals = daily_meal_kcal(user, window.start, window.end)
    weights = weights_between(user, window.start, window.end)
    marks = marks_between(user, window.start, window.end)
    usual = usual_meals(meals.values())
    days = []
    for offset in range(window.days):
        day = window.start + timedelta(days=offset)
        logged = meals.get(day)
        days.append(
            LoggedDay(
                sum(logged.values()) if logged else None,
                weights.get(day),
                status_of(marks.get(day)),
                meals_missing=len(usual - logged.keys()) if logged else 0,
            )
        )
    return days


def usual_meals(days: Iterable[Mapping[str, float]]) -> frozenset[str]:
    """The meals the person logs on most days they log (`USUAL_MEAL_SHARE` of them, once there
    are `MIN_DAYS_FOR_USUAL_MEALS`): a day without one of them may be missing it."""
    days = list(days)
    if len(days) < MIN_DAYS_FOR_USUAL_MEALS:
        return frozenset()
    counts = Counter(meal for meals in days for meal in meals)
    return frozenset(
        meal for meal, count in counts.items() if count >= USUAL_MEAL_SHARE * len(days)
    )


def person_prior(profile: Profile | None, on: date) -> PersonPrior:
    """What the profile says of the person on `on`: sex, age, height and activity level. Before
    the first goal there is no profile, and the estimate leans on the log alone."""
    if profile is None:
        return PersonPrior()
    level = energy.ACTIVITY_LEVELS.get(profile.activity)
    low_age, high_age = energy.ADULT_AGE_RANGE_YEARS
    age = age_on(profile.birth_date, on)
    return PersonPrior(
        sex=Sex(profile.sex) if profile.sex in SEXES else None,
        age_years=age if low_age <= age <= high_age else None,
        height_cm=profile.height_cm,
        activity_factor=level.factor if level else None,
    )


def expenditure_of(
    user: User,
    *,
    end: date | None = None,
    days: int | None = None,
    band: float = DEFAULT_BAND,
    profile: Profile | None = None,
) -> DatedEstimate:
    """The person's expenditure over the window (`window_for`); their profile is read unless
    given. Raises ValidationError for a window out of range, and InvalidInput when there is
    too little to go on."""
    window = window_for(user, end=end, days=days)
    profile = profile or profile_of(user)
    start, logged = from_first_news(window.start, logged_days(user, window))
    return estimate_from(start, logged, person_prior(profile, window.end), band=band)


def from_first_news(start: date, days: list[LoggedDay]) -> tuple[date, list[LoggedDay]]:
    """The days from the first with anything logged, weighed or marked: the weeks before a
    person began say nothing of them, and an estimate drawn over them would look made up."""
    first = next((index for index, day in enumerate(days) if day != LoggedDay(None, None)), 0)
    return start + timedelta(days=first), days[first:]
