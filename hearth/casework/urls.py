from django.urls import path

from hearth.casework import views

app_name = "casework"
urlpatterns = [path("", views.home_view, name="home")]
