"""`openplate serve --production`: gunicorn's worker processes, each with its threads, forked
from one master that has migrated the database and collected the static files before any
worker starts, and every log line one JSON object (the settings' formatter).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import MutableMapping
from datetime import timedelta
from typing import Any

import click
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from openplate.cli.database import prepare_database, where_data_lives

PRODUCTION_VARIABLE = "OPENPLATE_PRODUCTION"
DEFAULT_WORKERS = 2
# Threads per worker: scripts/serve_threads.py measures the choice (docs/PERFORMANCE.md).
DEFAULT_THREADS = 8
MILLISECONDS_PER_SECOND = 1000

logger = logging.getLogger("openplate.serve")


class JsonLineLogger(Logger):
    """gunicorn's own messages and its access log through the standard loggers, which the
    settings' LOGGING writes as JSON; each request with its fields apart, not in a sentence."""

    def setup(self, cfg: Any) -> None:
        self.cfg = cfg
        self._access_log_enabled = True
        for log in (self.error_log, self.access_log):
            log.propagate = True
            log.setLevel(logging.INFO)

    def access(
        self, resp: Any, req: Any, environ: MutableMapping[str, Any], request_time: timedelta
    ) -> None:
        method = environ.get("REQUEST_METHOD", "")
        # The path without its query: a search's words are the person's own.
        path = environ.get("PATH_INFO", "")
        status = int(str(resp.status).split(maxsplit=1)[0])
        duration_ms = round(request_time.total_seconds() * MILLISECONDS_PER_SECOND, 1)
        self.access_log.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={"method": method, "path": path, "status": status, "duration_ms": duration_ms},
        )


class ProductionServer(BaseApplication):
    """gunicorn started from the command, with OpenPlate's application loaded before the
    workers fork (so they share its memory and never each run start-up work)."""

    def __init__(self, application: Any, options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        return self.application


def serve_production(host: str, port: int, workers: int, threads: int) -> None:
    """Prepare the database and the static files once, then run the workers until stopped."""
    _check_free(host, port)  # before the minutes a first start may take
    os.environ[PRODUCTION_VARIABLE] = "1"  # read by the settings, which are not loaded yet
    prepare_database(verbose=False, to_log=True)
    from django.conf import settings
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.db import connections
    from django.urls import resolve

    call_command("collectstatic", interactive=False, verbosity=0)
    application = get_wsgi_application()
    resolve("/healthz")  # imports the views and builds the API once, for every worker
    connections.close_all()  # a connection opened here must not be shared by forked workers
    options = {
        "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "preload_app": True,
        "accesslog": "-",
        "logger_class": JsonLineLogger,
        "proc_name": "openplate",
        "control_socket_disable": True,  # its default path would be shared by every server
    }
    url_host = f"[{host}]" if ":" in host else host
    logger.info(
        "OpenPlate is running at http://%s:%s/ with %s workers of %s threads, %s",
        url_host,
        port,
        workers,
        threads,
        where_data_lives(settings.DATABASES["default"], settings.DATA_DIR),
    )
    ProductionServer(application, options).run()


def _check_free(host: str, port: int) -> None:
    """Refuse a port in use in one line (gunicorn would retry for seconds, then log why)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.create_server((host, port), family=family):
            pass
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise click.ClickException(f"cannot listen on {host}:{port}: {reason}") from None
