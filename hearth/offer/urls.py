from django.urls import path

from hearth.offer import views, views_staff

app_name = "offer"
urlpatterns = [
    path("", views.offer_view, name="offer"),
    path("what-applies-to-me/", views.what_applies_view, name="what_applies"),
    path("start/", views.start_code_view, name="start_code"),
    path("start/<str:token>/", views.start_link_view, name="start_link"),
    path("me/", views.me_view, name="me"),
    path("me/ask-for-support/", views.me_support_view, name="me_support"),
    path("me/how-things-are/", views.me_wellbeing_view, name="me_wellbeing"),
    path("me/my-records/", views.me_records_view, name="me_records"),
    path("me/feedback/", views.me_feedback_view, name="me_feedback"),
    path("children/<int:pk>/", views_staff.young_person_view, name="young_person"),
    path("manage/", views_staff.manage_offer_view, name="manage"),
]
