"""Render the app's PNG icons from its two SVG marks, with Chromium.

    python scripts/make_icons.py [--chromium /usr/bin/chromium]

`icon.svg` (the plate on a clear background) gives the 192 and 512 px icons the manifest lists;
`icon-maskable.svg` (the plate inside the middle 80 %, on a full green square, so a launcher
may cut any shape from it) gives the maskable icon and the 180 px apple-touch-icon, which iOS
shows on a square of its own. The PNGs are committed beside the SVGs; run this again after
changing either SVG.
"""

from __future__ import annotations

from pathlib import Path

import click
from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parents[1] / "src/openplate/static/openplate/icons"
# (source SVG, PNG written, size in px, keep the clear background)
RENDERS = (
    ("icon.svg", "icon-192.png", 192, True),
    ("icon.svg", "icon-512.png", 512, True),
    ("icon-maskable.svg", "icon-maskable-512.png", 512, False),
    ("icon-maskable.svg", "apple-touch-icon.png", 180, False),
)
PAGE = (
    "<!doctype html><style>html,body{{margin:0;background:transparent}}"
    "svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
)


@click.command()
@click.option("--chromium", default="/usr/bin/chromium", show_default=True)
def main(chromium: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        try:
            for source, target, size, clear in RENDERS:
                page = browser.new_page(viewport={"width": size, "height": size})
                svg = (ICONS / source).read_text()
                page.set_content(PAGE.format(size=size, svg=svg))
                page.screenshot(path=str(ICONS / target), omit_background=clear)
                page.close()
                click.echo(f"{target}: {size} × {size} from {source}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
