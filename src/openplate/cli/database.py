"""Bringing Django and the database up for the commands that need them."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

SETTINGS_MODULE = "openplate.settings"

logger = logging.getLogger("openplate.database")


def setup_django() -> None:
    """Prepare the data folder (the settings only read it), then start Django, once a process.

    Starting it again would configure logging again, and its console handler would keep
    whatever sys.stderr is at that moment (a test's capture, say) for the rest of the process.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    from openplate.core.config import prepare_data_dir

    try:
        prepare_data_dir()
        if not apps.ready:
            django.setup()
    except ImproperlyConfigured as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(
            f"cannot prepare the data folder {error.filename}: {error.strerror}"
        ) from None


def prepare_database(*, verbose: bool, to_log: bool = False) -> None:
    """Apply the migrations not applied yet, and load the shipped foods and activities if they
    are new or changed; `to_log` reports through logging, with no progress bar."""
    setup_django()
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        if _unapplied_migrations():
            if to_log:
                logger.info("Applying the database's migrations")
            call_command("migrate", interactive=False, verbosity=1 if verbose else 0)
        from openplate.foods.importers.journal import recover_abandoned_runs

        for undone in recover_abandoned_runs():  # an import killed part-way leaves nothing
            _report(f"Undid an unfinished import: {undone}.", to_log=to_log)
        if to_log:
            _load_foods_to_log()
        else:
            load_foods_with_progress()
        load_activities(to_log=to_log)
    except DatabaseError as error:
        raise click.ClickException(f"cannot prepare the database: {str(error).strip()}") from None


def _unapplied_migrations() -> bool:
    """True when the database lacks a migration (a new database has them all to apply).

    Reading the plan takes a few milliseconds; `migrate` with nothing to do also sends its
    signals and checks every app's content types and permissions, on every command.
    """
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def load_activities(*, to_log: bool = False) -> None:
    from openplate.exercise.loading import load_activities as load

    if loaded := load():
        _report(f"Activities: {loaded:,} loaded.", to_log=to_log)


def _load_foods_to_log() -> None:
    from openplate.foods import loading

    if loading.needs_loading():
        logger.info("Loading the USDA foods")
        result = loading.load_shipped_foods()
        logger.info("Foods: %s added, %s updated.", f"{result.created:,}", f"{result.updated:,}")


def _report(message: str, *, to_log: bool) -> None:
    if to_log:
        logger.info(message)
    else:
        click.echo(message, err=True)


def where_data_lives(database: dict[str, Any], data_dir: Path) -> str:
    """Where the people's data is kept, as the server's first line says it."""
    if str(database["ENGINE"]).endswith("sqlite3"):
        return f"data in {data_dir}"
    return f"data in the database {database['NAME']!r} on {database.get('HOST') or 'localhost'}"


def load_foods_with_progress(*, force: bool = False) -> None:
    from openplate.foods import loading

    if not force and not loading.needs_loading():
        return
    total = loading.shipped_food_count()
    with click.progressbar(length=total, label="Loading the USDA foods", file=sys.stderr) as bar:
        result = loading.load_shipped_foods(progress=bar.update, force=force)
    click.echo(f"Foods: {result.created:,} added, {result.updated:,} updated.", err=True)
