"""The API fuzzed against its own OpenAPI document by Schemathesis, in-process through the WSGI
app and on the test database, signed in with a real personal token: every phase that needs no
links between operations (the document's examples, the coverage of each field's edges and
wrong types, random fuzzing), and every check that holds for any input: no server error, a
status the document lists, the content type and the body it documents, a 401 without the token,
a 405 for a method an address does not take, schema-invalid input refused.

CI runs a few examples an operation; `OPENPLATE_FUZZ_EXAMPLES=500 .venv/bin/pytest
tests/test_api_fuzz.py` runs a long hunt.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("OPENPLATE_FUZZ_EXAMPLES", "3"))
LONG_HUNT = EXAMPLES > 3
UNEXPECTED_METHODS = (
    ["GET", "PUT", "POST", "DELETE", "OPTIONS", "PATCH", "TRACE"] if LONG_HUNT else ["TRACE"]
)

# positive_data_acceptance expects every input the document allows to succeed; the services'
# own rules (a food id that exists, a day within range) refuse some, with a documented 422.
# use_after_free and ensure_resource_availability need the stateful phase.
LEFT_OUT_CHECKS = ("positive_data_acceptance", "use_after_free", "ensure_resource_availability")

CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "generation": {"max-examples": EXAMPLES, "deterministic": False},
        "phases": {
            "stateful": {"enabled": False},
            # One method an address does not take is enough to check its 405 in CI.
            "coverage": {"unexpected-methods": UNEXPECTED_METHODS},
        },
        "checks": {check: {"enabled": False} for check in LEFT_OUT_CHECKS},
    }
)

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)


@pytest.fixture
def bearer(alice_api) -> dict[str, str]:
    """alice's token, and the test database seen by the WSGI app in this thread: Django's own
    test client keeps a request from closing the test's connection, and so does this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {alice_api.token}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_request_as_its_document_says(case, bearer):
    case.call_and_validate(headers=bearer)
