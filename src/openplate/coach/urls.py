from django.urls import URLPattern, URLResolver, path

from openplate.coach import views
from openplate.core import converters  # noqa: F401 - registers <day:…> (YYYY-MM-DD)

app_name = "coach"

urlpatterns: list[URLPattern | URLResolver] = [
    path("expenditure/", views.expenditure, name="expenditure"),
    path("expenditure/<day:day>/", views.decide_day, name="decide_day"),
]
