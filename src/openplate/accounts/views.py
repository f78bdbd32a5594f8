from django.http import Http404, HttpRequest, HttpResponse


def signup(request: HttpRequest) -> HttpResponse:
    raise Http404


goal = settings_page = signup


def create_token(request: HttpRequest) -> HttpResponse:
    raise Http404


def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    raise Http404
