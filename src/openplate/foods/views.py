from django.http import Http404, HttpRequest, HttpResponse


def label(request: HttpRequest, food_id: int) -> HttpResponse:
    raise Http404
