"""The `<day:…>` of the pages' URLs, registered on import: every URL conf that uses it imports
this module."""

from datetime import date

from django.urls import register_converter


class IsoDateConverter:
    """A day in a URL as YYYY-MM-DD."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        return date.fromisoformat(value)  # ValueError makes the URL not match: a 404

    def to_url(self, value: date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "day")
