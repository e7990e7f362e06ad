from django.contrib.auth import views as auth_views
from django.urls import path

from hearth.accounts import views
from hearth.accounts.forms import SignInForm

app_name = "accounts"
urlpatterns = [
    path(
        "sign-in/",
        views.SignInView.as_view(template_name="accounts/sign_in.html", authentication_form=SignInForm),
        name="sign_in",
    ),
    path("audit/", views.audit_log_view, name="audit_log"),
    path("sign-out/", auth_views.LogoutView.as_view(next_page="accounts:sign_in"), name="sign_out"),
]
