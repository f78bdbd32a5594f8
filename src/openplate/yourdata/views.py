"""The person's own data: downloading all of it, and deleting the account with all of it.

Both sit in the settings page's "Your data" and "Delete account" sections. The downloads are
plain GETs that answer an attachment. Deleting takes the password again: a wrong one shows the
error beside the field (in place through htmx, on a page of its own without it) and deletes
nothing; the right one deletes everything, signs the person out and says so on the home page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from openplate.core.pages import signed_in
from openplate.yourdata import export
from openplate.yourdata.deletion import delete_account as delete_everything

INVALID = 422  # a form sent back with its errors


@never_cache
@login_required
@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    """Everything the person has, as one JSON document."""
    user = signed_in(request)
    return _attachment(
        export.export_json(user), export.JSON_CONTENT_TYPE, export.export_filename(user, "json")
    )


@never_cache
@login_required
@require_safe
def export_zip(request: HttpRequest) -> HttpResponse:
    """Everything the person has, as a zip of CSV files with a README."""
    user = signed_in(request)
    return _attachment(
        export.export_zip(user), export.ZIP_CONTENT_TYPE, export.export_filename(user, "zip")
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    """GET: the form on a page of its own. POST: delete the account if the password is right."""
    htmx = bool(request.headers.get("HX-Request"))
    if request.method != "POST":
        return render(request, "yourdata/delete_account.html")
    user = signed_in(request)
    try:
        delete_everything(user, request.POST.get("password", ""))
    except ValidationError as error:
        context = {"delete_errors": error.message_dict.get("password", error.messages)}
        if htmx:  # the section, with its error, swapped in place on the settings page
            return render(request, "yourdata/_delete_account.html", context)
        return render(request, "yourdata/delete_account.html", context, status=INVALID)
    username = user.get_username()
    logout(request)
    messages.success(
        request, f"Your account “{username}” and all its data have been deleted. Goodbye!"
    )
    if htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("home")
        return response
    return redirect("home")


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
