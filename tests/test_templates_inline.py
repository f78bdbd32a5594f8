"""No template holds what the Content-Security-Policy refuses: a style attribute, a <style>
element, an inline <script> or an on… event handler attribute. The browser tests find what a
page does at run time; this finds it in every template, also those no test renders."""

from __future__ import annotations

import re
from pathlib import Path

from django.template.loader import render_to_string

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "openplate" / "templates"
REFUSED = {
    "a style attribute": re.compile(r"""\sstyle\s*=\s*["']""", re.IGNORECASE),
    "a <style> element": re.compile(r"<style[\s>]", re.IGNORECASE),
    "an inline <script>": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE),
    "an event handler attribute": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE),
}


def test_no_template_has_anything_inline_the_policy_refuses() -> None:
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}: {what}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for what, pattern in REFUSED.items()
        if pattern.search(line)
    ]
    assert found == []


def test_the_patterns_find_what_they_look_for() -> None:
    samples = {
        "a style attribute": '<span style="width: 40%">',
        "a <style> element": "<style>p { color: red }</style>",
        "an inline <script>": "<script>alert(1)</script>",
        "an event handler attribute": '<button onclick="go()">',
    }
    assert {
        what: bool(REFUSED[what].search(text)) for what, text in samples.items()
    } == dict.fromkeys(samples, True)
    assert not REFUSED["an inline <script>"].search('<script src="/static/day.js" defer>')


def test_the_macro_bar_gives_each_share_its_width_as_an_attribute() -> None:
    macros = [
        {"name": "protein", "percent_of_kcal": 20.04},
        {"name": "carbohydrate", "percent_of_kcal": 49.96},
        {"name": "fat", "percent_of_kcal": 30.0},
    ]
    html = render_to_string("diary/_macro_bar.html", {"macros": macros})
    widths = re.findall(r'<svg class="macro-(\w+)" width="([\d.]+)%"', html)
    assert widths == [("protein", "20.0"), ("carbohydrate", "50.0"), ("fat", "30.0")]
    assert "style=" not in html
