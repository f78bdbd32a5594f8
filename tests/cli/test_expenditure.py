"""`openplate expenditure`: a CSV of days or a person's own diary, through the command line; and
the CSV reader, with hypothesis."""

import io
import json
import sys
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from hypothesis import given
from hypothesis import strategies as st

from openplate.cli.expenditure import CsvError, read_days
from openplate.coach.dated import estimate_from
from openplate.science.energy import Sex
from openplate.science.expenditure import LoggedDay, PersonPrior
from tests.cli.runner import openplate
from tests.coach.steady import log_steady

HEADER = "date,intake_kcal,weight_kg"
START = date(2025, 1, 1)
TOP = f"{HEADER}\n2025-01-02,2000,70\n"  # a good first day
CONTRACT = {"expenditure_kcal", "low_kcal", "high_kcal", "band", "trend_weight_kg",
            "incomplete_days", "days_used"}  # fmt: skip


def steady_csv(days=21, light=None):
    """Three weeks at 2,000 kcal and 70 kg; the day `light` logged at 400 kcal."""
    rows = [HEADER]
    for n in range(days):
        kcal = 400 if n == light else 2000
        rows.append(f"{START + timedelta(days=n)},{kcal},70")
    return "\n".join(rows) + "\n"


@pytest.fixture
def csv_file(tmp_path):
    def write(text, name="days.csv", encoding="utf-8"):
        path = tmp_path / name
        path.write_text(text, encoding=encoding)
        return str(path)

    return write


