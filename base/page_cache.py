"""The whole-page cache for anonymous visitors (issue 12: "Fast").

A public Wagtail page (home, services, a service page, content pages, downloads) asked for with GET
by a visitor without a session and without messages is the same page for every such visitor, so
it is kept whole in the default cache (Redis in production, the process's memory in the embedded
default) and served from there without touching the database or the templates.

What is never stored: any response to a request carrying a session or messages cookie (so nothing
a logged-in user sees), a response that sets a cookie (a CSRF token rendered, a session or
messages saved), that holds a CSRF token or is marked private or no-store, that is not a 200, or
that is not a page served by Wagtail. What is never served from it: anything to a request with a
session or messages cookie. The key is the host, the language LocaleMiddleware chooses and the
full path with its query string. It sits outside every middleware but the request ID, the health
checks, the HTTPS redirect and whitenoise, so a hit costs one round trip to Redis and no other
work, and the stored page holds the headers the others gave it (Content-Security-Policy without a
nonce: a page that used one is not stored).

It is purged whole the moment an editor publishes, unpublishes, moves or deletes a page, or
changes what every page shows (a site setting, a closure day, a snippet, a document, an image, the
site, a locale, a page's privacy): the purge bumps a generation number that every stored page and
fragment carries, so with several app servers sharing Redis all of them see it at once; and bumps
it again once the change is committed, so that nothing read meanwhile stays kept. A page is asked for together with
the generation, in one round trip to Redis (get_many), and served only when it was stored under
the current one. (With the local-memory cache each process keeps its own
pages: fine for the embedded single-process server, not for several workers.)
"""

import hashlib

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.translation import get_language_from_path, get_language_from_request

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import generations, kept
from .models import ClosureDay

GENERATION_KEY = "page-cache:generation"
TIMEOUT = 60 * 60 * 24  # a day: a purge is what refreshes a page; this only bounds forgotten keys
HEADER = "X-Page-Cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
STORED_HEADERS_SKIPPED = {"set-cookie", HEADER.lower()}


def _new_generation():
    generations.start_new(GENERATION_KEY)


def purge(**kwargs):
    """Forget every cached page (a new generation; the old keys expire unread): at once, and again
    when the transaction that made the change commits (at once too outside one), since a request
    that read the rows before then may have kept them under the first new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)


def current_generation(request=None, *, known=None) -> str:
    """The generation every cached page and fragment carries; a purge starts a new one. Read once
    per request (kept on `request`); `known`: the value the caller already read with a page."""
    generation = getattr(request, "_page_cache_generation", None) or generations.current(
        GENERATION_KEY, known=known
    )
    if request is not None:
        request._page_cache_generation = generation
    return generation


def kept_for_everyone(request, name: str, compute):
    """compute(), kept under the current generation for every visitor of this host: for answers
    that are the same for everyone and change only with what a purge follows (the menu's links, a
    page's translation). Computed every time when the cache is off or in an editor's preview."""
    if request is None or getattr(request, "is_preview", False):
        return compute()
    return kept_until_purge(f"{request.get_host()}:{name}", compute, request=request)


def kept_until_purge(name: str, compute, *, request=None):
    """compute(), kept under the current generation for every process: also for what is read
    outside a request's view (the catalogue's office choices; without a request, the generation is
    read for this call). Computed every time when the cache is off."""
    if not settings.ANONYMOUS_PAGE_CACHE:
        return compute()
    key = f"page-cache:kept:{current_generation(request)}:{name}"
    found = kept.read(key)
    if found is None:
        found = (compute(),)  # a tuple, so that a kept None or "" is told from a miss
        kept.keep(key, found, TIMEOUT)
    return found[0]


def _may_use_cache(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


def _language(request) -> str:
    """The language LocaleMiddleware (further in) will choose for this request, by its own rule;
    a page rendered in another one is not stored (`_storable`)."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    if i18n_patterns_used and not prefixed_default_language and not get_language_from_path(request.path_info):
        return settings.LANGUAGE_CODE
    return get_language_from_request(request, check_path=i18n_patterns_used)


def _key(request, language) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{request.get_host()}:{language}:{path}"


def _storable(request, response, language) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "LANGUAGE_CODE", None) != language:
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # a nonce is for one response only (django-csp makes it when a page asks)
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    return b"csrfmiddlewaretoken" not in response.content


class AnonymousPageCacheMiddleware:
    """Right after SecurityMiddleware (and whitenoise): a stored page carries the headers of all
    the middleware further in, and what they decide on the way out (a CSRF or session cookie, a
    private page) is seen before storing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.ANONYMOUS_PAGE_CACHE or not _may_use_cache(request):
            return self.get_response(request)
        language = _language(request)
        key = _key(request, language)
        found = cache.get_many([GENERATION_KEY, key])
        generation = current_generation(request, known=found.get(GENERATION_KEY))
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            _generation, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response, language):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in STORED_HEADERS_SKIPPED
            ]
            cache.set(key, (generation, response.status_code, headers, response.content), TIMEOUT)
            response[HEADER] = "miss"
        return response


def _shown_on_every_page(instance) -> bool:
    """Whether a change to this object may change any public page: a page (live, or deleted), a
    site setting, a closure day, a snippet (navigation), a document, an image, a site, a locale or
    a view restriction (a page's privacy, which base.route_cache keeps with the routed page)."""
    if isinstance(instance, Page):
        return True
    return (
        isinstance(
            instance,
            (
                BaseSiteSetting,
                BaseGenericSetting,
                ClosureDay,
                Site,
                Locale,
                BaseViewRestriction,
                AbstractDocument,
                AbstractImage,
            ),
        )
        or type(instance) in get_snippet_models()
    )


# Wagtail fills these in on first use, while rendering a page: nothing an editor changed.
LAZILY_FILLED_FIELDS = frozenset({"file_size", "file_hash"})


def purge_on_change(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= LAZILY_FILLED_FIELDS:
        return
    if _shown_on_every_page(instance):
        purge()


def connect_purges():
    """Called from BaseConfig.ready()."""
    page_published.connect(purge, dispatch_uid="page-cache-published")
    page_unpublished.connect(purge, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(purge, dispatch_uid="page-cache-moved")
    post_save.connect(purge_on_change, dispatch_uid="page-cache-saved")
    post_delete.connect(purge_on_change, dispatch_uid="page-cache-deleted")
