"""When a guide is worth offering: the diary day page and the API ask `offered_guides`.

The sore-legs guide is offered on the day of a leg-heavy exercise and on the day after, when the
soreness (delayed-onset muscle soreness) sets in. An exercise is leg-heavy when

* its Compendium activity is under a heading that is all leg work ("running", "bicycling"), or
* its name, or its activity's heading or description, holds one of `LEG_HEAVY_WORDS` as whole
  words ("Squats", "jogging, general", "hiking, cross country", "skiing, downhill"),

unless it also names `NOT_LEGS` ("upper body exercise, stationary bicycle - Airdyne (arms
only)", "coaching, football, soccer...", "table tennis") or its MET value is below
`LIGHT_MET`: light effort ("fishing, jog or line, standing", 1.8 METs) does not make legs sore.
Whole words, so that "running" counts but "Sprinkle" never matches "sprint".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from openplate.exercise.models import ExerciseEntry
from openplate.guides.articles import Guide, guide
from openplate.science.exercise import MODERATE_MET

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SORE_LEGS = "sore-legs"
DAYS_OF_SORENESS = 2  # the day of the exercise and the day after: DOMS peaks at 24-72 hours

# Light effort, below moderate, does not make legs sore.
LIGHT_MET = MODERATE_MET

# Compendium of Physical Activities (2011) headings whose every activity works the legs hard.
LEG_HEAVY_HEADINGS = frozenset({"running", "bicycling"})

# Words, as whole words and in any case, that name leg-heavy exercise: endurance on the legs,
# field and court sports of running and jumping, snow and ice sports, climbing, and the
# strength exercises of the legs. Plural and -ing forms are spelled out.
LEG_HEAVY_WORDS = (
    # running and walking hard
    r"runs?|running|jog|jogs|jogging|sprints?|sprinting|marathons?|triathlon|parkrun",
    r"hik(?:e|es|ing)|backpacking|trekking|uphill|downhill|climbing hills|hills?",
    r"stairs?|stair climbing|stairmaster|upstairs|step aerobics|step-ups?|race walking",
    # on wheels, skates and skis
    r"bik(?:e|es|ing)|bicycl(?:e|es|ing)|cycling|spin class|elliptical",
    r"ski|skis|skiing|snowboarding|skat(?:e|es|ing)|snow ?shoeing|rollerblading",
    # sports of running and jumping
    r"football|soccer|rugby|basketball|volleyball|netball|handball|lacrosse|hockey",
    r"tennis|squash|badminton|racquetball",
    r"jump(?:ing)? rope|rope (?:skipping|jumping)|skipping|jumping jacks|plyometrics?|box jumps?",
    # the legs' strength exercises
    r"squats?|lunges?|leg press|leg day|deadlifts?|calf raises?|leg extensions?|leg curls?",
    r"hamstring curls?|hip thrusts?|glute bridges?|wall sits?|pistol squats?",
)
# Words that say the legs are not what works: the arms alone, someone else playing, a seat.
NOT_LEGS = (
    r"arms only|upper body|arm ergometer|wheelchair|coaching|referee|umpire|watching|"
    r"passenger|driving|table tennis|ping pong|playing catch"
)

_LEG_HEAVY = re.compile(r"\b(?:" + "|".join(LEG_HEAVY_WORDS) + r")\b", re.IGNORECASE)
_NOT_LEGS = re.compile(r"\b(?:" + NOT_LEGS + r")\b", re.IGNORECASE)


def offered_guides(user: User, day: date) -> list[Guide]:
    """The guides worth offering `user` on `day`, in one database query."""
    exercise = ExerciseEntry.objects.filter(user=user, date__range=soreness_days(day))
    return offered_after(exercise.select_related("activity"))


def soreness_days(day: date) -> tuple[date, date]:
    """The first and last day whose exercise can make the legs sore on `day`."""
    return day - timedelta(days=DAYS_OF_SORENESS - 1), day


def offered_after(exercise: Iterable[ExerciseEntry]) -> list[Guide]:
    """The guides worth offering after `exercise`, the entries of `soreness_days` (with their
    activities loaded), for a page that has read them already."""
    offered = []
    if any(_leg_heavy_entry(entry) for entry in exercise):
        sore_legs = guide(SORE_LEGS)
        if sore_legs is not None:
            offered.append(sore_legs)
    return offered


def _leg_heavy_entry(entry: ExerciseEntry) -> bool:
    activity = entry.activity
    if activity is None:
        return is_leg_heavy(entry.name, met=entry.met)
    return is_leg_heavy(entry.name, activity.heading, activity.description, entry.met)


def is_leg_heavy(
    name: str,
    heading: str | None = None,
    description: str | None = None,
    met: float | None = None,
) -> bool:
    """Whether an exercise by `name` (with its Compendium heading and description if it has an
    activity, and its MET value if known) works the legs hard enough to make them sore."""
    if met is not None and met < LIGHT_MET:
        return False
    if (heading or "").lower() in LEG_HEAVY_HEADINGS:
        return True
    text = " · ".join(part for part in (name, heading, description) if part)
    return not _NOT_LEGS.search(text) and bool(_LEG_HEAVY.search(text))
