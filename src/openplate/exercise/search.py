"""Finding an activity in the Compendium as a person types: the plain, common activity first.

The Compendium has 821 codes, many of them variations ("running, on a track, team practice"),
so a search that lists matches alphabetically buries "jogging, general". The rules, in order:

1. Every word typed must start a word of the activity (its heading or description): "run"
   finds "running", "walk" finds "walking" but not "sidewalk". A few everyday words stand
   for the Compendium's own ("cycling" and "bike" for "bicycling"), and a 5-digit code finds
   its activity.
2. Activities whose heading holds every word come first: "running" lists the Compendium's
   running heading before "walking/running, playing with children".
3. Then the everyday exercise most people log (EVERYDAY below: walking at a moderate or brisk
   pace, jogging, running at 5 and 6 mph, bicycling, swimming laps...), in that order.
4. Then descriptions that start with the first word typed ("running, 5 mph" for "running").
5. Then the Compendium's plain entry for an activity, "<activity>, general" ("tennis, general").
6. Then those with fewer qualifiers (fewer commas), so "running, on a track, team practice"
   comes after "running, 5.2 mph (11.5 min/mile)".
7. Then the Compendium's own order, its codes, which runs from slow to fast and from general to
   particular within a heading.

All of this is done in Python over at most the 821 rows of the table: it is fast enough (a few
milliseconds) and easy to read.
"""

from __future__ import annotations

import re

from django.db.models import Q

from openplate.exercise.models import Activity

CODE = re.compile(r"\d{5}")
WORD = re.compile(r"[a-z0-9]+")
PLAIN = re.compile(r"[^,]+, general")
# The Compendium's codes for the exercise people log most, as the big trackers list it first.
EVERYDAY = (
    "17190",  # walking, 2.8 to 3.2 mph, level, moderate pace, firm surface
    "17200",  # walking, 3.5 mph, level, brisk, firm surface, walking for exercise
    "12020",  # jogging, general
    "12030",  # running, 5 mph (12 min/mile)
    "12050",  # running, 6 mph (10 min/mile)
    "01015",  # bicycling, general
    "02010",  # bicycling, stationary, general
    "18240",  # swimming laps, freestyle, front crawl, slow, light or moderate effort
    "18310",  # swimming, leisurely, not lap swimming, general
    "02048",  # Elliptical trainer, moderate effort
    "02054",  # resistance (weight) training, multiple exercises, 8-15 repetitions
    "02071",  # rowing, stationary, general, moderate effort
    "02150",  # yoga, Hatha
    "03015",  # aerobic, general
)
_EVERYDAY_RANK = {code: rank for rank, code in enumerate(EVERYDAY)}
# Words people type for which the Compendium uses another: each typed word also matches these.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "cycling": ("bicycling",),
    "cycle": ("bicycling",),
    "bike": ("bicycling",),
    "biking": ("bicycling",),
    "lifting": ("weight", "resistance"),
    "weights": ("weight", "resistance"),
    "hike": ("hiking",),
}


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased: "Walking/running, 5 mph" -> walking, running, 5, mph."""
    return WORD.findall(text.lower())


def search_activities(query: str, *, limit: int = 30) -> list[Activity]:
    """Activities matching every word of `query`, the plain, common one first (see above)."""
    typed = words(query)
    if not typed:
        return []
    if CODE.fullmatch(query.strip()):
        return list(Activity.objects.filter(code=query.strip()))
    candidates = Activity.objects.all()
    for word in typed:
        # A first cut in the database (a substring anywhere); `_matches` then asks for a word
        # start.
        either = Q()
        for form in _forms(word):
            either |= Q(description__icontains=form) | Q(heading__icontains=form)
        candidates = candidates.filter(either)
    found = [activity for activity in candidates if _matches(typed, _all_words(activity))]
    found.sort(key=lambda activity: _rank(typed, activity))
    return found[:limit]


def _forms(word: str) -> tuple[str, ...]:
    return (word, *SYNONYMS.get(word, ()))


def _starts_a_word(word: str, text_words: list[str]) -> bool:
    return any(text_word.startswith(form) for form in _forms(word) for text_word in text_words)


def _matches(typed: list[str], text_words: list[str]) -> bool:
    return all(_starts_a_word(word, text_words) for word in typed)


def _all_words(activity: Activity) -> list[str]:
    return words(f"{activity.heading} {activity.description}")


def _rank(typed: list[str], activity: Activity) -> tuple[int, int, int, int, int, str]:
    description = words(activity.description)
    in_heading = _matches(typed, words(activity.heading))
    starts = bool(description) and _starts_a_word(typed[0], description[:1])
    return (
        0 if in_heading else 1,
        _EVERYDAY_RANK.get(activity.code, len(EVERYDAY)),
        0 if starts else 1,
        0 if PLAIN.fullmatch(activity.description) else 1,
        activity.description.count(","),
        activity.code,
    )
