"""What the portal tells machines about itself: /.well-known/security.txt (RFC 9116), from the
office's site settings, and /robots.txt, which keeps crawlers out of the personal pages."""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone
from django.views.decorators.http import require_safe

from .links import portal_base_url
from .models import OfficeSettings

# RFC 9116 asks for an expiry less than a year ahead; the file is made on each request, so it is
# always this far ahead and never goes stale.
SECURITY_TXT_VALID_FOR = timedelta(days=180)

# The paths crawlers must not enter, in every language (Thai at /, the others under /<code>/).
PRIVATE_PATHS = ("/my/", "/accounts/")


def _plain_text(text: str) -> HttpResponse:
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_safe  # GET and HEAD: crawlers and monitors ask with HEAD first
def security_txt(request):
    office = OfficeSettings.for_request(request)
    contact = office.security_contact_uri
    if not contact:
        return HttpResponseNotFound("No security contact is configured.", content_type="text/plain")
    expires = (timezone.now() + SECURITY_TXT_VALID_FOR).replace(microsecond=0)
    lines = [f"Contact: {contact}", f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}"]
    if office.security_policy_url:
        lines.append(f"Policy: {office.security_policy_url}")
    lines.append("Preferred-Languages: th, en")
    lines.append(f"Canonical: {portal_base_url(request)}/.well-known/security.txt")
    return _plain_text("\n".join(lines) + "\n")


@require_safe  # GET and HEAD: crawlers and monitors ask with HEAD first
def robots_txt(request):
    disallowed = [settings.ADMIN_URL_PREFIX]
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        disallowed += [prefix + path for path in PRIVATE_PATHS]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    return _plain_text("\n".join(lines) + "\n")
