from django.urls import path, register_converter
from django.urls.converters import get_converters

from openplate.diary.converters import IsoDateConverter
from openplate.progress import views

if "day" not in get_converters():
    register_converter(IsoDateConverter, "day")

app_name = "progress"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("weight/", views.weigh_in, name="weigh_in"),
    path("weight/<int:entry_id>/delete/", views.delete_weigh_in, name="delete_weight"),
    path("water/<day:day>/", views.add_water, name="water"),
    path("water/<day:day>/undo/", views.undo_water, name="undo_water"),
    path("report/", views.report, name="report"),
]