def run_json(*args):
    result = openplate("expenditure", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_prints_the_contracts_keys_for_a_file(csv_file):
    payload = run_json(csv_file(steady_csv(light=10)))
    assert set(payload) >= CONTRACT
    assert payload["band"] == 0.8
    assert payload["incomplete_days"] == ["2025-01-11"]
    assert payload["days_used"] == 20
    assert payload["low_kcal"] < 2000 < payload["high_kcal"]  # a steady weight: burned = eaten
    assert (payload["start"], payload["end"]) == ("2025-01-01", "2025-01-21")
    assert payload["days"][10]["incomplete"] is True


def test_the_person_options_are_the_prior(csv_file):
    path = csv_file(steady_csv())
    payload = run_json(path, "--sex", "female", "--age", "40", "--height", "165 cm")
    days = read_days(io.StringIO(steady_csv()))
    expected = estimate_from(days.start, days.days, PersonPrior(Sex.FEMALE, 40.0, 165.0))
    assert payload == expected.as_json()
    assert payload != run_json(path)


@pytest.mark.parametrize("height", ["165", "165.0", "5 ft 5 in", "65 in"])
def test_a_height_is_centimetres_unless_it_says_otherwise(csv_file, height):
    path = csv_file(steady_csv())
    in_cm = run_json(path, "--sex", "female", "--age", "40", "--height", "165 cm")
    payload = run_json(path, "--sex", "female", "--age", "40", "--height", height)
    assert payload["expenditure_kcal"] == pytest.approx(in_cm["expenditure_kcal"], abs=2)


def test_dates_missing_between_rows_are_days_not_logged(csv_file):
    text = f"{HEADER}\n2025-01-01,2000,70\n2025-01-04,2100,69.9\n2025-01-05,,\n"
    payload = run_json(csv_file(text))
    assert [day["date"] for day in payload["days"]] == [
        "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"]  # fmt: skip
    assert [day["intake_kcal"] for day in payload["days"]] == [2000, None, None, 2100, None]
    assert [day["used"] for day in payload["days"]] == [True, False, False, True, False]


def test_it_reads_a_bom_and_spaces_and_standard_input(csv_file, monkeypatch):
    spaced = steady_csv().replace(",", " , ").replace(HEADER.replace(",", " , "), f"  {HEADER} ")
    from_file = run_json(csv_file("\ufeff" + spaced, encoding="utf-8"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(steady_csv()))
    assert run_json("-") == from_file


def test_it_prints_a_short_summary_without_json(csv_file):
    result = openplate("expenditure", csv_file(steady_csv(light=3)))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("Expenditure: ")
    assert "80 % band" in lines[0]
    assert "Days counted: 20 of 21." in lines[1]
    assert lines[2] == "Left out as incomplete (far below the usual intake): 2025-01-04."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,kcal,weight\n2025-01-01,2000,70\n", "line 1: the header must be"),
        ("", "line 1: the header must be"),
        (f"{HEADER}\n", "no days"),
        (f"{TOP}2025-01-01,2000,70\n", "line 3: 2025-01-01 does not come after 2025-01-02"),
        (f"{TOP}2025-01-02,2000,70\n", "line 3: 2025-01-02 does not come after 2025-01-02"),
        (f"{HEADER}\n2025-13-01,2000,70\n", "line 2: '2025-13-01' is not a date"),
        (f"{HEADER}\n2025-01-01,lots,70\n", "line 2: intake_kcal 'lots' is not a number"),
        (f"{HEADER}\n2025-01-01,-5,70\n", "line 2: intake_kcal '-5'"),
        (f"{HEADER}\n2025-01-01,2000,nan\n", "line 2: weight_kg 'nan'"),
        (f"{TOP}2025-01-03,2000,7\n", "line 3: weight_kg '7' is not a number from 20 to 700"),
        (f"{HEADER}\n2025-01-01,2000\n", "line 2: expected 3 values"),
        (f"{HEADER}\n2025-01-01,2000,\n", "at least one weigh-in"),
        (f"{HEADER}\n2025-01-01,,70\n", "at least one day with its food logged"),
    ],
)  # fmt: skip
def test_it_refuses_a_bad_file_with_exit_2_and_one_line(csv_file, text, message):
    result = openplate("expenditure", csv_file(text))
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.startswith("openplate: error: ")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "give FILE.csv"), (("-", "--user", "maria"), "not both"),
     (("no-such-file.csv",), "no-such-file.csv"), (("--user", "maria", "--sex", "male"), "--sex")],
)  # fmt: skip
def test_it_refuses_a_bad_command_line(args, message):
    result = openplate("expenditure", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- a person's own diary ------------------------------------------------------------------------


@pytest.mark.django_db
def test_it_reads_a_persons_diary_over_eight_weeks_to_their_today(alice):
    from openplate.accounts.profile import today_for
    from openplate.coach.expenditure import expenditure_of

    log_steady(alice, today_for(alice), days=14)
    payload = run_json("--user", "alice")
    assert payload == expenditure_of(alice).as_json()
    assert len(payload["days"]) == payload["days_used"] == 14


@pytest.mark.django_db
def test_it_refuses_an_unknown_person_or_an_empty_diary():
    User.objects.create_user("maria")
    unknown = openplate("expenditure", "--user", "nobody")
    assert (unknown.returncode, unknown.stderr.strip()) == (
        2, "openplate: error: no user named 'nobody'")  # fmt: skip
    empty = openplate("expenditure", "--user", "maria")
    assert empty.returncode == 2
    assert "at least one weigh-in" in empty.stderr


# --- the CSV reader ----------------------------------------------------------------------------

kcal = st.none() | st.floats(0, 30_000).map(lambda x: round(x, 1))
kg = st.none() | st.floats(20, 700).map(lambda x: round(x, 2))


@given(
    st.lists(st.tuples(st.integers(1, 5), kcal, kg), min_size=1, max_size=40),
    st.sampled_from(["\n", "\r\n"]),
)
def test_it_reads_any_good_file_as_consecutive_days_with_the_gaps_unknown(rows, newline):
    lines, day, expected = [HEADER], START, {}
    for step, intake, weight in rows:
        day += timedelta(days=step)
        cells = ["" if value is None else repr(value) for value in (intake, weight)]
        lines.append(",".join([day.isoformat(), *cells]))
        expected[day] = LoggedDay(intake, weight)
    days = read_days(io.StringIO(newline.join(lines) + newline))
    first = START + timedelta(days=rows[0][0])
    assert days.start == first
    assert len(days.days) == (day - first).days + 1
    for offset, logged in enumerate(days.days):
        assert logged == expected.get(first + timedelta(days=offset), LoggedDay(None, None))


@given(st.text(max_size=40))
def test_a_bad_line_is_refused_naming_it_and_nothing_else_escapes(line):
    refused = refusal(f"{TOP}{line}\n")
    assert refused is None or refused.startswith(("line 3: ", "line 4: "))


def refusal(text):
    try:
        read_days(io.StringIO(text))
    except CsvError as error:
        return str(error)
    return None
