"""Every error under /api/ in the API's one shape, and listed in its OpenAPI document.

The shape is Ninja's for invalid input, `{"detail": [{"type", "loc", "msg"}]}`, for every error:
a 401 is `{"detail": [{"type": "unauthorized", "loc": [], "msg": "..."}]}`. Three places make
sure of it:

- `install_error_handlers` answers the errors Ninja meets (401, 403, 400 for a body that is not
  JSON, 404, 422, 429) in that shape;
- `ApiErrorsMiddleware` answers those Django meets before or after Ninja (404 for an address
  the API does not have, 405, 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, 500) in it too;
- `document_errors` lists in the OpenAPI document the errors each operation may answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from http import HTTPStatus
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as InvalidRequest
from pydantic import Field

API_PREFIX = "/api/"
JSON_TYPE = "application/json"

# The `type` of an error that is not about one field, by status.
ERROR_TYPES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "value_error",
    429: "rate_limited",
    500: "server_error",
}
MESSAGES = {
    400: "The request could not be read; send its body as JSON.",
    401: "Send a personal API token (Authorization: Bearer op_...) or sign in.",
    403: "Refused: a call by session must carry the CSRF token.",
    404: "Nothing is at this address of the API, or it is not the caller's.",
    405: "This address does not take that method.",
    413: "The request body is too large.",
    500: "Something went wrong on the server. Try again; if it goes on, tell the server's admin.",
}


def error_body(status: int, message: str, loc: Sequence[str | int] = ()) -> dict[str, Any]:
    return {
        "detail": [{"type": ERROR_TYPES.get(status, "error"), "loc": list(loc), "msg": message}]
    }


def json_error(status: int, message: str | None = None) -> HttpResponse:
    body = error_body(status, message or MESSAGES.get(status) or HTTPStatus(status).phrase)
    return HttpResponse(json.dumps(body), status=status, content_type=JSON_TYPE)


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


# --- inside Ninja ------------------------------------------------------------------------------


def install_error_handlers(api: NinjaAPI) -> None:
    """Ninja's own errors (`{"detail": "Unauthorized"}`) in the one shape."""

    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        status = error.status_code
        # Ninja's own words for these ("Cannot parse request body") say less than ours.
        message = (
            MESSAGES[status] if status in (400, 401, 403) else str(error) or MESSAGES.get(status)
        )
        return api.create_response(request, error_body(status, message or ""), status=status)

    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return api.create_response(request, error_body(404, MESSAGES[404]), status=404)

    def invalid(request: HttpRequest, error: InvalidRequest) -> HttpResponse:
        return api.create_response(request, {"detail": _printable(error.errors)}, status=422)

    api.add_exception_handler(HttpError, http_error)  # type: ignore[arg-type]
    api.add_exception_handler(Http404, not_found)  # type: ignore[arg-type]
    api.add_exception_handler(InvalidRequest, invalid)  # type: ignore[arg-type]


def _printable(value: Any) -> Any:
    """`value` with every lone surrogate (which a dict key of the request may bring into an
    error's `loc`) written as its escape, so that the answer encodes as UTF-8."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {key: _printable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_printable(item) for item in value]
    return value


# --- around Ninja ------------------------------------------------------------------------------


class ApiErrorsMiddleware:
    """Under /api/, answer in the one shape what Django itself answers as a page: an address the
    API does not have (404), a method an address does not take (405), a body too large (413)
    and a server error (500). The pages keep their own error pages."""

    KEPT_HEADERS = ("Allow", "Retry-After")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_api(request) and response.status_code >= 400 and not _is_json(response):
            return self._as_json(response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_api(request) and isinstance(exception, RequestDataTooBig):
            return json_error(413)
        return None

    def _as_json(self, response: HttpResponse) -> HttpResponse:
        answer = json_error(response.status_code)
        for header in self.KEPT_HEADERS:
            if header in response:
                answer[header] = response[header]
        return answer


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith(JSON_TYPE)


# --- the OpenAPI document ----------------------------------------------------------------------


class ErrorEntry(Schema):
    type: str = Field(description="What kind of error: value_error, not_found, unauthorized, ...")
    loc: list[str | int] = Field(
        description='Where: ["body", "payload", "quantity"]; [] for the request as a whole.'
    )
    msg: str = Field(description="What to do about it, in words for a person.")


class Errors(Schema):
    """Every error's body: what went wrong, and where."""

    detail: list[ErrorEntry] = Field(min_length=1)


ERROR_SCHEMA = "Errors"


def _error_schemas() -> dict[str, Any]:
    """Errors and ErrorEntry, as the OpenAPI document's components."""
    schema = Errors.model_json_schema(ref_template="#/components/schemas/{model}")
    return {**schema.pop("$defs"), ERROR_SCHEMA: schema}


ERROR_SCHEMAS = _error_schemas()
WHY = {
    400: "The body is not JSON.",
    401: "No valid token and no session.",
    403: "A call by session without its CSRF token.",
    404: "No such item, or another person's.",
    413: "The body is over the server's limit.",
    422: "A field at fault: each error's `loc` names it.",
    429: "Too many attempts with wrong tokens from this address; see Retry-After.",
}
UNSAFE_METHODS = frozenset({"post", "put", "patch", "delete"})


def errors_of(method: str, operation: dict[str, Any]) -> list[int]:
    """The error statuses an operation may answer, from what it takes."""
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    statuses = [401, 429]
    if method in UNSAFE_METHODS:
        statuses.append(403)
    if has_body:
        statuses += [400, 413]
    if any(parameter["in"] == "path" for parameter in parameters):
        statuses.append(404)
    if parameters or has_body:
        statuses.append(422)
    return sorted(statuses)


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with each operation's error responses, in the one shape: each status one shared
    response (`#/components/responses/401`) that every operation answering it points at."""
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {}).update(ERROR_SCHEMAS)
    reference = {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}
    components["responses"] = {
        str(status): {"description": why, "content": {JSON_TYPE: {"schema": reference}}}
        for status, why in WHY.items()
    }
    for method, operation in _operations(schema):
        responses = operation["responses"] = {
            str(status): response for status, response in operation.get("responses", {}).items()
        }
        for status in errors_of(method, operation):
            responses.setdefault(str(status), {"$ref": f"#/components/responses/{status}"})
    return schema


def _operations(schema: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    for methods in schema.get("paths", {}).values():
        yield from methods.items()
