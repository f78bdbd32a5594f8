from django.contrib import admin
from django.urls import include, path

from openplate import views
from openplate.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("openplate.accounts.urls")),
    path("", include("openplate.yourdata.urls")),
    path("diary/", include("openplate.diary.urls")),
    path("foods/", include("openplate.foods.urls")),
    path("exercise/", include("openplate.exercise.urls")),
    path("coach/", include("openplate.coach.urls")),
    path("progress/", include("openplate.progress.urls")),
    path("guides/", include("openplate.guides.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
