from django.urls import path

from openplate.accounts import data_views, views

app_name = "accounts"

urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("goal/", views.goal, name="goal"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/water/", views.water_goal, name="water_goal"),
    path("settings/tokens/", views.create_token, name="token_create"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_token, name="token_revoke"),
    path("settings/export.json", data_views.export_json, name="export_json"),
    path("settings/export.zip", data_views.export_zip, name="export_zip"),
    path("settings/delete/", data_views.delete_account, name="delete_account"),
]
