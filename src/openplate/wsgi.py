"""The WSGI application, for `openplate serve` or any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openplate.settings")

application = get_wsgi_application()
