from django.urls import path

from openplate.guides import views

app_name = "guides"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]
