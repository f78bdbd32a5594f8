"""The REST API (Django Ninja): OpenAPI at /api/openapi.json, documentation at /api/docs."""

from openplate.api.main import api

__all__ = ["api"]
