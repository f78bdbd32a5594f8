"""Content-Security-Policy violations, as the browser reports them to the page itself: a
listener added before any of the page's own scripts runs collects each `securitypolicyviolation`
event (an inline style or script refused, a resource from elsewhere blocked)."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

LISTENER_JS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : "";
  window.__policyViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "(no URI)"}${where}`
  );
});
"""


def watch_policy_violations(context: BrowserContext) -> None:
    """Collect the violations of every page the context opens from now on."""
    context.add_init_script(LISTENER_JS)


def policy_violations(page: Page) -> list[str]:
    """The violations reported since the page was loaded."""
    found: list[str] = page.evaluate("window.__policyViolations || []")
    return found
