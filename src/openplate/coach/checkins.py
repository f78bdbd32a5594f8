"""The weekly check-in: the week in the person's own numbers, and a budget that keeps their rate.

On the day of the week the person chose (`Account.check_in_weekday`), and on the days after it
until the next one if they had not come by, a check-in is due when none was made that week. It
reads the eight weeks up to yesterday (today's log is still being written) through
`openplate.coach.expenditure`, and keeps, as they were that day:

- the trend weight and its change since the last check-in (over the week before the first);
- the estimated expenditure in logged calories, and its band;
- how complete the week's logging was: days with food logged of the last 7, and days the
  estimate found incomplete;
- the proposed budget: the expenditure plus the chosen rate's daily change, held inside the safe
  range (`openplate.science.safety`), with the reasons when it is held back;
- the Hall model's forecast at that budget (`openplate.science.dynamics`): the weight in 4 and
  12 weeks, and the dates the goal weight is reached when expenditure is at the low and the high
  end of its band.

Nothing changes until the person answers: `accept` starts a goal today with the proposed budget
(`accounts.goals.adopt_budget`), `keep` leaves the budget as it is. Only the current week's
check-in can be answered, and only while the goal it was made for is still the one in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from openplate.accounts.goals import adopt_budget, age_on, goal_on
from openplate.accounts.models import Account, Goal, Profile, Weekday
from openplate.accounts.profile import profile_of, today_for
from openplate.coach.dated import DatedDay, DatedEstimate
from openplate.coach.expenditure import expenditure_of
from openplate.coach.models import CheckIn
from openplate.science import dynamics, energy, safety
from openplate.science.energy import Sex
from openplate.science.errors import InvalidInput
from openplate.science.expenditure import (
    TYPICAL_LOGGING_FACTOR,
    DayStatus,
)
from openplate.science.goals import LifeStage
from openplate.science.units import DAYS_PER_WEEK

if TYPE_CHECKING:
    from django.contrib.auth.models import User

WEEK = DAYS_PER_WEEK
FORECAST_WEEKS = (4, 12)
RUN_IN_DAYS = 4 * 7  # the weeks the forecast lives before today (see `forecast_for`)
TARGET_SEARCH_DAYS = 3 * 365  # how far ahead the forecast looks for the goal weight
MIN_DAYS_LOGGED = 7  # in the eight weeks read: a week's worth of food
MIN_WEIGH_INS = 2


class NotReady(Exception):
    """Why no check-in can be made yet, in a sentence the person reads."""


def check_in_weekday(user: User) -> int:
    """The person's check-in day, 0 Monday to 6 Sunday (Monday without an account row)."""
    try:
        return int(user.account.check_in_weekday)
    except ObjectDoesNotExist:
        return int(Weekday.MONDAY)


def set_check_in_weekday(user: User, weekday: object) -> int:
    """Check in on `weekday` (0 Monday to 6 Sunday) from now on. Raises ValidationError naming
    `check_in_weekday` for anything else."""
    if isinstance(weekday, bool) or weekday not in Weekday.values:
        raise ValidationError({"check_in_weekday": ["Choose a day of the week."]})
    account, _ = Account.objects.update_or_create(user=user, defaults={"check_in_weekday": weekday})
    user.account = account
    return int(account.check_in_weekday)


def next_check_in_day(user: User, today: date) -> date:
    """The first day of the next check-in week."""
    return week_start(user, today) + timedelta(days=WEEK)


def week_start(user: User, today: date) -> date:
    """The latest check-in day on or before `today`: the check-in week `today` is in."""
    return today - timedelta(days=(today.weekday() - check_in_weekday(user)) % WEEK)


def this_weeks_check_in(user: User, today: date) -> CheckIn | None:
    return CheckIn.objects.filter(
        user=user, date__gte=week_start(user, today), date__lte=today
    ).first()


@dataclass(frozen=True)
class ThisWeek:
    """This week's check-in, made now if it was due; or why none could be made."""

    check_in: CheckIn | None
    not_ready: str | None = None


def this_week(user: User, today: date) -> ThisWeek:
    existing = this_weeks_check_in(user, today)
    if existing is not None:
        return ThisWeek(existing)
    try:
        return ThisWeek(make_check_in(user, today))
    except NotReady as reason:
        return ThisWeek(None, str(reason))


def due_check_in(user: User, today: date) -> CheckIn | None:
    """The check-in waiting for the person's answer this week: made now when it is due (none
    made yet this week) and there is enough to go on. None when there is nothing to answer."""
    existing = this_weeks_check_in(user, today)
    if existing is not None:
        return existing if existing.decision == CheckIn.Decision.PENDING else None
    try:
        return make_check_in(user, today)
    except NotReady:
        return None


def past_check_ins(user: User) -> list[CheckIn]:
    """Every check-in of the person, newest first."""
    return list(CheckIn.objects.filter(user=user).order_by("-date"))


def can_answer(check_in: CheckIn, today: date) -> bool:
    """Whether `check_in` still waits for an answer: pending, and of the current week."""
    return check_in.decision == CheckIn.Decision.PENDING and check_in.date >= week_start(
        check_in.user, today
    )


