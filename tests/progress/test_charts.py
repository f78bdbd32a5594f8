"""The sentences beside the progress charts, for anyone who cannot see them."""

from datetime import timedelta

import pytest

from openplate.body import services
from openplate.progress import charts, period

pytestmark = pytest.mark.django_db


def summary_of(person, today, days=28) -> str:
    data = period.progress(person, today - timedelta(days=days - 1), today, today=today)
    return charts.weight_summary(data)


def test_one_weigh_in_is_one_weigh_in(bob, today):
    services.log_weight(bob, day=today - timedelta(days=3), weight=170, unit="lb")
    text = summary_of(bob, today)
    assert text.startswith(f"1 weigh-in, on {today - timedelta(days=3):%b %-d}: 170 lb.")
    assert "weigh-ins" not in text
    assert "trend" not in text  # one weigh-in has no trend to speak of


def test_a_trend_that_moved_less_than_it_shows_held_steady(bob, today):
    services.log_weight(bob, day=today - timedelta(days=2), weight=170, unit="lb")
    services.log_weight(bob, day=today, weight=170.2, unit="lb")  # the trend moves 0.02 lb
    text = summary_of(bob, today)
    assert "2 weigh-ins from" in text
    assert "the trend held steady at 170 lb" in text
    assert "went up" not in text


def test_a_trend_that_moved_says_which_way_and_how_far(bob, today):
    services.log_weight(bob, day=today - timedelta(days=2), weight=170, unit="lb")
    services.log_weight(bob, day=today, weight=160, unit="lb")
    text = summary_of(bob, today)
    # the trend moves a tenth of the way each day: 10 lb × (1 - 0.9²) over two days
    assert "the trend went down 1.9 lb, from 170 lb to 168.1 lb" in text
    assert "the last weigh-in was 160 lb" in text


def test_the_forecast_line_begins_at_the_latest_trend_on_the_chart(alice, today):
    services.log_weight(alice, day=today - timedelta(days=5), weight=171, unit="lb")
    data = period.progress(alice, today - timedelta(days=27), today, today=today)
    weight = charts.chart_data(data)["weight"]
    drawn = [i for i, kg in enumerate(weight["forecast"]) if kg is not None]
    assert weight["labels"][drawn[0]] == (today - timedelta(days=5)).isoformat()
    assert weight["forecast"][drawn[0]] == weight["trend"][drawn[0]] == 171
