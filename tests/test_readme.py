"""The README's Quickstart is what CI runs: two commands, the second called by .ci/run."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_quickstart_has_exactly_two_commands():
    commands = quickstart_commands()
    assert len(commands) == 2
    assert commands[0].endswith("openplate serve")
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert f'TEST_COMMAND="{quickstart_commands()[1]}"' in ci
    assert 'bash -c "$TEST_COMMAND"' in ci
    # The same suite on PostgreSQL, the tests that use a database, from the same install.
    assert 'DATABASE_URL="$POSTGRES_URL" .venv/bin/pytest --database-only' in ci