def make_check_in(user: User, today: date) -> CheckIn:
    """This week's check-in, made from the eight weeks up to yesterday. Raises NotReady saying
    why when there is no goal, or too little logged or weighed to go on."""
    goal = goal_on(user, today)
    profile = profile_of(user)
    if goal is None or profile is None:
        raise NotReady("Set your goal first: the check-in proposes a budget for it.")
    dated = _estimate(user, today - timedelta(days=1), profile)
    estimate = dated.estimate
    since, change = _trend_change(user, dated, today)
    proposal = proposal_for(
        goal, profile, estimate.expenditure_kcal, estimate.trend_weight_kg, estimate.kcal_per_kg
    )
    forecast = forecast_for(goal, profile, dated, proposal.budget_kcal, start=today)
    week = dated.days[-WEEK:]
    check_in = CheckIn(
        user=user,
        date=today,
        goal=goal,
        trend_weight_kg=estimate.trend_weight_kg,
        trend_change_kg=change,
        change_since=since,
        expenditure_kcal=estimate.expenditure_kcal,
        expenditure_low_kcal=estimate.low_kcal,
        expenditure_high_kcal=estimate.high_kcal,
        band=estimate.band,
        days_logged=sum(_logged(day.logged.intake_kcal, day.logged.status) for day in week),
        days_incomplete=sum(day.estimate.incomplete for day in week),
        rate_kg_per_week=goal.rate_kg_per_week,
        current_budget_kcal=goal.budget_kcal,
        unconstrained_budget_kcal=proposal.unconstrained_kcal,
        proposed_budget_kcal=proposal.budget_kcal,
        kcal_per_kg=proposal.kcal_per_kg,
        limits=[str(limit) for limit in proposal.bound],
        held_back=list(proposal.reasons),
        notes=list(proposal.notes),
        forecast_4_weeks_kg=forecast.weeks_kg.get(4),
        forecast_12_weeks_kg=forecast.weeks_kg.get(12),
        target_weight_kg=goal.target_weight_kg,
        target_earliest=forecast.target_earliest,
        target_latest=forecast.target_latest,
    )
    try:
        with transaction.atomic():
            check_in.save()
    except IntegrityError:  # made by a request that came at the same time
        return CheckIn.objects.get(user=user, date=today)
    return check_in


def _estimate(user: User, end: date, profile: Profile) -> DatedEstimate:
    try:
        dated = expenditure_of(user, end=end, profile=profile)
    except (InvalidInput, ValidationError):
        dated = None
    logged = weighed = 0
    if dated is not None:
        logged = sum(_logged(day.logged.intake_kcal, day.logged.status) for day in dated.days)
        weighed = sum(day.logged.weight_kg is not None for day in dated.days)
    if dated is None or logged < MIN_DAYS_LOGGED or weighed < MIN_WEIGH_INS:
        raise NotReady(
            f"A check-in needs at least {MIN_DAYS_LOGGED} days of food logged and "
            f"{MIN_WEIGH_INS} weigh-ins in the last eight weeks; so far {logged} "
            f"{'day' if logged == 1 else 'days'} and {weighed} "
            f"{'weigh-in' if weighed == 1 else 'weigh-ins'}."
        )
    return dated


def _logged(intake_kcal: float | None, status: DayStatus) -> bool:
    if status is DayStatus.FASTED:
        return True
    return intake_kcal is not None and status is not DayStatus.EXCLUDED


def _trend_change(user: User, dated: DatedEstimate, today: date) -> tuple[date, float]:
    """The trend's change since the last check-in, or over the week before the first."""
    trend = dated.estimate.trend_weight_kg
    last = CheckIn.objects.filter(user=user, date__lt=today).order_by("-date").first()
    if last is not None:
        return last.date, trend - last.trend_weight_kg
    week_before = dated.days[-WEEK - 1] if len(dated.days) > WEEK else dated.days[0]
    return week_before.day, trend - week_before.estimate.trend_weight_kg


def proposal_for(
    goal: Goal, profile: Profile, expenditure_kcal: float, weight_kg: float, kcal_per_kg: float
) -> safety.SafeProposal:
    """The budget that keeps the goal's rate from `expenditure_kcal`, inside the safe range,
    its rate turned into calories at `kcal_per_kg` (logged kcal per kg, the density the
    expenditure estimate used)."""
    return safety.propose_budget(
        expenditure_kcal,
        goal.rate_kg_per_week,
        weight_kg,
        Sex(goal.sex),
        life_stage=LifeStage(profile.life_stage),
        bmi=energy.bmi(weight_kg, profile.height_cm).value,
        units="metric" if profile.units == Profile.Units.METRIC else "imperial",
        kcal_per_kg=kcal_per_kg,
    )


@dataclass(frozen=True)
class Forecast:
    weeks_kg: dict[int, float]  # weeks ahead: the weight then
    target_earliest: date | None  # the goal weight reached, expenditure at the band's high end
    target_latest: date | None  # ... at its low end; None when not within three years


