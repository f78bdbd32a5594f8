"""`openplate serve` and `openplate manage`: the web app and Django's own commands.

Django is imported inside each command, so the science commands start without it.
`serve` is one process (waitress), for home use and development; `serve --production` runs
worker processes behind a reverse proxy (docs/deploying.md).
"""

from __future__ import annotations

import click

from openplate.cli.database import prepare_database, setup_django, where_data_lives
from openplate.cli.production import DEFAULT_THREADS, DEFAULT_WORKERS, serve_production

HOME_THREADS = 4


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, type=click.IntRange(1, 65535), show_default=True, help="Port."
)
@click.option(
    "--threads",
    type=click.IntRange(1, 1024),
    help=f"Requests handled at once (by each worker in production)  "
    f"[default: {HOME_THREADS}; {DEFAULT_THREADS} with --production]",
)
@click.option(
    "--production",
    is_flag=True,
    help="Worker processes, hashed static files and JSON logs, for serving behind a proxy.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help=f"Worker processes, with --production  [default: {DEFAULT_WORKERS}]",
)
def serve(host: str, port: int, threads: int | None, production: bool, workers: int | None) -> None:
    """Run the web app, first bringing the database up to date."""
    if production:
        serve_production(host, port, workers or DEFAULT_WORKERS, threads or DEFAULT_THREADS)
        return
    if workers is not None:
        raise click.UsageError("--workers needs --production (plain serve is one process)")
    prepare_database(verbose=True)
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    try:
        # Created before the "running" line so that a port already in use is reported instead.
        server = create_server(
            get_wsgi_application(), host=host, port=port, threads=threads or HOME_THREADS
        )
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") from None
    url_host = f"[{host}]" if ":" in host else host
    click.echo(
        f"OpenPlate is running at http://{url_host}:{port}/ — "
        f"{where_data_lives(settings.DATABASES['default'], settings.DATA_DIR)} "
        "(Ctrl+C to stop)"
    )
    server.run()


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,  # so that `openplate manage --help` shows Django's help
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (createsuperuser, migrate)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["openplate manage", *args])
