"""Installing OpenPlate: the web app manifest, the service worker, the offline page, and the
forms that log food marked for the offline queue."""

from __future__ import annotations

import json
import re
import struct
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from openplate import views
from openplate.diary.services import log_food
from openplate.foods.models import Food

DAY = date(2025, 3, 3)


def body(response: Any) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


def worker_config(client: Client) -> dict[str, Any]:
    script = client.get("/sw.js").content.decode()
    found = re.search(r"^const CONFIG = (.*);$", script, re.MULTILINE)
    assert found, script
    config: dict[str, Any] = json.loads(found.group(1))
    return config


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- The manifest ------------------------------------------------------------------------------


def test_the_manifest_describes_the_app(client: Client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "OpenPlate"
    assert manifest["short_name"] == "OpenPlate"
    assert manifest["start_url"] == "/diary/" == reverse("diary:today")
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#2f7d4f"
    assert manifest["background_color"] == "#fbfbf8"


def test_every_icon_the_manifest_names_is_served_at_its_size(client: Client) -> None:
    icons = client.get("/manifest.webmanifest").json()["icons"]
    purposes = {(icon["sizes"], icon["purpose"]) for icon in icons}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in icons:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon
        assert response["Content-Type"] == icon["type"]
        if icon["type"] == "image/png":
            width, height = png_size(body(response))
            assert f"{width}x{height}" == icon["sizes"]


def test_the_apple_touch_icon_is_180_px_and_opaque(client: Client) -> None:
    data = body(client.get("/static/openplate/icons/apple-touch-icon.png"))
    assert png_size(data) == (180, 180)
    colour_type = data[25]
    assert colour_type == 2  # RGB with no alpha: iOS would fill a clear corner with black


def test_the_pages_link_the_manifest_icons_and_offline_script(client: Client) -> None:
    page = client.get("/").content.decode()
    assert f'<link rel="manifest" href="{reverse("manifest")}">' in page
    assert 'href="/static/openplate/icons/icon.svg" type="image/svg+xml"' in page
    assert 'rel="apple-touch-icon" href="/static/openplate/icons/apple-touch-icon.png"' in page
    assert '<meta name="theme-color" content="#2f7d4f">' in page
    assert 'src="/static/openplate/offline.js"' in page


# --- The service worker ------------------------------------------------------------------------


def test_the_service_worker_is_served_at_the_root_and_never_cached(client: Client) -> None:
    response = client.get("/sw.js")
    assert reverse("service_worker") == "/sw.js"
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"


def test_the_worker_is_told_what_to_keep_and_what_never_to(client: Client) -> None:
    config = worker_config(client)
    assert config["version"] == views.static_version()
    assert config["offline"] == reverse("offline")
    assert config["static"] == "/static/"
    assert "/api/" in config["never_kept"]
    assert reverse("logout") in config["forget_on"]
    assert "/static/openplate/offline.js" in config["shell"]
    assert "/static/vendor/htmx/htmx.min.js" in config["shell"]


def test_every_file_the_worker_keeps_at_install_is_served(client: Client) -> None:
    """One missing file and the worker never installs."""
    config = worker_config(client)
    for url in [*config["shell"], config["offline"]]:
        assert client.get(url).status_code == 200, url


def test_the_cache_version_follows_the_static_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    static = tmp_path / "static"
    (static / "openplate").mkdir(parents=True)
    (tmp_path / "templates" / "openplate").mkdir(parents=True)
    (tmp_path / "templates" / views.OFFLINE_TEMPLATE).write_text("offline")
    stylesheet = static / "openplate" / "site.css"
    stylesheet.write_text("body { color: black }")
    monkeypatch.setattr(views, "STATIC_FOLDER", static)
    monkeypatch.setattr(views, "OFFLINE_PAGE", tmp_path / "templates" / views.OFFLINE_TEMPLATE)

    def version() -> str:
        views.static_version.cache_clear()
        return views.static_version()

    try:
        first = version()
        assert version() == first
        stylesheet.write_text("body { color: green }")
        changed = version()
        assert changed != first
        (tmp_path / "templates" / views.OFFLINE_TEMPLATE).write_text("offline, reworded")
        assert version() != changed
    finally:
        views.static_version.cache_clear()


@pytest.mark.parametrize("path", ["/sw.js", "/manifest.webmanifest", "/offline/"])
def test_they_answer_get_only(client: Client, path: str) -> None:
    assert client.post(path).status_code == 405


# --- The offline page --------------------------------------------------------------------------


def test_the_offline_page_shows_no_one_s_data(new_alice_browser: Client) -> None:
    """The worker keeps it for everyone on the device."""
    response = new_alice_browser.get("/offline/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "You're offline" in page
    assert "alice" not in page
    assert "csrf" not in page.lower()
    assert 'src="/static/openplate/offline.js"' in page


# --- The forms the offline queue sends ---------------------------------------------------------


@pytest.fixture
def egg(db: None) -> Food:
    return Food.objects.get(source="usda", source_id="01123")


def test_the_log_form_says_which_api_call_logs_it(new_alice_browser: Client, egg: Food) -> None:
    page = new_alice_browser.get(f"/diary/{DAY}/add/{egg.pk}/").content.decode()
    assert f'data-offline-log="{reverse("api-1:log_food")}"' in page
    assert f'data-offline-date="{DAY}"' in page
    assert f'data-offline-food-id="{egg.pk}"' in page
    assert 'data-offline-user="alice"' in page
    assert '<div class="offline-status" data-offline-status></div>' in page


def test_the_one_tap_buttons_say_which_api_call_logs_them(
    new_alice: User, new_alice_browser: Client, egg: Food
) -> None:
    log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=1)
    page = new_alice_browser.get(f"/diary/{DAY}/add/?meal=breakfast").content.decode()
    form = re.search(r'<form method="post" action="[^"]*/again/"[^>]*>', page)
    assert form, page
    assert f'data-offline-log="{reverse("api-1:log_again")}"' in form.group(0)
    assert f'data-offline-date="{DAY}"' in form.group(0)


def test_while_debugging_the_version_follows_files_changed_since_the_start(
    client: Client, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = worker_config(client)["version"]
    monkeypatch.setattr(views, "__version__", "0.0.0-changed")
    assert worker_config(client)["version"] == served  # a running server keeps its version
    settings.DEBUG = True
    try:
        assert worker_config(client)["version"].startswith("0.0.0-changed-")
    finally:
        views.static_version.cache_clear()
