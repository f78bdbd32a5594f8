"""What the guides' endpoints answer."""

from __future__ import annotations

from django.templatetags.static import static
from ninja import Schema
from pydantic import Field

from openplate.core.api_support import Day, QuerySchema
from openplate.guides.articles import Guide


class GuideSummary(Schema):
    slug: str
    title: str
    author: str
    topic: str
    summary: str

    @classmethod
    def of(cls, guide: Guide) -> GuideSummary:
        return cls(
            slug=guide.slug,
            title=guide.title,
            author=guide.author,
            topic=guide.topic,
            summary=guide.summary,
        )


class GuideStep(Schema):
    number: int
    html: str = Field(description="The step as HTML: its bold lead and its text.")
    text: str = Field(description="The same step as plain text.")


class GuideImage(Schema):
    url: str
    alt: str
    credit: str


class GuideDetail(GuideSummary):
    html: str = Field(description="The whole guide's body as HTML, its steps included.")
    steps: list[GuideStep]
    image: GuideImage | None = None

    @classmethod
    def of(cls, guide: Guide) -> GuideDetail:
        image = None
        if guide.image:
            image = GuideImage(
                url=static(guide.image), alt=guide.image_alt, credit=guide.image_credit
            )
        return cls(
            **GuideSummary.of(guide).model_dump(),
            html=guide.body_html,
            steps=[
                GuideStep(number=number, html=step.html, text=step.text)
                for number, step in enumerate(guide.steps, 1)
            ],
            image=image,
        )


class OfferedQuery(QuerySchema):
    date: Day | None = Field(default=None, description="The day; today when left out.")
