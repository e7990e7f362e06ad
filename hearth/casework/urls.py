from django.urls import path

from hearth.casework import views

app_name = "casework"
urlpatterns = [
    path("", views.home_view, name="home"),
    path("caseload/", views.caseload_view, name="caseload"),
    path("team/", views.team_caseload_view, name="team_caseload"),
    path("worklist/", views.worklist_view, name="worklist"),
    path("worklist/team/", views.team_worklist_view, name="team_worklist"),
    path("worklist/service/", views.service_worklist_view, name="service_worklist"),
    path("children/<int:pk>/", views.child_record_view, name="child_record"),
    path("children/<int:pk>/record/<slug:action>/", views.record_view, name="record"),
    path("children/<int:pk>/903/", views.child_903_view, name="child_903"),
]
