from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import AdminLogoutView
from base import well_known

# The Thai 503 page when the database or the storage is unavailable, Django's 500 page otherwise.
handler500 = "base.faults.server_error"

urlpatterns = [
    # Browsers and feed readers ask for /favicon.ico whatever the page's <link rel=icon> says.
    path(".well-known/security.txt", well_known.security_txt, name="security_txt"),
    path("robots.txt", well_known.robots_txt, name="robots_txt"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("favicon.ico"))),
    # Before Wagtail's own, which leaves the session alive on a GET (accounts.views.AdminLogoutView).
    path("admin/logout/", AdminLogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # LINE Login's callback and the Messaging API's webhook: the addresses registered with LINE.
    path("line/", include("line_messaging.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Thai at /, English under /en/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("service_requests.urls")),
    path("", include("printing.urls")),
    path("my/privacy/", include("privacy.urls")),
    path("verify/", include("signing.urls")),
    path("", include("payments.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
