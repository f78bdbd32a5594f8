from django.urls import path

from openplate.foods import views

app_name = "foods"

urlpatterns = [
    path("<int:food_id>/", views.label, name="label"),
]
