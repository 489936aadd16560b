"""The headers that tell the browser what a page may do (issue 11, item 6).

- Content-Security-Policy (django-csp): the portal's pages run only our own scripts and styles
  (and reCAPTCHA's, where its keys are set); an inline script or style needs the request's nonce.
  Wagtail's admin gets its own, looser policy (`ADMIN_CONTENT_SECURITY_POLICY`): its panels and
  widgets write inline scripts and style attributes that carry no nonce (see the README). An
  editor's preview of a page keeps the page's policy but may be framed by our own origin: the
  editor's preview panel shows it in a frame.
- Permissions-Policy: no camera, microphone, geolocation or payment, on every response.
- Cache-Control: no-store on every page that may show personal data: the applicant's pages, the
  accounts pages, the status check, the admin, and every page seen while logged in.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts

from .languages import without_language_prefix

# Where reCAPTCHA's script, its frame and its own requests come from (Google's documented origins).
RECAPTCHA_SOURCES = {
    "script-src": ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"],
    "frame-src": ["https://www.google.com/recaptcha/", "https://recaptcha.google.com/recaptcha/"],
    "connect-src": ["https://www.google.com/recaptcha/"],
}

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


def recaptcha_is_on() -> bool:
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_URL_PREFIX)


def is_editors_preview(request) -> bool:
    """Wagtail renders a page's preview through the middleware with a dummy request at the page's
    own address (Page.make_preview_request), which it marks as a preview."""
    return getattr(request, "is_preview", False)


def shows_personal_data(request) -> bool:
    path = without_language_prefix(request.path_info)
    return path.startswith(tuple(settings.PERSONAL_DATA_URL_PREFIXES)) or request.user.is_authenticated


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy under /admin/ and adding reCAPTCHA's
    origins while its keys are set (production sets them after these settings are read); and
    Permissions-Policy on every response."""

    def process_response(self, request, response):
        # Near the top of MIDDLEWARE, so that even the redirects and refusals of the middleware
        # below it say so.
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            # A nonce in a directive switches 'unsafe-inline' off: the admin's policy has none.
            parts.nonce = None
        elif is_editors_preview(request):
            # The public pages' 'none' would blank the editor's preview panel.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        if recaptcha_is_on():
            parts.update = {**RECAPTCHA_SOURCES, **(parts.update or {})}
            directives = parts.config or settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            if directives.get("frame-src") == [NONE]:
                # 'none' with other sources would be ignored at best: reCAPTCHA's frame replaces it.
                parts.update.pop("frame-src")
                parts.replace = {"frame-src": RECAPTCHA_SOURCES["frame-src"], **(parts.replace or {})}
        return parts


class NoStoreMiddleware:
    """Cache-Control: no-store on every page with personal data. After AuthenticationMiddleware,
    which it asks whether someone is logged in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A response that already says no-store (the private downloads) keeps its own header.
        if shows_personal_data(request) and "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response
