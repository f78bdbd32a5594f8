"""A real server and a real browser: `openplate serve` in a subprocess on a fresh database,
driven by Debian's Chromium through Playwright.

One server and one Chromium serve the whole run, started by the first browser test that needs
them (a run without browser tests starts neither) and stopped at its end, whatever the tests did.
The server gets its own data folder, and on PostgreSQL (when DATABASE_URL is set) a database of
its own, made for the run and dropped after it, both with a copy of the run's prepared database
(tests/databases.py), so the browser tests share nothing with the other tests' database. They
share the server with each other, so each test signs up people of its own
(tests/browser/people.py) and never counts on another test's. Screenshots go to test-artifacts/
(or $OPENPLATE_TEST_ARTIFACTS).

`server_at(moment)` starts another server, once a moment, whose clock starts at `moment` and
ticks on (time-machine, in the server's process): the time-zone tests need a moment when the
person's date is not UTC's, and no one moment does that for both Honolulu and Auckland. Each has
its data folder, and on PostgreSQL its database, of its own too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.cli.console import environment, fresh_data_dir
from tests.databases import PreparedDatabase
from tests.servers import running

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE_BROWSER = "OPENPLATE_REQUIRE_BROWSER"
ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ARTIFACTS = Path(os.environ.get("OPENPLATE_TEST_ARTIFACTS", ROOT / "test-artifacts"))
# Every browser test signs up people of its own from 127.0.0.1, dozens in a run: more than the
# limits on guessing let one address make in an hour (tests/accounts/test_limits.py tests those).
ROOMY_LIMITS = {
    "OPENPLATE_SIGNUPS_PER_ADDRESS": "10000",
    "OPENPLATE_SIGNIN_ATTEMPTS_PER_ADDRESS": "10000",
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests run after all the others, keeping their own order among themselves.
    While Chromium is up, Playwright keeps an event loop running in this thread: Django refuses
    database work there (SynchronousOnlyOperation) and asyncio.run refuses to start. The one
    browser stays up from the first browser test to the end of the run, so no other test may
    come after the first browser test."""
    items.sort(key=lambda item: item.path.is_relative_to(HERE))


@pytest.fixture(scope="session")
def server_url(
    tmp_path_factory: pytest.TempPathFactory, prepared_database: PreparedDatabase
) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("openplate-browser")
    with _server(data_dir, ["-m", "openplate"], prepared_database) as url:
        yield url


# The server's process, its clock moved before OpenPlate is imported: `{moment}` is filled in.
TRAVELLING_SERVER = (
    "import sys, datetime, time_machine; "
    "time_machine.travel(datetime.datetime.fromisoformat({moment!r}), tick=True).start(); "
    "from openplate.cli import main; main(sys.argv[1:])"
)


@pytest.fixture(scope="session")
def server_at(
    tmp_path_factory: pytest.TempPathFactory, prepared_database: PreparedDatabase
) -> Iterator[Callable[[datetime], str]]:
    """`server_at(moment)`: the address of a server whose clock started at `moment` (UTC), started
    the first time a test asks for that moment and stopped at the end of the run."""
    servers: dict[datetime, str] = {}
    with ExitStack() as started:

        def url_at(moment: datetime) -> str:
            moment = moment.astimezone(UTC)
            if moment not in servers:
                data_dir = tmp_path_factory.mktemp(f"openplate-browser-{moment:%Y%m%dT%H%M}")
                code = TRAVELLING_SERVER.format(moment=moment.isoformat())
                server = _server(data_dir, ["-c", code], prepared_database)
                servers[moment] = started.enter_context(server)
            return servers[moment]

        yield url_at


@contextmanager
def _server(data_dir: Path, python_args: list[str], prepared: PreparedDatabase) -> Iterator[str]:
    """`openplate serve` run as `python PYTHON_ARGS serve --port N`, on a copy of `prepared`."""
    with (
        fresh_data_dir(data_dir, prepared),
        running(
            lambda port: [sys.executable, *python_args, "serve", "--port", str(port)],
            environment(data_dir) | ROOMY_LIMITS,
            data_dir / "server.log",
        ) as server,
    ):
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        missing = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get(REQUIRE_BROWSER):  # CI: a browser test must run, never be skipped
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A phone-sized page in a context of its own (no cookies, no storage from another test); on
    failure its last state is kept as a screenshot."""
    context = browser.new_context(viewport={"width": 414, "height": 896})
    try:
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        yield tab
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            screenshot(tab, f"{request.node.name}-failed")
    finally:
        context.close()


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
