"""The people every test module may use (tests/people.py); a module may define its own. The
database prepared once a run for the servers and commands run in processes of their own
(tests/databases.py). And `--database-only`, with which CI runs on PostgreSQL the tests that use
a database, the whole suite having run on SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.databases import PreparedDatabase, prepared_in

pytest_plugins = ["tests.people"]

# Fixtures that give a test a database: pytest-django's, and the browser tests' server.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "server_url",
        "prepared_database",
    }
)


@pytest.fixture(scope="session")
def prepared_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreparedDatabase]:
    """Migrated, with the shipped foods and activities: made by the first test that asks."""
    with prepared_in(tmp_path_factory.mktemp("prepared-database")) as prepared:
        yield prepared


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-only",
        action="store_true",
        help="run only the tests that use a database (the test database, or one of their own "
        "through a server or the console script)",
    )


def uses_a_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") or item.get_closest_marker("database"):
        return True
    return bool(DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--database-only"):
        return
    kept = [item for item in items if uses_a_database(item)]
    left_out = [item for item in items if not uses_a_database(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
