from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The diary for a signed-in person; what OpenPlate is, for everyone else."""
    if request.user.is_authenticated:
        return redirect("diary:today")
    return render(request, "openplate/home.html")


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Plain "ok" for scripts that wait for the server to come up."""
    return HttpResponse("ok", content_type="text/plain")
