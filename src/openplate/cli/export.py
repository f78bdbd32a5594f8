"""`openplate export`: everything one person has, to a JSON file or a zip of CSV files, as the
settings page's "Your data" downloads give it."""

from __future__ import annotations

from pathlib import Path

import click

from openplate.cli.database import setup_django

FORMATS = {".json": "json", ".zip": "zip"}


@click.command()
@click.option("--user", "username", required=True, help="Whose data: their user name.")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (.json or .zip).",
)
@click.option(
    "--format",
    "chosen_format",
    type=click.Choice(["json", "zip"]),
    help="json or zip (CSV files); by default from the file's extension.",
)
def export(username: str, out: Path, chosen_format: str | None) -> None:
    """Write everything USER has to a file: a JSON document, or a zip of CSV files."""
    file_format = chosen_format or FORMATS.get(out.suffix.lower())
    if file_format is None:
        raise click.UsageError("give --format json or zip, or name the file .json or .zip")
    if not out.parent.is_dir():
        raise click.UsageError(f"no folder {out.parent} to write {out.name} in")
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    from openplate.yourdata import export as exporting

    try:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise click.UsageError(f"no user {username!r}")
        tables = exporting.export_tables(user)
        if file_format == "zip":
            content = exporting.export_zip(user, tables)
        else:
            content = exporting.json_bytes(exporting.export_document(user, tables))
    except DatabaseError as error:
        raise click.ClickException(f"cannot read the database: {str(error).strip()}") from None
    try:
        out.write_bytes(content)
    except OSError as error:
        raise click.UsageError(f"cannot write {out}: {error.strerror}") from None
    rows = sum(exporting.row_counts(tables).values())
    click.echo(f"Wrote {rows:,} rows of {username}'s data to {out} ({file_format}).")
