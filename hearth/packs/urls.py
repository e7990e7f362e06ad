from django.urls import path

from hearth.packs import views

app_name = "packs"
urlpatterns = [
    path("", views.pack_list_view, name="pack_list"),
    path("new/", views.pack_create_view, name="pack_create"),
    path("questions/", views.question_library_view, name="question_library"),
    path("<int:pk>/", views.pack_draft_view, name="pack_draft"),
    path("<int:pk>/kpi/<str:kpi_id>/", views.pack_commentary_view, name="pack_commentary"),
    path("<int:pk>/preview/", views.pack_preview_view, name="pack_preview"),
    path("<int:pk>/preview.pdf", views.pack_preview_view, {"fmt": "pdf"}, name="pack_preview_pdf"),
    path("<int:pk>/issue/", views.pack_issue_view, name="pack_issue"),
    path("<int:pk>/v<int:number>/", views.pack_version_view, name="pack_version"),
    path("<int:pk>/v<int:number>.pdf", views.pack_version_pdf_view, name="pack_version_pdf"),
]
