from django.urls import path

from hearth.analytics import bands_views, views

app_name = "analytics"
urlpatterns: list = [
    path("", views.dashboard_view, name="dashboard"),
    path("kpi/<str:kpi_id>/", views.kpi_view, name="kpi"),
    path("bands/", bands_views.band_schemes_view, name="band_schemes"),
    path("bands/<str:kpi_id>/", bands_views.band_scheme_view, name="band_scheme"),
    path("bands/<str:kpi_id>/edit/", bands_views.band_scheme_edit_view, name="band_scheme_edit"),
]
