"""The guides' pages: every guide by topic, and one guide. They hold no one's data, so anyone
may read them, signed in or not."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from openplate.guides.articles import guide, guides_by_topic


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every guide, grouped by topic, with its summary."""
    return render(request, "guides/index.html", {"topics": guides_by_topic()})


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One guide: who wrote it, its summary, its picture, and its steps."""
    found = guide(slug)
    if found is None:
        raise Http404
    return render(request, "guides/guide.html", {"guide": found})
