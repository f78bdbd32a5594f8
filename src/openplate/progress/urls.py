from django.urls import path

from openplate.core import converters  # noqa: F401 - registers <day:…> (YYYY-MM-DD)
from openplate.progress import views

app_name = "progress"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("weight/", views.weigh_in, name="weigh_in"),
    path("weight/<int:entry_id>/delete/", views.delete_weigh_in, name="delete_weight"),
    path("water/<day:day>/", views.add_water, name="water"),
    path("water/<day:day>/undo/", views.undo_water, name="undo_water"),
    path("report/", views.report, name="report"),
]
