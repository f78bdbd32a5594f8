"""The guide files: every shipped guide parses, and a broken one fails loudly."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from hypothesis import given
from hypothesis import strategies as st

from openplate.guides import articles
from openplate.guides.articles import GuideError, parse_guide

GOOD = """---
title: A title
author: OpenPlate team
topic: Recovery
summary: What it is about.
---
Some words first.

1. **One.** The first step.
2. **Two.** The second step.
3. **Three.** The third step.

## Then

- a bullet list
"""


def test_it_ships_guides_that_all_parse_with_their_fields_and_steps():
    shipped = articles.load_guides(articles.ARTICLES_DIR)
    assert len(shipped) >= 4
    for slug, guide in shipped.items():
        assert guide.slug == slug
        for field in ("title", "author", "topic", "summary"):
            assert getattr(guide, field), f"{slug} has no {field}"
        assert len(guide.steps) >= articles.MIN_STEPS, slug
        assert all(step.text for step in guide.steps)
        assert "<script" not in guide.body_html


def test_it_ships_images_that_exist_with_alt_text_and_credit():
    for guide in articles.all_guides():
        if guide.image:
            assert finders.find(guide.image), guide.image
            assert guide.image_alt
            assert guide.image_credit


def test_it_ships_the_sore_legs_guide_as_asked():
    guide = articles.guide("sore-legs")
    assert guide is not None
    assert guide.author == "OpenPlate team"
    steps = " ".join(step.text for step in guide.steps).lower()
    for words in ("massage", "crushed ice", "20 minutes", "label", "2 cups of epsom salt"):
        assert words in steps
    body = guide.body_html.lower()
    for words in ("delayed-onset muscle soreness", "cramp", "stretch", "rhabdomyolysis", "week"):
        assert words in body


def test_it_parses_the_front_matter_and_steps():
    guide = parse_guide("a-guide", GOOD)
    assert (guide.title, guide.author, guide.topic) == ("A title", "OpenPlate team", "Recovery")
    assert guide.summary == "What it is about."
    assert [step.text for step in guide.steps] == [
        "One. The first step.",
        "Two. The second step.",
        "Three. The third step.",
    ]
    assert guide.steps[0].html == "<strong>One.</strong> The first step."
    assert '<ol class="guide-steps">' in guide.body_html
    assert "<ul>" in guide.body_html  # a later list is body, not steps
    assert guide.image == ""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (GOOD.replace("title: A title\n", ""), "missing title"),
        (GOOD.replace("summary: What it is about.\n", "summary:\n"), "missing summary"),
        (GOOD.replace("---\n", "", 1), "front-matter header"),
        (GOOD.replace("\n---\nSome", "\nSome"), "not closed"),
        (GOOD.replace("topic: Recovery", "topics: Recovery"), "unknown field 'topics'"),
        (GOOD.replace("topic: Recovery", "Recovery"), "not 'field: value'"),
        (GOOD.replace("topic: Recovery", "topic: Recovery\ntopic: Food"), "given twice"),
        (GOOD.replace("topic: Recovery", "topic: R\nimage: a.svg"), "image_alt and image_credit"),
        (GOOD.replace("3. **Three.** The third step.\n", ""), "at least 3 steps"),
    ],
)
def test_it_refuses_a_broken_guide_loudly(text, problem):
    with pytest.raises(GuideError, match=problem):
        parse_guide("a-guide", text)


def test_it_refuses_a_file_name_that_is_not_a_slug():
    with pytest.raises(GuideError, match="file name"):
        parse_guide("Sore Legs", GOOD)


def test_it_fails_loading_a_folder_with_a_broken_guide(tmp_path: Path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "broken.md").write_text(GOOD.replace("author: OpenPlate team\n", ""))
    with pytest.raises(GuideError, match="'broken': missing author"):
        articles.load_guides(tmp_path)


def test_it_escapes_raw_html_in_a_guide():
    guide = parse_guide("a-guide", GOOD.replace("Some words first.", "<script>alert(1)</script>"))
    assert "<script>" not in guide.body_html
    assert "&lt;script&gt;" in guide.body_html


def test_it_groups_guides_by_topic_in_order():
    grouped = articles.guides_by_topic()
    topics = [topic for topic, _ in grouped]
    assert topics == sorted(topics, key=str.casefold)
    assert len(topics) == len(set(topics))
    for topic, guides in grouped:
        assert all(guide.topic == topic for guide in guides)
    assert sum(len(guides) for _, guides in grouped) == len(articles.all_guides())


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_it_never_lets_raw_html_through_a_step(words):
    text = GOOD.replace("The first step.", words.replace("\n", " ") + " <b onclick=x>")
    try:
        guide = parse_guide("a-guide", text)
    except GuideError:
        return  # the words broke the list: refused, not shown
    assert "<b onclick" not in guide.body_html
    assert all("<b onclick" not in step.html for step in guide.steps)
