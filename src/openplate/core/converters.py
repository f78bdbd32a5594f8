"""The `<day:…>` of the pages' URLs, registered on import: every URL conf that uses it imports
this module."""

from datetime import date

from django.urls import register_converter

from openplate.core.dates import is_supported_day


class IsoDateConverter:
    """A day in a URL as YYYY-MM-DD, within the supported range (`core.dates`): any other day,
    like one that is no date at all, makes the URL not match, a 404."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> date:
        day = date.fromisoformat(value)  # ValueError makes the URL not match: a 404
        if not is_supported_day(day):
            raise ValueError(f"{value} is outside the days OpenPlate takes")
        return day

    def to_url(self, value: date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "day")
