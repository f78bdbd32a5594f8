from django.http import Http404, HttpRequest, HttpResponse


def today(request: HttpRequest) -> HttpResponse:
    raise Http404
