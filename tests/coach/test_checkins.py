"""The weekly check-in: when it is due, what it proposes, and what accepting or keeping does."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from openplate.accounts.goals import goal_on, set_goal, working_of
from openplate.accounts.models import Account, BudgetSource, Goal, Profile
from openplate.coach import checkins
from openplate.coach.models import CheckIn
from openplate.science import units
from tests.coach.history import log_history
from tests.people import alice_goal

pytestmark = pytest.mark.django_db

# A kg of weight change holds between the energy of lean tissue and of fat (Hall KD, Int J Obes
# 2008;32:573-6: 7.6 and 39.5 MJ/kg, 1,816 and 9,441 kcal); the estimate counts it in logged
# calories, which are fewer still for a person who logs less than all they eat.
FAT_KCAL_PER_KG = 39.5e3 / 4.184


@pytest.fixture
def alice(new_alice: User, today: date) -> User:
    """alice, who set her goal 60 days ago, checks in on today's weekday and logged food and
    weighed herself every day of the three weeks before today."""
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    Account.objects.update_or_create(user=new_alice, defaults={"check_in_weekday": today.weekday()})
    log_history(new_alice, until=today - timedelta(days=1))
    return User.objects.get(pk=new_alice.pk)


def test_a_check_in_is_due_on_the_persons_weekday_once_a_week(alice: User, today: date) -> None:
    check_in = checkins.due_check_in(alice, today)
    assert check_in is not None
    assert check_in.date == today
    assert checkins.due_check_in(alice, today) == check_in
    assert checkins.due_check_in(alice, today + timedelta(days=3)) == check_in
    assert CheckIn.objects.filter(user=alice).count() == 1


def test_an_answered_check_in_is_not_due_again_until_next_week(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    checkins.keep(check_in, today=today)
    assert checkins.due_check_in(alice, today) is None
    assert checkins.due_check_in(alice, today + timedelta(days=6)) is None
    log_history(alice, until=today + timedelta(days=6), days=7)
    next_week = checkins.due_check_in(alice, today + timedelta(days=7))
    assert next_week is not None
    assert next_week.date == today + timedelta(days=7)


def test_the_week_starts_on_the_chosen_day(alice: User, today: date) -> None:
    Account.objects.filter(user=alice).update(check_in_weekday=(today.weekday() + 1) % 7)
    alice = User.objects.get(pk=alice.pk)
    assert checkins.week_start(alice, today) == today - timedelta(days=6)
    assert checkins.week_start(alice, today + timedelta(days=1)) == today + timedelta(days=1)


def test_no_check_in_without_a_week_of_food_and_two_weigh_ins(new_alice: User, today: date) -> None:
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    log_history(new_alice, until=today - timedelta(days=1), days=3)
    assert checkins.due_check_in(new_alice, today) is None
    with pytest.raises(checkins.NotReady, match="so far 3 days and 3 weigh-ins"):
        checkins.make_check_in(new_alice, today)


def test_no_check_in_without_a_goal(new_alice: User, today: date) -> None:
    with pytest.raises(checkins.NotReady, match="Set your goal first"):
        checkins.make_check_in(new_alice, today)


def test_it_proposes_the_expenditure_less_the_daily_deficit_of_her_rate(
    alice: User, today: date
) -> None:
    check_in = checkins.make_check_in(alice, today)
    assert check_in.rate_kg_per_week == pytest.approx(-units.kg_from_lb(1))
    assert 0.6 * FAT_KCAL_PER_KG < check_in.kcal_per_kg < FAT_KCAL_PER_KG
    daily_deficit = units.kg_from_lb(1) * check_in.kcal_per_kg / 7
    assert check_in.proposed_budget_kcal == pytest.approx(check_in.expenditure_kcal - daily_deficit)
    assert check_in.held_back == []
    assert (
        check_in.expenditure_low_kcal < check_in.expenditure_kcal < check_in.expenditure_high_kcal
    )
    assert check_in.band == 0.8
    assert check_in.current_budget_kcal == goal_on(alice, today).budget_kcal
    assert check_in.decision == CheckIn.Decision.PENDING


def test_losing_weight_on_1800_kcal_means_expenditure_above_1800(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    assert check_in.expenditure_kcal > 1800
    assert check_in.trend_change_kg < 0  # over the week before the first check-in
    assert check_in.change_since == today - timedelta(days=8)


def test_the_trend_change_counts_from_the_last_check_in(alice: User, today: date) -> None:
    first = checkins.make_check_in(alice, today)
    log_history(alice, until=today + timedelta(days=6), days=7, start_kg=first.trend_weight_kg)
    second = checkins.make_check_in(alice, today + timedelta(days=7))
    assert second.change_since == today
    assert second.trend_change_kg == pytest.approx(second.trend_weight_kg - first.trend_weight_kg)


def test_it_counts_the_days_logged_of_the_week(new_alice: User, today: date) -> None:
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    skipped = frozenset({today - timedelta(days=2), today - timedelta(days=5)})
    log_history(new_alice, until=today - timedelta(days=1), skip=skipped)
    check_in = checkins.make_check_in(new_alice, today)
    assert check_in.days_logged == 5
    assert check_in.days_incomplete == 0


def test_a_day_logged_far_under_the_usual_counts_as_incomplete(
    new_alice: User, today: date
) -> None:
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    log_history(new_alice, until=today - timedelta(days=2))
    log_history(new_alice, until=today - timedelta(days=1), days=1, intake_kcal=400)
    check_in = checkins.make_check_in(new_alice, today)
    assert check_in.days_logged == 7
    assert check_in.days_incomplete == 1


def test_pregnant_she_is_proposed_maintenance_and_told_why(alice: User, today: date) -> None:
    Profile.objects.filter(user=alice).update(life_stage=Profile.LifeStage.PREGNANT)
    check_in = checkins.make_check_in(alice, today)
    assert check_in.proposed_budget_kcal == pytest.approx(check_in.expenditure_kcal)
    assert check_in.held_back == ["No loss while pregnant: proposed at maintenance."]
    assert check_in.limits == ["life_stage"]


def test_a_fast_rate_for_a_light_person_is_held_to_1_percent_a_week(
    new_alice: User, today: date
) -> None:
    set_goal(new_alice, alice_goal(rate_kg_per_week=-1.0), on=today - timedelta(days=60))
    log_history(new_alice, until=today - timedelta(days=1), intake_kcal=2000, start_kg=80)
    check_in = checkins.make_check_in(new_alice, today)
    assert check_in.limits == ["weekly_loss"]
    (reason,) = check_in.held_back
    assert reason.startswith("Held to a loss of 1 % of your weight a week (")
    assert reason.endswith(" lb).")  # in her units
    # 1 % of her weight a week, at the energy a kg of her weight holds.
    deficit = 0.01 * check_in.trend_weight_kg * check_in.kcal_per_kg / 7
    assert check_in.proposed_budget_kcal == pytest.approx(check_in.expenditure_kcal - deficit)


def test_the_forecast_loses_weight_and_gives_a_range_for_her_goal(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    assert check_in.forecast_12_weeks_kg < check_in.forecast_4_weeks_kg < check_in.trend_weight_kg
    assert check_in.target_weight_kg == pytest.approx(units.kg_from_lb(160))
    assert today < check_in.target_earliest <= check_in.target_latest


def test_without_a_goal_weight_the_forecast_has_no_dates(new_alice: User, today: date) -> None:
    set_goal(new_alice, alice_goal(target_weight_kg=None), on=today - timedelta(days=60))
    log_history(new_alice, until=today - timedelta(days=1))
    check_in = checkins.make_check_in(new_alice, today)
    assert check_in.forecast_4_weeks_kg is not None
    assert check_in.target_earliest is None
    assert check_in.target_latest is None


def test_accepting_starts_a_goal_today_with_the_proposed_budget(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    before = goal_on(alice, today)
    goal = checkins.accept(check_in, today=today)
    assert goal.starts_on == today
    assert goal.budget_kcal == check_in.proposed_budget_kcal
    assert goal.budget_source == BudgetSource.CHECK_IN
    assert goal.rate_kg_per_week == before.rate_kg_per_week
    assert goal.target_weight_kg == before.target_weight_kg
    assert goal_on(alice, today + timedelta(days=1)).budget_kcal == check_in.proposed_budget_kcal
    assert goal_on(alice, today - timedelta(days=1)).budget_kcal == before.budget_kcal
    check_in.refresh_from_db()
    assert check_in.decision == CheckIn.Decision.ACCEPTED
    assert check_in.decided_at is not None


def test_keeping_changes_no_budget(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    budget = goal_on(alice, today).budget_kcal
    checkins.keep(check_in, today=today)
    assert Goal.objects.filter(user=alice).count() == 1
    assert goal_on(alice, today + timedelta(days=1)).budget_kcal == budget
    check_in.refresh_from_db()
    assert check_in.decision == CheckIn.Decision.KEPT


def test_a_check_in_is_answered_once(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    checkins.keep(check_in, today=today)
    with pytest.raises(ValidationError, match="already answered"):
        checkins.accept(check_in, today=today)
    assert Goal.objects.filter(user=alice).count() == 1


def test_last_weeks_check_in_can_no_longer_be_answered(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    with pytest.raises(ValidationError, match="earlier week"):
        checkins.accept(check_in, today=today + timedelta(days=7))
    assert Goal.objects.filter(user=alice).count() == 1


def test_a_goal_changed_after_the_check_in_is_not_overwritten(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    set_goal(alice, alice_goal(rate_kg_per_week=-units.kg_from_lb(0.5)), on=today)
    with pytest.raises(ValidationError, match="goal changed"):
        checkins.accept(check_in, today=today)
    assert goal_on(alice, today).budget_source == BudgetSource.FORMULA


def test_past_check_ins_come_newest_first(alice: User, today: date) -> None:
    first = checkins.make_check_in(alice, today)
    checkins.keep(first, today=today)
    log_history(alice, until=today + timedelta(days=6), days=7, start_kg=first.trend_weight_kg)
    second = checkins.make_check_in(alice, today + timedelta(days=7))
    assert checkins.past_check_ins(alice) == [second, first]


def test_deleting_the_person_deletes_their_check_ins(alice: User, today: date) -> None:
    checkins.make_check_in(alice, today)
    alice.delete()
    assert not CheckIn.objects.exists()


def test_an_accepted_budget_says_where_it_came_from(alice: User, today: date) -> None:
    check_in = checkins.make_check_in(alice, today)
    formula = [step.text for step in working_of(goal_on(alice, today))]
    goal = checkins.accept(check_in, today=today)
    steps = working_of(goal)
    assert [step.text for step in steps[:-1]] == formula
    assert steps[-1].text.startswith("Set by your weekly check-in")
    assert steps[-1].kcal == check_in.proposed_budget_kcal


def test_the_check_in_day_can_be_any_day_of_the_week(alice: User, today: date) -> None:
    assert checkins.set_check_in_weekday(alice, 2) == 2
    assert User.objects.get(pk=alice.pk).account.check_in_weekday == 2
    for wrong in (7, -1, "2", True, None):
        with pytest.raises(ValidationError):
            checkins.set_check_in_weekday(alice, wrong)
    assert User.objects.get(pk=alice.pk).account.check_in_weekday == 2
