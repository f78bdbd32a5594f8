"""The progress page, weigh-ins, the water card and the weekly report, through the test client."""

import json
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openplate.accounts.exercise_share import set_exercise_share
from openplate.body import services
from openplate.body.models import WaterEntry, WeightEntry
from openplate.diary.services import quick_add
from openplate.exercise import services as exercise
from openplate.progress import period
from openplate.science import units

pytestmark = pytest.mark.django_db


def chart_data(page: str) -> dict:
    found = re.search(r'<script id="progress-data" type="application/json">(.*?)</script>', page)
    assert found is not None
    return json.loads(found.group(1))


def test_it_asks_strangers_to_sign_in(client: Client) -> None:
    for url in ("/progress/", "/progress/report/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client.post(f"/progress/water/{date(2025, 3, 3)}/").status_code == 302
    assert not WaterEntry.objects.exists()


def test_it_shows_the_charts_data_and_their_text(alice_browser: Client, alice: User, today) -> None:
    services.log_weight(alice, day=today - timedelta(days=2), weight=179, unit="lb")
    services.log_weight(alice, day=today, weight=177, unit="lb", body_fat_percent=31)
    quick_add(alice, day=today, meal="lunch", energy_kcal=1400, protein_g=80, fat_g=40)
    response = alice_browser.get("/progress/?range=4w")
    page = response.content.decode()
    assert response.status_code == 200
    data = chart_data(page)
    assert data["unit"] == "lb"
    weight = data["weight"]
    assert len(weight["labels"]) == 28 + 7  # four weeks and a week of forecast
    assert weight["labels"][27] == today.isoformat()
    assert weight["weight"][27] == 177.0
    assert weight["weight"][25] == 179.0
    assert weight["trend"][27] == pytest.approx(179 - 2 * (1 - 0.9**2), abs=0.01)
    assert weight["goal"] == [160.0] * 35
    assert weight["forecast"][-1] is not None
    assert data["calories"]["eaten"][-1] == 1400
    assert data["calories"]["budget"][-1] > 0
    assert data["macros"]["grams"] == [80, 0, 40]
    assert 'aria-current="page" class="current">4 weeks' in page
    assert "2 weigh-ins from" in page  # the weight chart's text alternative
    assert "Food logged on 1 of 28 days, 1,400 kcal a day on average" in page
    assert 'id="latest-weight">177.0 lb' in page
    assert "BMI" in page
    assert "obese class I" not in page
    assert "vendor/chartjs/chart.umd.min.js" in page
    assert "openplate/progress.js" in page
    assert "Weekly report" in page


def test_each_range_gives_its_days(alice_browser: Client) -> None:
    for key, days in (("4w", 28), ("3m", 91), ("1y", 365)):
        data = chart_data(alice_browser.get(f"/progress/?range={key}").content.decode())
        assert len(data["calories"]["labels"]) == days
    default = chart_data(alice_browser.get("/progress/?range=nonsense").content.decode())
    assert len(default["calories"]["labels"]) == 14  # nothing logged yet: the shortest range


def test_it_shows_metric_weights_to_metric_people(
    alice_browser: Client, alice: User, today
) -> None:
    alice.profile.units = "metric"
    alice.profile.save()
    services.log_weight(alice, day=today, weight=80.5, unit="kg")
    page = alice_browser.get("/progress/").content.decode()
    assert chart_data(page)["unit"] == "kg"
    assert 'id="latest-weight">80.5 kg' in page
    assert "Weight (kg)" in page


def test_it_logs_a_weigh_in_from_the_page(alice_browser: Client, alice: User, today) -> None:
    response = alice_browser.post(
        "/progress/weight/",
        {"date": today.isoformat(), "weight": "176.4", "body_fat_percent": "", "unit": "lb"},
    )
    assert response.status_code == 302
    entry = WeightEntry.objects.get(user=alice)
    assert entry.weight_kg == pytest.approx(176.4 * units.KG_PER_LB)
    page = alice_browser.get(response["Location"]).content.decode()
    assert "Weigh-in saved: 176.4 lb" in page
    assert f'id="weigh-in-{entry.pk}"' in page


@pytest.mark.parametrize(
    ("weight", "fat", "message"),
    [
        ("12", "", "Weight must be between 44 lb and 1433 lb."),
        ("heavy", "", "Enter a number."),
        ("170", "90", "Body fat must be from 1 to 75 %, or left empty."),
    ],
)
def test_bad_weight_input_shows_an_error_and_saves_nothing(
    alice_browser: Client, today, weight: str, fat: str, message: str
) -> None:
    response = alice_browser.post(
        "/progress/weight/",
        {"date": today.isoformat(), "weight": weight, "body_fat_percent": fat, "unit": "lb"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert "The weigh-in was not saved" in page
    assert 'aria-invalid="true"' in page
    assert not WeightEntry.objects.exists()


def test_it_deletes_only_the_persons_own_weigh_ins(
    alice_browser: Client, alice: User, bob: User, today
) -> None:
    mine = services.log_weight(alice, day=today, weight=80)
    theirs = services.log_weight(bob, day=today, weight=90)
    assert alice_browser.post(f"/progress/weight/{theirs.pk}/delete/").status_code == 404
    assert alice_browser.post(f"/progress/weight/{mine.pk}/delete/").status_code == 302
    assert list(WeightEntry.objects.all()) == [theirs]


def test_another_persons_data_is_never_shown(alice_browser: Client, bob: User, today) -> None:
    services.log_weight(bob, day=today, weight=123.4, unit="kg", body_fat_percent=44)
    quick_add(bob, day=today, meal="lunch", energy_kcal=4321)
    services.log_water(bob, day=today, amount=3000, unit="ml")
    page = alice_browser.get("/progress/?range=4w").content.decode()
    data = chart_data(page)
    assert all(value is None for value in data["weight"]["weight"])
    assert sum(data["calories"]["eaten"]) == 0
    assert "123.4" not in page
    assert "272" not in page
    assert "4,321" not in page
    report = alice_browser.get(f"/progress/report/?week={period.monday_of(today)}").content.decode()
    assert "4,321" not in report
    assert "3,000" not in report


def test_the_water_buttons_answer_htmx_with_the_card(
    alice_browser: Client, alice: User, today
) -> None:
    url = f"/progress/water/{today}/"
    response = alice_browser.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    card = response.content.decode()
    assert card.lstrip().startswith('<section class="water-card" id="water-card"')
    assert '<strong id="water-cups">1</strong> of 8 cups' in card
    assert '<span id="water-ml">237</span> of 1,893 ml' in card
    alice_browser.post(url, HTTP_HX_REQUEST="true")
    undone = alice_browser.post(f"/progress/water/{today}/undo/", HTTP_HX_REQUEST="true")
    assert '<strong id="water-cups">1</strong>' in undone.content.decode()
    assert WaterEntry.objects.filter(user=alice).count() == 1


def test_the_water_buttons_work_without_javascript(
    alice_browser: Client, alice: User, today
) -> None:
    response = alice_browser.post(f"/progress/water/{today}/", {"next": "/progress/"})
    assert response.status_code == 302
    assert response["Location"] == "/progress/"
    elsewhere = alice_browser.post(f"/progress/water/{today}/", {"next": "https://evil.example/"})
    assert elsewhere["Location"] == f"/diary/{today}/"
    assert WaterEntry.objects.filter(user=alice).count() == 2


def test_the_water_card_has_no_day_out_of_range(alice_browser: Client) -> None:
    response = alice_browser.post("/progress/water/1850-01-01/", HTTP_HX_REQUEST="true")
    assert response.status_code == 404  # no page has a day outside the range in its address
    assert not WaterEntry.objects.exists()


@pytest.mark.parametrize(("amount", "unit", "ml"), [("500", "ml", "500"), ("1.5", "cups", "355")])
def test_the_water_card_takes_an_amount_in_ml_or_cups(
    alice_browser: Client, alice: User, today, amount, unit, ml
) -> None:
    url = f"/progress/water/{today}/"
    card = alice_browser.post(url, {"amount": amount, "unit": unit}, HTTP_HX_REQUEST="true")
    assert f'<span id="water-ml">{ml}</span> of 1,893 ml' in card.content.decode()


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [("lots", "ml", "is not an amount of water"), ("5000", "ml", "at most 4,000 ml"),
     ("-1", "cups", "above 0"), ("2", "pints", "Choose ml or cups")],
)  # fmt: skip
def test_the_water_card_shows_a_bad_amount_and_saves_nothing(
    alice_browser: Client, alice: User, today, amount, unit, message
) -> None:
    url = f"/progress/water/{today}/"
    card = alice_browser.post(url, {"amount": amount, "unit": unit}, HTTP_HX_REQUEST="true")
    assert message in card.content.decode()
    assert not WaterEntry.objects.exists()


def test_the_weekly_report_lists_each_day_with_totals(alice_browser: Client, alice: User) -> None:
    monday = date(2025, 3, 3)
    quick_add(alice, day=monday, meal="lunch", energy_kcal=1400)
    quick_add(alice, day=monday + timedelta(days=1), meal="lunch", energy_kcal=1600)
    services.log_water(alice, day=monday, amount=2)
    response = alice_browser.get("/progress/report/?week=2025-03-05")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Week of Mar 3 to Mar 9, 2025" in page
    assert page.count('<tr class="not-logged">') == 5
    assert '<td class="number" id="total-food">3,000</td>' in page
    assert '<td class="number" id="average-food">1,500</td>' in page
    assert "?week=2025-02-24" in page
    assert "?week=2025-03-10" in page
    assert "@media print" not in page  # the print rules live in progress.css
    assert "data-print" in page


def test_the_weekly_report_defaults_to_the_last_full_week(alice_browser: Client, today) -> None:
    page = alice_browser.get("/progress/report/").content.decode()
    monday = period.default_week(today)
    assert f"Week of {monday:%b} {monday.day} to" in page


def test_the_page_queries_do_not_grow_with_the_days(
    alice_browser: Client, alice: User, today
) -> None:
    for offset in range(0, 365, 2):
        day = today - timedelta(days=offset)
        quick_add(alice, day=day, meal="lunch", energy_kcal=1800, protein_g=90)
        services.log_weight(alice, day=day, weight=80 - offset / 100)
        services.log_water(alice, day=day)
    counts = []
    for key in ("4w", "1y"):
        with CaptureQueriesContext(connection) as queries:
            assert alice_browser.get(f"/progress/?range={key}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 14


@pytest.mark.parametrize(
    ("first_logged_days_ago", "key", "days"),
    [
        (None, "2w", 14),
        (5, "2w", 14),
        (13, "2w", 14),
        (14, "4w", 28),
        (60, "3m", 91),
        (200, "3m", 91),
    ],
)
def test_the_default_range_reaches_back_to_the_first_day_logged(
    new_alice_browser: Client, new_alice: User, today, first_logged_days_ago, key, days
) -> None:
    if first_logged_days_ago is not None:
        services.log_weight(new_alice, day=today - timedelta(days=first_logged_days_ago), weight=80)
        quick_add(new_alice, day=today, meal="lunch", energy_kcal=500)
    page = new_alice_browser.get("/progress/").content.decode()
    assert len(chart_data(page)["calories"]["labels"]) == days
    assert f'<a href="?range={key}" aria-current="page"' in page


def test_the_averages_net_counts_each_logged_days_food_less_its_exercise(
    alice_browser: Client, alice: User, today
) -> None:
    quick_add(alice, day=today, meal="lunch", energy_kcal=2000)
    quick_add(alice, day=today - timedelta(days=1), meal="lunch", energy_kcal=1800)
    exercise.log_custom(alice, day=today - timedelta(days=1), name="Run", energy_kcal=400)
    exercise.log_custom(alice, day=today - timedelta(days=3), name="Ride", energy_kcal=700)
    page = alice_browser.get("/progress/?range=4w").content.decode()
    table = page[page.index('id="averages"') : page.index("</table>", page.index('id="averages"'))]
    last_week = table[table.index("Last 7 days") :].split("</tr>")[0]
    cells = re.findall(r'<td class="number">([^<]*)</td>', last_week)
    assert cells[:3] == ["1,900", "157", "1,700"]  # food, exercise, net; not 1,900 - 157
    assert "each of those days' food less that day's exercise" in page


def test_the_report_says_how_much_exercise_the_budget_adds(alice_browser: Client, alice: User):
    monday = date(2025, 3, 3)
    set_exercise_share(alice, 0.5)
    quick_add(alice, day=monday, meal="lunch", energy_kcal=1400)
    exercise.log_custom(alice, day=monday, name="Run", energy_kcal=300)
    page = alice_browser.get("/progress/report/?week=2025-03-03").content.decode()
    budget = period.week_report(alice, monday).days[0].budget_kcal
    assert '<span class="muted">150 added</span>' in page
    assert f"{budget - 1400 + 150:,.0f}" in page
    assert "half of it" in page
