"""The caller's own data: everything they have, exported, and deleting their account."""

from __future__ import annotations

from typing import Any, Literal

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status
from pydantic import Field

from openplate.core.api_support import BODY, InputSchema, QuerySchema, caller, errors_at
from openplate.yourdata import export
from openplate.yourdata.deletion import delete_account as delete_everything

router = Router(tags=["your data"])


class ExportQuery(QuerySchema):
    format: Literal["json", "zip"] = Field(
        default="json",
        description="json: one document, as below. zip: one CSV file per table and a README.",
    )


class DeleteAccountIn(InputSchema):
    password: str = Field(max_length=4096, description="The account's password, to confirm.")


ZIP_RESPONSE = {
    "responses": {
        200: {
            "content": {export.ZIP_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}}
        }
    }
}


@router.get("/export", response={200: dict[str, Any]}, openapi_extra=ZIP_RESPONSE)
def export_data(request: HttpRequest, query: Query[ExportQuery]) -> Any:
    """Everything the caller has: account, profile, goals, diary entries, favourites, exercise,
    weight and water entries, their own foods with servings, and their API tokens' names and
    dates (never the tokens). See docs/your-data.md for the format."""
    user = caller(request)
    if query.format == "zip":
        response = HttpResponse(export.export_zip(user), content_type=export.ZIP_CONTENT_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="{export.export_filename(user, "zip")}"'
        )
        return response
    return export.export_document(user)


@router.delete("/account", response={204: None})
def delete_account(request: HttpRequest, payload: DeleteAccountIn) -> Status[None]:
    """Delete the caller's account and everything in it, for good. A wrong password answers
    422 and deletes nothing."""
    with errors_at(BODY):
        delete_everything(caller(request), payload.password)
    logout(request)
    return Status(204, None)
