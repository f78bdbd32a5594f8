"""The REST API: one NinjaAPI with a Router per app. OpenAPI at /api/openapi.json, documentation
at /api/docs, and the guide in docs/api.md.

Every endpoint needs a personal API token (`Authorization: Bearer op_...`) or the session of
a signed-in person, the pages' own way in, which must then carry the CSRF token.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.operation import Operation
from ninja.security import HttpBearer, SessionAuth

from openplate.accounts.api import router as accounts_router
from openplate.accounts.limits import Refused
from openplate.accounts.profile import activate_time_zone
from openplate.accounts.tokens import user_for_token
from openplate.body.api import router as body_router
from openplate.coach.api import router as coach_router
from openplate.core.api_errors import document_errors, install_error_handlers
from openplate.core.api_support import field_errors
from openplate.core.client import client_address
from openplate.core.renderers import OrjsonRenderer
from openplate.diary.api import router as diary_router
from openplate.diary.services import food_history
from openplate.exercise.api import router as exercise_router
from openplate.foods.api import food_router
from openplate.guides.api import router as guides_router
from openplate.progress.api import router as progress_router
from openplate.yourdata.api import router as data_router


class TokenAuth(HttpBearer):
    """A personal API token, made on the settings page. It signs the person in after the
    middleware ran, so it activates their time zone itself (the middleware ends it)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        try:
            user = user_for_token(token, address=client_address(request))
        except Refused as refused:  # too many wrong tokens from this address
            request.guessing_refusal = refused.refusal  # type: ignore[attr-defined]
            return None  # answered 429 by accounts.middleware.GuessingLimitsMiddleware
        if user is not None:
            request.user = user
            activate_time_zone(user)
        return user


class PageSessionAuth(SessionAuth):
    """Ninja's `django_auth` (the session, with its CSRF check), asking first whether anyone is
    signed in: `django_auth` checks CSRF first, so a script that sent no credentials at all would
    hear 403 "CSRF check Failed" instead of 401."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


token_auth = TokenAuth()
session_auth = PageSessionAuth()


class OpenPlateAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """The view's own name ("log_food"), not its module's path too."""
        return operation.view_func.__name__

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Ninja's document, with the errors each operation may answer (core.api_errors)."""
        return document_errors(super().get_openapi_schema(**kwargs))


api = OpenPlateAPI(
    title="OpenPlate API",
    version="1",
    description=(
        "Everything the pages do: profile and goal, foods, the diary, exercise, weight and "
        "water, progress, guides, export. See docs/api.md."
    ),
    auth=[token_auth, session_auth],
    renderer=OrjsonRenderer(),
)


install_error_handlers(api)


@api.exception_handler(ValidationError)
def service_refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A service's field errors, as pydantic's are: a 422 with `loc`, `msg` and `type`."""
    return api.create_response(request, {"detail": field_errors(error)}, status=422)


api.add_router("/", accounts_router)
api.add_router("/", food_router(recent_food_ids=food_history))
api.add_router("/", diary_router)
api.add_router("/", exercise_router)
api.add_router("/", body_router)
api.add_router("/", coach_router)
api.add_router("/", progress_router)
api.add_router("/", guides_router)
api.add_router("/", data_router)
