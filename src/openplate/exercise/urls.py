from django.urls import path

from openplate.core import converters  # noqa: F401 - registers <day:…> (YYYY-MM-DD)
from openplate.exercise import views

app_name = "exercise"

urlpatterns = [
    path("<day:day>/", views.day_page, name="day"),
    path("<day:day>/activities/", views.activities, name="activities"),
    path("<day:day>/formula/", views.formula, name="formula"),
    path("<day:day>/activity/", views.log_activity, name="log_activity"),
    path("<day:day>/custom/", views.log_custom, name="log_custom"),
    path("<day:day>/strength/", views.log_strength, name="log_strength"),
    path("entries/<int:entry_id>/", views.edit_entry, name="edit"),
    path("entries/<int:entry_id>/delete/", views.delete_entry, name="delete"),
]
