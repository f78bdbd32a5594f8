"""Bringing Django and the database up for the commands that need them."""

from __future__ import annotations

import os
import sys

import click

SETTINGS_MODULE = "openplate.settings"


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


def prepare_database(*, verbose: bool) -> None:
    """Apply the migrations not applied yet, and load the shipped foods and activities if they
    are new or changed."""
    setup_django()
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        if _unapplied_migrations():
            call_command("migrate", interactive=False, verbosity=1 if verbose else 0)
        from openplate.foods.importers.journal import recover_abandoned_runs

        for undone in recover_abandoned_runs():  # an import killed part-way leaves nothing
            click.echo(f"Undid an unfinished import: {undone}.", err=True)
        load_foods_with_progress()
        load_activities()
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


def load_activities() -> None:
    from openplate.exercise.loading import load_activities as load

    if loaded := load():
        click.echo(f"Activities: {loaded:,} loaded.", err=True)


def load_foods_with_progress(*, force: bool = False) -> None:
    from openplate.foods import loading

    if not force and not loading.needs_loading():
        return
    total = loading.shipped_food_count()
    with click.progressbar(length=total, label="Loading the USDA foods", file=sys.stderr) as bar:
        result = loading.load_shipped_foods(progress=bar.update, force=force)
    click.echo(f"Foods: {result.created:,} added, {result.updated:,} updated.", err=True)
