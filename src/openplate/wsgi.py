"""The WSGI application, for `openplate serve` or any other WSGI server: with another server, set
OPENPLATE_PRODUCTION=1 and collect the static files first (docs/deploying.md)."""

import os

from django.core.wsgi import get_wsgi_application

from openplate.core.config import prepare_data_dir

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openplate.settings")
prepare_data_dir()

application = get_wsgi_application()
