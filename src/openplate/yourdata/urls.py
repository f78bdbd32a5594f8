from django.urls import path

from openplate.yourdata import views

app_name = "yourdata"

urlpatterns = [
    path("settings/export.json", views.export_json, name="export_json"),
    path("settings/export.zip", views.export_zip, name="export_zip"),
    path("settings/delete/", views.delete_account, name="delete_account"),
]