def forecast_for(
    goal: Goal, profile: Profile, dated: DatedEstimate, budget_kcal: float, *, start: date
) -> Forecast:
    """The Hall model from the trend weight on `start`, eating `budget_kcal` every day.

    The person is not at a steady weight when they check in, so the model first lives the last
    four weeks at their mean logged intake (its glycogen, water and adaptive thermogenesis then
    match the weeks behind them) and then eats the budget; the line is moved to start at today's
    trend weight. Budget and intake are logged calories, like the expenditure, and the model's
    are true ones: their changes from the expenditure are divided by the estimator's typical
    logging factor. Three people are simulated, expenditure at its estimate and at the low and
    the high end of its band; the goal dates come from the two ends. Empty when the model cannot
    take the person (it is for adults with a plausible body composition)."""
    estimate = dated.estimate
    run_in = dated.days[-RUN_IN_DAYS:]
    eaten = [_intake_used(day) for day in run_in if day.estimate.used]
    ahead = TARGET_SEARCH_DAYS if goal.target_weight_kg is not None else max(FORECAST_WEEKS) * WEEK
    expenditures = [estimate.expenditure_kcal, estimate.high_kcal, estimate.low_kcal]
    intake = sum(eaten) / len(eaten) if eaten else estimate.expenditure_kcal
    schedule = [
        [(intake - kcal) / TYPICAL_LOGGING_FACTOR] * len(run_in)
        + [(budget_kcal - kcal) / TYPICAL_LOGGING_FACTOR] * ahead
        for kcal in expenditures
    ]
    first_kg = run_in[0].estimate.trend_weight_kg
    try:
        age = age_on(profile.birth_date, start)
        person = dynamics.baseline(goal.sex, age, profile.height_cm, first_kg, goal.activity_factor)
        # One person at a time takes the model's float path, twenty times faster than three
        # at once on arrays this small.
        simulated = np.vstack(
            [dynamics.simulate(person, len(run_in) + ahead, [row]).weight_kg for row in schedule]
        )
    except InvalidInput:
        return Forecast({}, None, None)
    weights = simulated[:, len(run_in) :]
    weights = weights - weights[:, :1] + estimate.trend_weight_kg
    weeks = {n: float(weights[0, n * WEEK]) for n in FORECAST_WEEKS}
    if goal.target_weight_kg is None:
        return Forecast(weeks, None, None)
    reached = [
        _reached(list(weights[row]), estimate.trend_weight_kg, goal.target_weight_kg, start)
        for row in (1, 2)
    ]
    return Forecast(weeks, *reached)


def _intake_used(day: DatedDay) -> float:
    """The intake the estimate used for a day: its food, or nothing on a fasted day."""
    if day.logged.status is DayStatus.FASTED or day.logged.intake_kcal is None:
        return 0.0
    return day.logged.intake_kcal


def _reached(weights: list[float], from_kg: float, target_kg: float, start: date) -> date | None:
    """The first day at or past the target, on the side of it the person starts from."""
    losing = target_kg <= from_kg
    for offset, weight in enumerate(weights):
        if (weight <= target_kg) if losing else (weight >= target_kg):
            return start + timedelta(days=offset)
    return None


def accept(check_in: CheckIn, *, today: date | None = None) -> Goal:
    """Take the proposed budget: a goal from today with it. Raises ValidationError when the
    check-in can no longer be answered, and then changes nothing."""
    today = today or today_for(check_in.user)
    _check_answerable(check_in, today)
    with transaction.atomic():
        goal = adopt_budget(
            check_in.user,
            check_in.proposed_budget_kcal,
            on=today,
            effective_rate_kg_per_week=_effective_rate(check_in),
            warnings=check_in.held_back,
        )
        _decide(check_in, CheckIn.Decision.ACCEPTED)
    return goal


def keep(check_in: CheckIn, *, today: date | None = None) -> None:
    """Keep the current budget; the check-in stays in the list, answered."""
    today = today or today_for(check_in.user)
    _check_answerable(check_in, today)
    _decide(check_in, CheckIn.Decision.KEPT)


def _effective_rate(check_in: CheckIn) -> float:
    """The weekly rate the proposal gives from the estimated expenditure."""
    change = check_in.proposed_budget_kcal - check_in.expenditure_kcal
    return safety.rate_for_daily_change(change, check_in.kcal_per_kg)


def _check_answerable(check_in: CheckIn, today: date) -> None:
    if check_in.decision != CheckIn.Decision.PENDING:
        raise ValidationError({"decision": ["This check-in is already answered."]})
    if not can_answer(check_in, today):
        raise ValidationError(
            {"decision": ["This check-in is from an earlier week; wait for this week's."]}
        )
    current = goal_on(check_in.user, today)
    if current is None or current.pk != check_in.goal_id:
        raise ValidationError(
            {"decision": ["Your goal changed after this check-in; the next one will use it."]}
        )


def _decide(check_in: CheckIn, decision: CheckIn.Decision) -> None:
    check_in.decision = decision
    check_in.decided_at = timezone.now()
    check_in.save(update_fields=["decision", "decided_at"])
