"""Weight and water logging: weigh-ins with their trend and BMI, water and the water card."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openplate.body import services
from openplate.body.models import WaterEntry, WeightEntry
from openplate.science import units

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)  # a Monday


def errors_of(call, *args, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.message_dict


# --- weight ------------------------------------------------------------------------------------


def test_it_logs_a_weight_in_pounds_or_kilograms(alice):
    entry = services.log_weight(alice, day=DAY, weight=170, unit="lb", body_fat_percent=30)
    assert entry.weight_kg == pytest.approx(170 * units.KG_PER_LB)
    assert entry.body_fat_percent == 30
    metric = services.log_weight(alice, day=DAY + timedelta(days=1), weight=77.5, unit="kg")
    assert metric.weight_kg == 77.5
    assert metric.body_fat_percent is None


def test_a_second_weigh_in_the_same_day_replaces_the_first(alice):
    services.log_weight(alice, day=DAY, weight=80, unit="kg", body_fat_percent=25)
    services.log_weight(alice, day=DAY, weight=79.4, unit="kg")
    assert list(WeightEntry.objects.values_list("weight_kg", "body_fat_percent")) == [(79.4, None)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weight": 15, "unit": "kg"}, "weight"),
        ({"weight": 1500, "unit": "lb"}, "weight"),
        ({"weight": float("nan")}, "weight"),
        ({"weight": "80"}, "weight"),
        ({"weight": True}, "weight"),
        ({"unit": "stone"}, "unit"),
        ({"body_fat_percent": 0.5}, "body_fat_percent"),
        ({"body_fat_percent": 76}, "body_fat_percent"),
        ({"day": date(1899, 12, 31)}, "date"),
    ],
)
def test_it_refuses_implausible_weigh_ins_and_saves_nothing(alice, changes, field):
    values = {"day": DAY, "weight": 80, "unit": "kg", **changes}
    assert field in errors_of(services.log_weight, alice, **values)
    assert not WeightEntry.objects.exists()


def test_the_pound_range_is_said_in_pounds(alice):
    message = errors_of(services.log_weight, alice, day=DAY, weight=10, unit="lb")["weight"][0]
    assert message == "Weight must be between 44 lb and 1433 lb."


def test_it_deletes_a_weigh_in_by_day_or_id_and_only_the_owners(alice, bob):
    first = services.log_weight(alice, day=DAY, weight=80)
    services.log_weight(alice, day=DAY + timedelta(days=1), weight=79)
    assert services.delete_weight(bob, entry_id=first.pk) is False
    assert services.delete_weight(alice, entry_id=first.pk) is True
    assert services.delete_weight(alice, day=DAY + timedelta(days=1)) is True
    assert services.delete_weight(alice, day=DAY) is False
    assert not WeightEntry.objects.exists()


def test_it_lists_weigh_ins_with_their_trend_and_bmi(alice):
    for offset, kg in enumerate([80.0, 81.0, 79.0]):
        services.log_weight(alice, day=DAY + timedelta(days=offset), weight=kg)
    points = services.weigh_ins(alice)
    assert [p.trend_kg for p in points] == pytest.approx([80.0, 80.1, 79.99])
    height_m = units.cm_from_feet_inches(5, 6) / 100
    assert points[0].bmi is not None
    assert points[0].bmi.value == pytest.approx(80 / height_m**2)
    assert points[0].bmi.category == "overweight"
    later = services.weigh_ins(alice, start=DAY + timedelta(days=1))
    assert [p.trend_kg for p in later] == pytest.approx([80.1, 79.99])  # trend kept


def test_weigh_ins_are_the_owners_only(alice, bob):
    services.log_weight(alice, day=DAY, weight=80)
    assert services.weigh_ins(bob) == []


# --- water -------------------------------------------------------------------------------------


def test_one_tap_is_one_us_cup(alice):
    assert services.log_water(alice, day=DAY).ml == pytest.approx(236.5882365)
    assert services.log_water(alice, day=DAY, amount=500, unit="ml").ml == 500
    card = services.water_card(alice, DAY)
    assert card.total_ml == pytest.approx(736.5882365)
    assert card.goal_ml == pytest.approx(8 * 236.5882365)  # eight US cups
    assert card.cups == pytest.approx(736.5882365 / 236.5882365)
    assert card.entries == 2


@pytest.mark.parametrize(
    ("amount", "unit", "field"),
    [(0, "ml", "amount"), (5000, "ml", "amount"), (-1, "cups", "amount"), (1, "gallon", "unit")],
)
def test_it_refuses_implausible_water(alice, amount, unit, field):
    assert field in errors_of(services.log_water, alice, day=DAY, amount=amount, unit=unit)
    assert not WaterEntry.objects.exists()


def test_undo_removes_the_last_water_of_the_day_only(alice, bob):
    services.log_water(alice, day=DAY, amount=300, unit="ml")
    services.log_water(alice, day=DAY, amount=200, unit="ml")
    services.log_water(alice, day=DAY + timedelta(days=1))
    services.log_water(bob, day=DAY)
    removed = services.undo_water(alice, DAY)
    assert removed is not None
    assert removed.ml == 200
    assert services.water_card(alice, DAY).total_ml == 300
    assert services.undo_water(alice, DAY) is not None
    assert services.undo_water(alice, DAY) is None
    assert services.water_card(bob, DAY).entries == 1


def test_the_water_card_costs_two_queries(alice):
    services.log_water(alice, day=DAY)
    with CaptureQueriesContext(connection) as queries:
        card = services.water_card(alice, DAY)
    assert len(queries) <= 2
    assert not card.reached
    assert card.can_undo
