app_name = "exercise"

urlpatterns: list[object] = []
