"""The guides' pages: every guide by topic, and one guide with its steps."""

import re

import pytest
from django.test import Client

from openplate.guides.articles import all_guides, guide, guides_by_topic

pytestmark = pytest.mark.django_db


def test_it_lists_every_guide_under_its_topic(new_alice_browser: Client) -> None:
    response = new_alice_browser.get("/guides/")
    assert response.status_code == 200
    page = response.content.decode()
    for topic, guides in guides_by_topic():
        assert f">{topic}</h2>" in page
        for found in guides:
            assert f'href="/guides/{found.slug}/"' in page
            assert found.summary in page
    assert "openplate/guides.css" in page


def test_it_shows_a_guide_with_its_steps_in_order(new_alice_browser: Client) -> None:
    sore_legs = guide("sore-legs")
    assert sore_legs is not None
    response = new_alice_browser.get("/guides/sore-legs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{sore_legs.title}</h1>" in page
    assert "By OpenPlate team" in page
    steps = re.search(r'<ol class="guide-steps">(.*?)</ol>', page, re.DOTALL)
    assert steps is not None
    assert len(re.findall(r"<li>", steps.group(1))) == len(sore_legs.steps)
    assert steps.group(1).index("Massage") < steps.group(1).index("Epsom")


def test_it_shows_the_image_with_its_alt_text_and_credit(new_alice_browser: Client) -> None:
    sore_legs = guide("sore-legs")
    assert sore_legs is not None
    assert sore_legs.image
    page = new_alice_browser.get("/guides/sore-legs/").content.decode()
    assert f'alt="{sore_legs.image_alt}"' in page
    assert f"<figcaption>{sore_legs.image_credit}</figcaption>" in page


def test_it_shows_a_guide_without_an_image_without_a_figure(new_alice_browser: Client) -> None:
    plain = next(found for found in all_guides() if not found.image)
    page = new_alice_browser.get(f"/guides/{plain.slug}/").content.decode()
    assert "<figure" not in page
    assert "<ol" in page


def test_it_answers_404_for_an_unknown_guide(new_alice_browser: Client) -> None:
    assert new_alice_browser.get("/guides/no-such-guide/").status_code == 404


def test_it_lets_anyone_read_the_guides(client: Client) -> None:
    assert client.get("/guides/").status_code == 200
    assert client.get("/guides/sore-legs/").status_code == 200


def test_it_refuses_posts(new_alice_browser: Client) -> None:
    assert new_alice_browser.post("/guides/").status_code == 405
