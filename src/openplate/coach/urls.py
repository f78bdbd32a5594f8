from django.urls import URLPattern, URLResolver, path

from openplate.coach import checkin_views, views
from openplate.core import converters  # noqa: F401 - registers <day:…> (YYYY-MM-DD)

app_name = "coach"

urlpatterns: list[URLPattern | URLResolver] = [
    path("expenditure/", views.expenditure, name="expenditure"),
    path("expenditure/<day:day>/", views.decide_day, name="decide_day"),
    path("check-in/", checkin_views.check_in, name="check_in"),
    path("check-in/day/", checkin_views.check_in_day, name="check_in_day"),
    path("check-in/<int:check_in_id>/accept/", checkin_views.accept, name="accept_check_in"),
    path("check-in/<int:check_in_id>/keep/", checkin_views.keep, name="keep_check_in"),
]
