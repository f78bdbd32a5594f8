"""The limits on guessing hold when several processes serve OpenPlate at once: the counts live in
the database, so no process can let through attempts another one has counted.

Each test makes a data folder (and on PostgreSQL a database) of its own, a copy of the run's
prepared database (tests/databases.py); then
several processes count against one limit at the same moment, or two servers take turns
answering one guesser.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from tests.cli.console import environment as environment_of
from tests.cli.console import fresh_data_dir
from tests.databases import PreparedDatabase
from tests.servers import running

pytestmark = [pytest.mark.database, pytest.mark.slow]

COUNTING_SECONDS = 120


@pytest.fixture
def environment(tmp_path: Path, prepared_database: PreparedDatabase) -> Iterator[dict[str, str]]:
    """The environment of processes sharing one prepared database."""
    with fresh_data_dir(tmp_path / "data", prepared_database) as data_dir:
        yield environment_of(data_dir)


# Counts `hits` attempts against the sign-up limit of one address, once a file says go, and
# prints how many were let through.
COUNTER = """
import sys, time, pathlib
from openplate.cli.database import setup_django
setup_django()
from openplate.accounts import limits
from openplate.accounts.models import AttemptCount
limit = limits.limit(limits.SIGN_UP_PER_ADDRESS)
AttemptCount.objects.exists()  # connected before the start
print("ready", flush=True)
go = pathlib.Path(sys.argv[1])
while not go.exists():
    time.sleep(0.001)
print(sum(limits.hit(limit, "203.0.113.10") is None for _ in range(int(sys.argv[2]))))
"""


def test_processes_counting_at_once_let_exactly_the_limit_through(
    environment: dict[str, str], tmp_path: Path
) -> None:
    processes, hits, allowed = 4, 30, 47  # 120 attempts, 47 let through
    environment["OPENPLATE_SIGNUPS_PER_ADDRESS"] = str(allowed)
    go = tmp_path / "go"
    counters = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTER, str(go), str(hits)],
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for counter in counters:
        assert counter.stdout is not None
        assert counter.stdout.readline().strip() == "ready"
    go.touch()
    let_through = [int(counter.communicate(timeout=COUNTING_SECONDS)[0]) for counter in counters]
    assert all(counter.returncode == 0 for counter in counters)
    assert sum(let_through) == allowed
    assert all(passed < allowed for passed in let_through)  # each process had its share only


# --- Two servers, one guesser ------------------------------------------------------------------

SERVER = """
import sys
from openplate.cli.database import setup_django
setup_django()
from django.core.wsgi import get_wsgi_application
from waitress import serve
serve(get_wsgi_application(), host="127.0.0.1", port=int(sys.argv[1]), threads=4)
"""
MAKE_ALICE = (
    "from django.contrib.auth.models import User; "
    "User.objects.create_user('alice', 'alice@example.com', 'alice-password')"
)


@contextmanager
def server(env: dict[str, str], log: Path) -> Iterator[str]:
    command = [sys.executable, "-c", SERVER]
    with running(lambda port: [*command, str(port)], env, log) as started:
        yield started.url


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect is the answer we want to see


def sign_in(url: str, password: str) -> int:
    """The status of a sign-in as alice with `password`, from a fresh browser, at `url`."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), KeepRedirects()
    )
    with browser.open(f"{url}/accounts/login/", timeout=10) as page:
        html = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token is not None
    form = {"csrfmiddlewaretoken": token.group(1), "username": "alice", "password": password}
    try:
        with browser.open(
            f"{url}/accounts/login/", urllib.parse.urlencode(form).encode(), timeout=10
        ) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_two_servers_lock_an_account_as_one(environment: dict[str, str], tmp_path: Path) -> None:
    limit = 4
    environment["OPENPLATE_SIGNIN_ATTEMPTS"] = str(limit)
    manage = [sys.executable, "-m", "openplate", "manage"]
    subprocess.run([*manage, "shell", "-c", MAKE_ALICE], env=environment, check=True)
    with (
        server(environment, tmp_path / "first.log") as first,
        server(environment, tmp_path / "second.log") as second,
    ):
        turns = [first, second] * limit
        answers = [sign_in(url, "not-it") for url in turns[: limit - 1]]
        assert answers == [200] * (limit - 1)  # each server saw only half of these
        assert sign_in(turns[limit - 1], "not-it") == 429
        assert sign_in(first, "alice-password") == 429
        assert sign_in(second, "alice-password") == 429
