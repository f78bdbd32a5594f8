"""The weight trend (The Hacker's Diet) against published values, with properties that hold for
any weigh-ins. (BMI is tested with the energy equations, in test_energy.py.)"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science import trend
from openplate.science.errors import InvalidInput


def test_it_moves_a_tenth_of_the_way_each_day():
    # The Hacker's Diet: "if you are 2 lbs lighter on the scale than the trend, the trend will
    # adjust downward by 0.2 lbs".
    assert trend.weight_trend([0, 1], [177.0, 175.0]) == pytest.approx([177.0, 176.8], abs=1e-12)


def test_it_follows_the_hackers_diet_rule_day_by_day():
    weights = [150.0, 151.0, 149.0, 150.5]
    expected = [150.0]
    for weight in weights[1:]:
        expected.append(expected[-1] + 0.1 * (weight - expected[-1]))
    assert trend.weight_trend([1, 2, 3, 4], weights) == pytest.approx(expected, abs=1e-12)
    # worked by hand: 150, 150.1, 149.99, 150.041
    assert expected == pytest.approx([150.0, 150.1, 149.99, 150.041], abs=1e-9)


def test_it_carries_the_trend_across_a_gap_as_if_weighed_each_missed_day():
    gap = trend.weight_trend([0, 7], [80.0, 78.0])[1]
    daily = trend.weight_trend(list(range(8)), [80.0] + [78.0] * 7)[-1]
    assert gap == pytest.approx(daily, abs=1e-12)
    assert gap == pytest.approx(80 - 2 * (1 - 0.9**7), abs=1e-12)  # 78.956


@pytest.mark.parametrize(("days", "share"), [(1, 0.1), (2, 0.19), (7, 0.5217031)])
def test_it_smooths_by_one_minus_nine_tenths_per_day(days, share):
    assert trend.smoothing(days) == pytest.approx(share, abs=1e-7)


def test_it_refuses_weigh_ins_out_of_order():
    with pytest.raises(InvalidInput):
        trend.weight_trend([2, 1], [80.0, 81.0])
    with pytest.raises(InvalidInput):
        trend.weight_trend([1], [80.0, 81.0])


def test_it_draws_a_daily_line_that_holds_between_weigh_ins():
    line = trend.daily_trend([10, 13], [80.0, 79.0])
    assert [day for day, _ in line] == [10, 11, 12, 13]
    assert [value for _, value in line[:3]] == [80.0, 80.0, 80.0]
    assert line[3][1] == pytest.approx(80 - (1 - 0.9**3), abs=1e-12)


def test_it_gives_the_weekly_rate_of_the_trend():
    assert trend.weekly_rate([0, 14], [80.0, 79.0]) == pytest.approx(-0.5)
    assert trend.weekly_rate([0], [80.0]) is None


def _weigh_ins():
    gaps = st.lists(st.integers(min_value=1, max_value=60), min_size=0, max_size=40)
    return gaps.flatmap(
        lambda steps: st.tuples(
            st.just([sum(steps[:i]) for i in range(len(steps) + 1)]),
            st.lists(
                st.floats(min_value=20, max_value=650),
                min_size=len(steps) + 1,
                max_size=len(steps) + 1,
            ),
        )
    )


@given(_weigh_ins())
def test_the_trend_stays_within_the_weights(weigh_ins):
    days, weights = weigh_ins
    for value in trend.weight_trend(days, weights):
        assert min(weights) - 1e-9 <= value <= max(weights) + 1e-9


@given(_weigh_ins(), st.floats(min_value=20, max_value=650))
def test_constant_weights_give_a_constant_trend(weigh_ins, weight):
    days, _ = weigh_ins
    assert trend.weight_trend(days, [weight] * len(days)) == pytest.approx([weight] * len(days))


@given(_weigh_ins(), st.floats(min_value=0.1, max_value=10))
def test_the_trend_does_not_depend_on_the_unit(weigh_ins, factor):
    days, weights = weigh_ins
    scaled = trend.weight_trend(days, [w * factor for w in weights])
    assert scaled == pytest.approx([t * factor for t in trend.weight_trend(days, weights)])


@given(_weigh_ins())
def test_the_trend_lags_behind_a_steady_loss(weigh_ins):
    days, _ = weigh_ins
    falling = [100.0 - 0.1 * day for day in days]
    for value, weight in zip(trend.weight_trend(days, falling), falling, strict=True):
        assert value >= weight - 1e-9
