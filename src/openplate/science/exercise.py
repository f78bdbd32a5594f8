"""Energy spent in exercise, from MET values.

A MET (metabolic equivalent) is a multiple of the resting metabolic rate, taken by convention as
1 kcal per kg of body weight per hour (3.5 ml O2/kg/min). So an activity of m METs done for t
hours by a person of w kg spends m x w x t kcal: the method of the Compendium of Physical
Activities (Ainsworth BE et al., "2011 Compendium of Physical Activities: a second update of codes
and MET values", Med Sci Sports Exerc 2011;43(8):1575-81, "Using the Compendium").

This is the gross energy of the activity, resting energy included, as MyPlate and most trackers
show it.

Intensity: light is below 3 METs, moderate 3 to under 6, vigorous 6 and above (the Compendium's
bands, as in Ainsworth et al. 2011 and the 2018 Physical Activity Guidelines for Americans,
U.S. Department of Health and Human Services, chapter 1).
"""

from __future__ import annotations

import math

from openplate.science.errors import InvalidInput
from openplate.science.units import MINUTES_PER_HOUR

KCAL_PER_KG_PER_HOUR_PER_MET = 1.0
MODERATE_MET = 3.0  # light effort is below this
MET_RANGE = (0.9, 25.0)  # the Compendium's lowest (sleeping, 0.95) to highest (running 14 mph, 23)


def met_kcal(met: float, weight_kg: float, minutes: float) -> float:
    """kcal spent doing an activity of `met` METs for `minutes` at `weight_kg` kg of body weight."""
    for name, value in (("MET", met), ("body weight", weight_kg), ("minutes", minutes)):
        if not math.isfinite(value) or value < 0:
            raise InvalidInput(f"{name} must be a number of at least 0 (got {value!r})")
    return met * KCAL_PER_KG_PER_HOUR_PER_MET * weight_kg * minutes / MINUTES_PER_HOUR
