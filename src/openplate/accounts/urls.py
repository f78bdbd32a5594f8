from django.urls import path

from openplate.accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("goal/", views.goal, name="goal"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/time-zone/", views.time_zone, name="time_zone"),
    path("settings/water/", views.water_goal, name="water_goal"),
    path("settings/exercise/", views.exercise_share, name="exercise_share"),
    path("settings/numbers-light/", views.numbers_light, name="numbers_light"),
    path("settings/tokens/", views.create_token, name="token_create"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_token, name="token_revoke"),
]
