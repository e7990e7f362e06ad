from django.urls import path

from hearth.returns.ssda903 import views

app_name = "ssda903"
urlpatterns = [path("findings/", views.findings_view, name="findings")]
