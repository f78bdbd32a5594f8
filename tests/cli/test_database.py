"""Bringing the database up before a command that needs it (the first start, on a new data
folder, is in tests/cli/test_console_script.py)."""

import logging
from typing import Any

import pytest
from django.db.models.signals import pre_migrate

from tests.cli.runner import openplate

pytestmark = pytest.mark.django_db


def test_a_command_on_an_up_to_date_database_does_not_migrate_it() -> None:
    migrated: list[str] = []

    def record(app_config: Any, **kwargs: Any) -> None:
        migrated.append(app_config.label)

    pre_migrate.connect(record)
    try:
        result = openplate("foods", "search", "egg", "--limit", "1")
    finally:
        pre_migrate.disconnect(record)
    assert result.returncode == 0, result.stderr
    assert migrated == []
    assert result.stderr == ""


def test_a_command_in_a_process_where_django_runs_leaves_its_logging_alone() -> None:
    """Starting Django again would point its log handler at this test's captured stderr."""
    handlers = [(handler, getattr(handler, "stream", None)) for handler in logging.root.handlers]
    result = openplate("foods", "search", "egg", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert [(h, getattr(h, "stream", None)) for h in logging.root.handlers] == handlers
