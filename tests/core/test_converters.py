"""A day in a page's address is one OpenPlate takes, or the address is a 404."""

from datetime import date, timedelta

import pytest
from django.test import Client

from openplate.core.converters import IsoDateConverter
from openplate.core.dates import latest_day


@pytest.mark.parametrize(
    "text", ["0001-01-01", "1899-12-31", "9999-12-31", "2026-02-30", "2026-1-01"]
)
def test_a_day_outside_the_range_or_no_day_does_not_match(text):
    # A ValueError is the URL resolver's "no match": a 404.
    with pytest.raises(ValueError, match=r"outside the days|out of range|Invalid isoformat"):
        IsoDateConverter().to_python(text)


def test_the_first_and_last_day_match():
    converter = IsoDateConverter()
    assert converter.to_python("1900-01-01") == date(1900, 1, 1)
    assert converter.to_python(latest_day().isoformat()) == latest_day()


def test_the_regex_takes_only_ascii_digits():
    import re

    assert not re.fullmatch(IsoDateConverter.regex, "٢٠٢٦-٠١-٠١")  # Arabic-Indic digits


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/diary/0001-01-01/",
        "/diary/9999-12-31/",
        "/exercise/0001-01-01/",
        "/progress/report/?week=0001-01-01",
        "/progress/report/?week=9999-12-31",
    ],
)
def test_far_days_on_pages_are_404s(alice_browser: Client, path):
    assert alice_browser.get(path).status_code == 404


@pytest.mark.django_db
def test_a_quick_add_on_a_far_day_is_a_404_and_saves_nothing(alice_browser: Client):
    from openplate.diary.models import Entry

    response = alice_browser.post(
        "/diary/0001-01-01/quick-add/", {"meal": "lunch", "energy_kcal": "100"}
    )
    assert response.status_code == 404
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_the_day_after_the_last_is_a_404_on_the_diary(alice_browser: Client):
    after = latest_day() + timedelta(days=1)
    assert alice_browser.get(f"/diary/{after}/").status_code == 404
    assert alice_browser.get(f"/diary/{latest_day()}/").status_code == 200
