"""The guides: Markdown files in guides/articles/, each with a front-matter header.

A guide file is `articles/<slug>.md`:

    ---
    title: Relieving sore leg muscles after exercise
    author: OpenPlate team
    topic: Recovery
    summary: Why legs ache a day or two after hard exercise, and what eases them.
    image: openplate/guides/sore-legs.svg      (optional, a static file)
    image_alt: A leg resting with an ice pack   (with an image: required)
    image_credit: Drawing by the OpenPlate team (with an image: required)
    ---
    Markdown body, whose first numbered list is the guide's steps.

Guides are parsed once and kept for the life of the process. A guide that breaks these rules
raises `GuideError` naming the file and the problem, and a test loads every shipped guide, so a
broken one never ships.

The articles are our own files, but their HTML is still made safe: raw HTML in the Markdown is
escaped and shown as text, never passed through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import unescape
from itertools import groupby
from pathlib import Path
from xml.etree import ElementTree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ARTICLES_DIR = Path(__file__).parent / "articles"
REQUIRED_FIELDS = ("title", "author", "topic", "summary")
IMAGE_FIELDS = ("image", "image_alt", "image_credit")
MIN_STEPS = 3
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FIELD_LINE = re.compile(r"(?P<key>[a-z_]+):\s*(?P<value>.*)")
FRONT_MATTER_FENCE = "---"
STEPS_CLASS = "guide-steps"
BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|div)\b[^>]*>")
TAG = re.compile(r"<[^>]*>")


class GuideError(ValueError):
    """A guide file that cannot be shown: its name, header or steps break the rules above."""


@dataclass(frozen=True)
class Step:
    html: str  # the step's inner HTML, as on the page
    text: str  # the same, as plain text


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    author: str
    topic: str
    summary: str
    body_html: str  # the whole body, the steps' ordered list included
    steps: tuple[Step, ...]
    image: str = ""  # a static file's path, "" when the guide has none
    image_alt: str = ""
    image_credit: str = ""


def all_guides() -> list[Guide]:
    """Every shipped guide, by topic and then title."""
    return list(_shipped().values())


def guide(slug: str) -> Guide | None:
    """The shipped guide `slug`, or None."""
    return _shipped().get(slug)


def guides_by_topic() -> list[tuple[str, list[Guide]]]:
    """The shipped guides grouped by topic, topics in alphabetical order."""
    return [(topic, list(group)) for topic, group in groupby(all_guides(), key=_topic)]


def load_guides(directory: Path) -> dict[str, Guide]:
    """Every `*.md` guide in `directory`, keyed by slug, by topic and then title."""
    guides = [
        parse_guide(path.stem, path.read_text(encoding="utf-8")) for path in _files(directory)
    ]
    guides.sort(key=lambda g: (g.topic.casefold(), g.title.casefold()))
    return {g.slug: g for g in guides}


def parse_guide(slug: str, text: str) -> Guide:
    """The guide `slug` from its file's `text`; raises GuideError when it breaks the rules."""
    if not SLUG.fullmatch(slug):
        _refuse(slug, "the file name must be lower-case words joined by hyphens")
    fields, body = _front_matter(slug, text)
    missing = [name for name in REQUIRED_FIELDS if not fields.get(name)]
    if missing:
        _refuse(slug, f"missing {', '.join(missing)} in the front matter")
    if fields.get("image") and not all(fields.get(name) for name in IMAGE_FIELDS):
        _refuse(slug, "an image needs image_alt and image_credit")
    body_html, steps = _render(body)
    if len(steps) < MIN_STEPS:
        _refuse(slug, f"it needs a numbered list of at least {MIN_STEPS} steps")
    return Guide(
        slug=slug,
        body_html=body_html,
        steps=steps,
        **{name: fields.get(name, "") for name in (*REQUIRED_FIELDS, *IMAGE_FIELDS)},
    )


@cache
def _shipped() -> dict[str, Guide]:
    return load_guides(ARTICLES_DIR)


def _files(directory: Path) -> Iterable[Path]:
    return sorted(directory.glob("*.md"))


def _topic(g: Guide) -> str:
    return g.topic


def _refuse(slug: str, problem: str) -> None:
    raise GuideError(f"guide {slug!r}: {problem}")


def _front_matter(slug: str, text: str) -> tuple[dict[str, str], str]:
    """The header's `key: value` fields, and the body after it."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        _refuse(slug, f"it must start with a front-matter header between {FRONT_MATTER_FENCE!r}")
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        _refuse(slug, "its front-matter header is not closed")
        raise  # unreachable: _refuse raises
    known = {*REQUIRED_FIELDS, *IMAGE_FIELDS}
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], 2):
        if not line.strip():
            continue
        match = FIELD_LINE.fullmatch(line.strip())
        if match is None:
            _refuse(slug, f"line {number} is not 'field: value'")
            continue
        key, value = match["key"], match["value"].strip()
        if key not in known:
            _refuse(slug, f"unknown field {key!r} on line {number}")
        if key in fields:
            _refuse(slug, f"{key!r} is given twice")
        fields[key] = value
    return fields, "\n".join(lines[end + 1 :])


def _render(body: str) -> tuple[str, tuple[Step, ...]]:
    collector = _StepCollector()
    md = markdown.Markdown(extensions=[_SafeSteps(collector)], output_format="html")
    html = md.convert(body)
    steps = []
    for raw in collector.steps:
        for postprocessor in md.postprocessors:  # puts back what Markdown set aside
            raw = postprocessor.run(raw)
        steps.append(Step(html=" ".join(raw.split()), text=_plain(raw)))
    return html, tuple(steps)


class _StepCollector:
    def __init__(self) -> None:
        self.steps: list[str] = []  # each step's inner HTML, before postprocessing


class _StepsTreeprocessor(Treeprocessor):
    """Marks the body's first top-level numbered list as the steps, and collects them."""

    def __init__(self, md: markdown.Markdown, collector: _StepCollector) -> None:
        super().__init__(md)
        self.collector = collector

    def run(self, root: ElementTree.Element) -> None:
        steps = root.find("ol")
        if steps is None:
            return
        steps.set("class", STEPS_CLASS)
        for item in steps.findall("li"):
            inner = "".join(
                [
                    _escape(item.text or ""),
                    *(
                        ElementTree.tostring(child, encoding="unicode", method="html")
                        for child in item
                    ),
                ]
            )
            self.collector.steps.append(inner.strip())


class _SafeSteps(Extension):
    """No raw HTML (it is escaped as text), and the steps collected."""

    def __init__(self, collector: _StepCollector) -> None:
        super().__init__()
        self.collector = collector

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # After "unescape" (priority 0), so backslash escapes are characters again.
        md.treeprocessors.register(_StepsTreeprocessor(md, self.collector), "guide_steps", -1)


def _plain(html: str) -> str:
    return " ".join(unescape(TAG.sub("", BLOCK_TAG.sub(" ", html))).split())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
