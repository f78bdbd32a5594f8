"""Screenshots of OpenPlate's main pages, on a desktop (1366 px) and a phone (390 px), for the
README and docs/screenshots/, so the pictures show the app as it is.

    python scripts/screenshots.py [--out docs/screenshots]

It starts `openplate serve` on a fresh data folder, gives a demo person three weeks of history
(meals in plain words, weigh-ins, water, walks), signs them in with Chromium
(/usr/bin/chromium, through Playwright) and photographs each page in light mode (the day, adding
food, progress, the weekly report, the goal, the expenditure estimate and the weekly check-in),
plus the day in dark mode. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
USERNAME, PASSWORD = "sam", "a demo password for the pictures"
DAYS = 21
VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
MEALS = {
    "breakfast": ["2 eggs and a slice of whole wheat toast", "a cup of oatmeal and a banana"],
    "lunch": ["a turkey sandwich and an apple", "2 cups of lentil soup and a slice of bread"],
    "dinner": ["6 oz salmon, a cup of rice and a cup of broccoli", "chicken breast and a potato"],
    "snacks": ["a cup of plain yogurt", "an apple and a tablespoon of peanut butter"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="openplate-screenshots-") as folder:
        os.environ["OPENPLATE_DATA_DIR"] = folder
        os.environ.pop("DATABASE_URL", None)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "openplate", "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_for(url)
            today = _seed_history()
            _photograph(url, today, args.out)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Screenshots in {args.out}")


def _seed_history() -> date:
    """The demo person and their last three weeks, through the services the pages use."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openplate.settings")
    django.setup()
    from django.contrib.auth.models import User
    from django.utils import timezone

    from openplate.accounts.goals import GoalInput, set_goal
    from openplate.body import services as body
    from openplate.coach.checkins import set_check_in_weekday
    from openplate.diary import services as diary
    from openplate.exercise import services as exercise
    from openplate.exercise.models import Activity
    from openplate.foods.parse import parse_foods
    from openplate.science import units

    today = timezone.localdate()
    start = today - timedelta(days=DAYS)
    person = User.objects.create_user(USERNAME, password=PASSWORD)
    goal = GoalInput(
        sex="female",
        birth_date=date(1988, 5, 14),
        height_cm=units.cm_from_feet_inches(5, 6),
        weight_kg=units.kg_from_lb(172),
        activity="light",
        rate_kg_per_week=-units.kg_from_lb(1),
        target_weight_kg=units.kg_from_lb(155),
    )
    set_goal(person, goal, on=start)
    set_check_in_weekday(person, today.weekday())  # so the pictures show a check-in
    walking = Activity.objects.filter(description__icontains="walking").order_by("code").first()
    rng = random.Random(7)
    for offset in range(DAYS + 1):
        day = start + timedelta(days=offset)
        meals = ["breakfast", "lunch"] if day == today else list(MEALS)
        for meal in meals:
            parsed = parse_foods(rng.choice(MEALS[meal]), user_id=person.pk)
            foods = [
                diary.FoodToLog(food=item.food, serving=item.serving.name, quantity=item.quantity)
                for item in parsed.items
            ]
            diary.log_foods(person, day=day, meal=meal, foods=foods)
        lb = 172 - 0.14 * offset + rng.uniform(-0.8, 0.8)
        body.log_weight(person, day=day, weight=round(lb, 1), unit="lb")
        for _ in range(rng.randint(3, 8)):
            body.log_water(person, day=day)
        if walking is not None and offset % 2 == 0:
            exercise.log_activity(person, day=day, activity=walking, minutes=rng.choice([30, 45]))
    return today


def _photograph(url: str, today: date, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    pages = {
        "diary": f"/diary/{today}/",
        "add-food": f"/diary/{today}/add/?q=banana&meal=snacks",
        "progress": "/progress/",
        "report": "/progress/report/",
        "goal": "/goal/",
        "expenditure": "/coach/expenditure/",
        "check-in": "/coach/check-in/",
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for device, (width, height) in VIEWPORTS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=device == "phone",
                has_touch=device == "phone",
            )
            page = context.new_page()
            page.goto(f"{url}/accounts/login/")
            page.get_by_label("Username").fill(USERNAME)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{url}/**")
            for name, path in pages.items():
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(400)  # the charts' first animation
                page.screenshot(path=str(out / f"{name}-{device}.png"))
            page.emulate_media(color_scheme="dark")
            page.goto(url + pages["diary"])
            page.screenshot(path=str(out / f"diary-dark-{device}.png"))
            context.close()
        browser.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server at {url} did not start within {seconds:.0f} s.")


if __name__ == "__main__":
    main()
