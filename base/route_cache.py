"""The page a path names and its view restrictions, read from the cache (issue 12: "Fast").

Every page Wagtail serves is first found (the home page in the active language and its own fields:
two queries; the page by its url_path and its own fields: two more, home.models.HomePage.route)
and then checked against the view restrictions of it and its ancestors (two more, Wagtail's
check_view_restrictions). None of that depends on who asks, so the routed page and its
restrictions are kept in the default cache under the page cache's generation (base.page_cache),
keyed by the site, the language and the path: publishing, unpublishing, moving or deleting a page,
a change of a site, a locale or a view restriction starts a new generation, so what is kept is
never older than the last change, and all app servers sharing Redis see it at once.

What is kept is the page as the database gave it, stored before it is served (no request, no user
on it), and the restrictions as rows; whether they let this request in is still decided for each
request (Wagtail's accept_request: the session's passwords, the user's groups, read then).
Wagtail's route_for_request keeps its answer on the request (`_wagtail_route_for_request`, as its
docstring says): a kept page is put there before the view runs, and were Wagtail to stop reading
it, pages would simply be found again the slow way. Only a path that names one live page with no
sub-path arguments is kept; any other goes through Wagtail each time. Off with
ANONYMOUS_PAGE_CACHE=false, as the page cache, the fragments and the site cache are.
"""

import hashlib

from django.conf import settings
from django.http import Http404
from django.utils import translation

from wagtail.models import Page, Site

from . import kept
from .page_cache import TIMEOUT, current_generation


class KeptViewRestrictions:
    """For the page models: a page taken from the cache answers get_view_restrictions() with the
    restrictions kept with it (a list) instead of asking the database."""

    def get_view_restrictions(self):
        kept = getattr(self, "_kept_view_restrictions", None)
        if kept is not None:
            return kept
        return super().get_view_restrictions()


def _key(request, site, path) -> str:
    hashed = hashlib.sha256(path.encode()).hexdigest()
    language = translation.get_language()
    return f"page-cache:route:{current_generation(request)}:{site.pk}:{site.root_page_id}:{language}:{hashed}"


def _route(request, path):
    """The route Wagtail gives this request, found in the cache or found by Wagtail and kept."""
    site = Site.find_for_request(request)
    if site is None:
        return
    key = _key(request, site, path)
    found = kept.read(key)
    if found is not None:
        page, restrictions = found
        try:
            route = page.route(request, [])
        except Http404:
            return
        page._kept_view_restrictions = restrictions
        request._wagtail_route_for_request = route
        return
    route = Page.route_for_request(request, path)
    if route is None or route.args or route.kwargs:
        return
    page = route.page
    if not isinstance(page, KeptViewRestrictions) or not page.live:
        return
    restrictions = list(page.get_view_restrictions())
    kept.keep(key, (page, restrictions), TIMEOUT)  # before the page is served: nothing of the request on it
    page._kept_view_restrictions = restrictions


class RouteCacheMiddleware:
    """Anywhere after LocaleMiddleware's language and the site cache: it acts just before the view,
    when the page Wagtail is to serve is known to be one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            settings.ANONYMOUS_PAGE_CACHE
            and match.url_name == "wagtail_serve"
            and not getattr(request, "is_preview", False)
        ):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            _route(request, path)
