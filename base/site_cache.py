"""The request's Wagtail site and its office settings, read from the cache (issue 12: "Fast").

Every page of the portal needs both: Wagtail finds the site for each request with a query whose
four CASE arms cost more to compile than to run, and the office settings are a second query (the
privacy-notice check asks for them on every page a logged-in person opens). Profiled on a logged-in
request, the site lookup alone was about a third of what the log-in costs. Both are kept together
in the default cache under the page cache's generation (base.page_cache): a change of a site, a
site setting or a page starts a new one, so a kept pair is never older than the last change, and
all app servers sharing Redis see it at once. Off with ANONYMOUS_PAGE_CACHE=false, as the page
cache and the fragments are (the test suite changes sites straight in the database).
"""

from django.conf import settings
from django.http.request import split_domain_port

from wagtail.models import Site

from . import kept
from .models import OfficeSettings
from .page_cache import TIMEOUT, current_generation
from .queries import existing_office_settings


def _key(request) -> str:
    hostname = split_domain_port(request._get_raw_host())[0]  # Wagtail's own lookup reads the raw host
    return f"site:{current_generation(request)}:{hostname}:{request.get_port()}"


def remember_site(request) -> None:
    """Set the request's site and office settings as Site.find_for_request and
    existing_office_settings would find them, from the cache when they were found before."""
    key = _key(request)
    found = kept.read(key)
    if found is None:
        site = Site.find_for_request(request)
        office = existing_office_settings(request)
        kept.keep(key, (site, office), TIMEOUT)  # the settings leave their request out when pickled
        return
    site, office = found
    request._wagtail_site = site
    if office is not None:
        office._request = request
        setattr(request, OfficeSettings.get_cache_attr_name(), office)


class SiteCacheMiddleware:
    """Right after the page cache: a stored page needs neither; everything further in finds them
    on the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.ANONYMOUS_PAGE_CACHE:
            remember_site(request)
        return self.get_response(request)
