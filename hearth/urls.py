from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("hearth.accounts.urls")),
    # GOV.UK Frontend's stylesheet asks for its fonts and images at /assets/.
    path("assets/<path:path>", RedirectView.as_view(url=static("govuk/assets/") + "%(path)s", permanent=True)),
    path("returns/903/", include("hearth.returns.ssda903.urls")),
    path("performance/", include("hearth.analytics.urls")),
    path("packs/", include("hearth.packs.urls")),
    path("local-offer/", include("hearth.offer.urls")),
    path("", include("hearth.casework.urls")),
]
