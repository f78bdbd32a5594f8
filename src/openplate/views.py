"""The home page, the health check, and what makes OpenPlate an installable app that logs food
without a connection: the web app manifest, the service worker and the page it shows offline."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from openplate import __version__

logger = logging.getLogger(__name__)

ACCENT = "#2f7d4f"
BACKGROUND = "#fbfbf8"
STATIC_FOLDER = Path(__file__).resolve().parent / "static"
OFFLINE_TEMPLATE = "openplate/offline.html"
OFFLINE_PAGE = Path(__file__).resolve().parent / "templates" / OFFLINE_TEMPLATE
# What every page needs, fetched when the service worker installs so that pages opened before
# work offline; the rest of the static files are kept as pages ask for them.
APP_SHELL = (
    "openplate/site.css",
    "openplate/diary.css",
    "openplate/offline.js",
    "openplate/day.js",
    "openplate/serving.js",
    "openplate/time_zone.js",
    "vendor/htmx/htmx.min.js",
    "vendor/inter/inter-latin-wght-normal.woff2",
    "openplate/icons/icon.svg",
    "openplate/icons/icon-192.png",
    "openplate/icons/apple-touch-icon.png",
)
MANIFEST_ICONS = (
    ("openplate/icons/icon-192.png", "192x192", "image/png", "any"),
    ("openplate/icons/icon-512.png", "512x512", "image/png", "any"),
    ("openplate/icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
    ("openplate/icons/icon.svg", "any", "image/svg+xml", "any"),
)
# Browsers ask for the service worker again at least daily, and at every navigation when it
# says no-cache: a release reaches everyone at their next page.
NO_CACHE = "no-cache"


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The diary for a signed-in person; what OpenPlate is, for everyone else."""
    if request.user.is_authenticated:
        return redirect("diary:today")
    return render(request, "openplate/home.html")


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Plain "ok" when the database answers, for scripts that wait for the server to come up
    and for the proxy's or the orchestrator's checks; 503 with the reason when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("health check: the database does not answer")
        response = HttpResponse(
            "database unavailable", status=503, content_type="text/plain; charset=utf-8"
        )
    else:
        response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: what a phone needs to install OpenPlate on its home screen."""
    start = reverse("diary:today")
    document = {
        "id": start,
        "name": "OpenPlate",
        "short_name": "OpenPlate",
        "description": "Log food, exercise, water and weight against your daily calorie budget.",
        "start_url": start,
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": ACCENT,
        "background_color": BACKGROUND,
        "categories": ["health", "food", "fitness"],
        "icons": [
            {"src": static(path), "sizes": sizes, "type": kind, "purpose": purpose}
            for path, sizes, kind, purpose in MANIFEST_ICONS
        ],
    }
    response = JsonResponse(document, content_type="application/manifest+json")
    response["Cache-Control"] = NO_CACHE
    return response


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at the root so that it controls every page (a worker controls only
    the paths below its own)."""
    script = render_to_string("openplate/sw.js", {"config": json.dumps(worker_config())})
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = NO_CACHE
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """What a page opened offline shows when it was never opened online on this device. The
    service worker keeps it from the day it installs, so it shows no one's own data."""
    response = render(request, OFFLINE_TEMPLATE, {"start_url": reverse("diary:today")})
    response["Cache-Control"] = NO_CACHE
    return response


def worker_config() -> dict[str, Any]:
    """What the service worker needs to know of the URLs, and the version of what it keeps."""
    if settings.DEBUG:  # files change while the server runs: read them at every request
        static_version.cache_clear()
    return {
        "version": static_version(),
        "shell": [static(path) for path in APP_SHELL if finders.find(path)],
        "offline": reverse("offline"),
        "static": static(""),
        "never_kept": [reverse("api-1:api-root"), "/admin/"],
        "forget_on": [reverse("logout"), reverse("yourdata:delete_account")],
    }


@functools.cache
def static_version() -> str:
    """The release and a digest of every static file and of the offline page: a release that
    changes any of them gets new caches, and the worker deletes the old ones."""
    digest = hashlib.sha256(__version__.encode())
    for path in [*sorted(p for p in STATIC_FOLDER.rglob("*") if p.is_file()), OFFLINE_PAGE]:
        name = path.relative_to(STATIC_FOLDER) if path.is_relative_to(STATIC_FOLDER) else path.name
        digest.update(str(name).encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:12]}"
