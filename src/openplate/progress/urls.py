from django.urls import path

from openplate.progress import views

app_name = "progress"

urlpatterns = [
    path("", views.overview, name="overview"),
]
