"""Accessibility checks run in the page: axe-core's WCAG 2.1 A and AA rules, and what axe does not
look for (a control named by two labels, a page wider than the screen).

axe-core is vendored for the tests only (tests/browser/vendor/README.md) and injected into the
page under test; nothing here is served by the app.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = frozenset({"serious", "critical"})
NODES_SHOWN = 8
MARKUP_SHOWN = 80

# A short selector for an element: its tag, id or first two classes, after its parent's.
SHORT_SELECTOR_JS = """
function shortSelector(element) {
  const one = (node) => {
    let text = node.tagName.toLowerCase();
    if (node.id) return text + "#" + node.id;
    const classes = [...node.classList].slice(0, 2);
    if (classes.length) text += "." + classes.join(".");
    return text;
  };
  const parent = element.parentElement;
  if (element.id || !parent || parent === document.body) return one(element);
  return one(parent) + " > " + one(element);
}
"""

# Elements whose box passes the right edge of the viewport, the outermost of each overflow only.
# What a scrolling or clipping box holds is its own affair, except what is positioned outside
# it: an absolutely positioned element escapes every clipping box inside its containing block
# (a visually hidden span in a scrolling table can still widen the page), a fixed one all.
OVERFLOW_JS = (
    """() => {
"""
    + SHORT_SELECTOR_JS
    + """
  const edge = window.innerWidth;
  const clips = (node) => getComputedStyle(node).overflowX !== "visible";
  const clipped = (element) => {
    let mustContain = null;
    for (let node = element; node !== document.body; node = node.parentElement) {
      const position = getComputedStyle(node).position;
      if (position === "fixed") return false;
      if (position === "absolute") mustContain = node.offsetParent;
      const parent = node.parentElement;
      if (parent === document.body) return false;
      const holds = !mustContain || parent === mustContain || parent.contains(mustContain);
      if (holds && clips(parent)) return true;
      if (parent === mustContain) mustContain = null;
    }
    return false;
  };
  const past = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && box.right > edge + 0.5 && !clipped(element)) {
      past.push([element, box]);
    }
  }
  const outermost = past.filter(([element]) =>
    !past.some(([other]) => other !== element && other.contains(element)));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: edge,
    elements: outermost.map(([element, box]) =>
      shortSelector(element) + " (right edge " + Math.round(box.right) + " px)"),
  };
}
"""
)

# Form controls a screen reader would name twice or more: several <label>s for one control (two
# forms on a page giving their fields the same id do this), or a title that repeats the label.
REPEATED_NAMES_JS = (
    """() => {
"""
    + SHORT_SELECTOR_JS
    + """
  const found = [];
  const text = (node) => node.textContent.replace(/\\s+/g, " ").trim();
  const controls = "input, select, textarea, button, meter, output";
  for (const control of document.querySelectorAll(controls)) {
    if (control.type === "hidden") continue;
    const labels = [...(control.labels || [])];
    if (labels.length > 1) {
      found.push(shortSelector(control) + " has " + labels.length + " labels: "
        + labels.map(text).join(" | "));
    }
    const title = (control.getAttribute("title") || "").trim();
    const named = control.getAttribute("aria-label") || labels.map(text).join(" ");
    if (title && named && title.toLowerCase() === named.trim().toLowerCase()) {
      found.push(shortSelector(control) + " repeats its name in its title: " + title);
    }
  }
  const ids = new Map();
  for (const element of document.querySelectorAll("[id]")) {
    ids.set(element.id, (ids.get(element.id) || 0) + 1);
  }
  for (const [id, count] of ids) {
    if (count > 1) found.push("id " + JSON.stringify(id) + " is used " + count + " times");
  }
  return found;
}
"""
)


def axe_violations(page: Page, *, rules: list[str] | None = None) -> list[str]:
    """The serious and critical violations of WCAG 2.1 AA on the page (or of `rules` only), each
    as its rule, what it asks for, and the elements at fault."""
    first_run = not page.evaluate("typeof window.axe !== 'undefined'")
    if first_run:
        # Evaluated rather than added as a <script>: the page's policy refuses inline scripts.
        page.evaluate(_axe_source())
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_AA}
    # Preloading fetches the page's style sheets again for the few rules that read CSS itself
    # (css-orientation-lock): the first run on a page does it, later ones on the same page skip it.
    options = {"runOnly": run_only, "resultTypes": ["violations"], "preload": first_run}
    results: dict[str, Any] = page.evaluate("(options) => axe.run(document, options)", options)
    return [
        _described(violation)
        for violation in results["violations"]
        if violation.get("impact") in FAILING_IMPACTS
    ]


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def _described(violation: dict[str, Any]) -> str:
    targets = [_node(node) for node in violation["nodes"]]
    shown = ", ".join(targets[:NODES_SHOWN])
    more = f" and {len(targets) - NODES_SHOWN} more" if len(targets) > NODES_SHOWN else ""
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {shown}{more}"


def _node(node: dict[str, Any]) -> str:
    """The node's selector, and the start of its markup when the selector names no id."""
    target = " ".join(map(str, node["target"]))
    if "#" in target:
        return target
    markup = " ".join(node["html"].split())
    return f"{target} `{markup[:MARKUP_SHOWN]}{'…' if len(markup) > MARKUP_SHOWN else ''}`"


def overflow(page: Page) -> list[str]:
    """What makes the page wider than the viewport: empty when nothing does."""
    found: dict[str, Any] = page.evaluate(OVERFLOW_JS)
    problems = [f"element past the right edge: {element}" for element in found["elements"]]
    if found["scrollWidth"] > found["innerWidth"]:
        problems.insert(
            0, f"page is {found['scrollWidth']} px wide in a {found['innerWidth']} px viewport"
        )
    return problems


def repeated_names(page: Page) -> list[str]:
    """Controls named more than once, and ids used twice, which give a label the wrong control."""
    found: list[str] = page.evaluate(REPEATED_NAMES_JS)
    return found
