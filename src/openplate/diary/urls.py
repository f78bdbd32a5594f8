from django.urls import path

from openplate.diary import views

app_name = "diary"

urlpatterns = [
    path("", views.today, name="today"),
]
