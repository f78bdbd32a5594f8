from django.urls import path

from openplate.core import converters  # noqa: F401 - registers <day:…> (YYYY-MM-DD)
from openplate.diary import views, words

app_name = "diary"

urlpatterns = [
    path("", views.today, name="today"),
    path("<day:day>/", views.day_page, name="day"),
    path("<day:day>/add/", views.add_food, name="add"),
    path("<day:day>/add/<int:food_id>/", views.log_food, name="log"),
    path("<day:day>/quick-add/", views.quick_add, name="quick_add"),
    path("<day:day>/again/", views.log_again, name="again"),
    path("<day:day>/save-meal/", views.save_meal, name="save_meal"),
    path("<day:day>/saved-meals/<int:saved_meal_id>/", views.log_saved_meal, name="log_saved_meal"),
    path("saved-meals/", views.saved_meal_list, name="saved_meals"),
    path("saved-meals/<int:saved_meal_id>/rename/", views.rename_saved_meal, name="rename_meal"),
    path("saved-meals/<int:saved_meal_id>/delete/", views.delete_saved_meal, name="delete_meal"),
    path("<day:day>/copy/", views.copy, name="copy"),
    path("<day:day>/custom-food/", views.custom_food, name="custom_food"),
    path("<day:day>/nutrients/", views.nutrients, name="nutrients"),
    path("<day:day>/mark/", views.mark_day, name="mark"),
    path("<day:day>/words/", words.log_words, name="words"),
    path("search/", views.search, name="search"),
    path("entries/<int:entry_id>/", views.edit_entry, name="edit"),
    path("entries/<int:entry_id>/delete/", views.delete_entry, name="delete"),
    path("undo/", views.undo_delete, name="undo_delete"),
    path("favourites/<int:food_id>/", views.favourite, name="favourite"),
]
