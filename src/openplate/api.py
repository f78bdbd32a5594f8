"""The REST API: one NinjaAPI with a Router per app. OpenAPI at /api/openapi.json, documentation
at /api/docs."""

from ninja import NinjaAPI

api = NinjaAPI(title="OpenPlate API", version="1")
