"""The address that links leaving the browser start with: printouts, their QR codes and e-mails.

Production configures the portal's public address (PORTAL_BASE_URL; it refuses to start without
it), so a Host header never decides where a mail or a printed QR code points. Development has
none configured and uses the address it is being served at, when there is a request to read it
from; background work without one falls back to WAGTAILADMIN_BASE_URL.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def portal_base_url(request=None) -> str:
    """The scheme and host (no trailing slash) to put in front of a path from reverse()."""
    if settings.PORTAL_BASE_URL:
        return settings.PORTAL_BASE_URL.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str, *, base_url: str | None = None) -> str:
    """`path` (from reverse()) under `base_url`, or under the configured address when None."""
    return (base_url or portal_base_url()).rstrip("/") + path


def email_url(viewname: str, *, args=(), base_url: str | None = None, fragment: str = "") -> str:
    """The absolute address of a view for an e-mail: in the e-mails' language (LANGUAGE_CODE, in
    which they are written), not the one active where the e-mail was set off (an officer working
    in English would otherwise send a Thai e-mail linking to /en/...)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(viewname, args=args)
    return absolute_url(path + (f"#{fragment}" if fragment else ""), base_url=base_url)
