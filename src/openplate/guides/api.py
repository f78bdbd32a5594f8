"""The guides: every guide, one guide with its steps, and the guides offered to the caller on
a day (openplate.guides.triggers)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router

from openplate.core.api_support import caller
from openplate.guides.articles import all_guides, guide
from openplate.guides.schemas import GuideDetail, GuideSummary, OfferedQuery
from openplate.guides.triggers import offered_guides

router = Router(tags=["guides"])


@router.get("/guides", response=list[GuideSummary])
def list_guides(request: HttpRequest) -> list[GuideSummary]:
    """Every guide, by topic and then title."""
    return [GuideSummary.of(found) for found in all_guides()]


@router.get("/guides/offered", response=list[GuideSummary])
def list_offered_guides(request: HttpRequest, query: Query[OfferedQuery]) -> list[GuideSummary]:
    """The guides worth reading on a day, from what the caller logged: the sore-legs guide on
    the day of a leg-heavy exercise and the day after."""
    day = query.date or timezone.localdate()
    return [GuideSummary.of(found) for found in offered_guides(caller(request), day)]


@router.get("/guides/{slug}", response=GuideDetail)
def get_guide(request: HttpRequest, slug: str) -> GuideDetail:
    """One guide, with its body as HTML and its numbered steps."""
    found = guide(slug)
    if found is None:
        raise Http404
    return GuideDetail.of(found)
