"""The whole-page cache for anonymous visitors (issue 12: "Fast").

A public Wagtail page (home, services, a service page, content pages, downloads) asked for with GET
by a visitor without a session and without messages is the same page for every such visitor, so
it is kept whole in the default cache (Redis in production, the process's memory in the embedded
default) and served from there without touching the database or the templates.

What is never stored: any response to a request carrying a session or messages cookie (so nothing
a logged-in user sees), a response that sets a cookie (a CSRF token rendered, a session or
messages saved), that holds a CSRF token or is marked private or no-store, that is not a 200, or
that is not a page served by Wagtail. What is never served from it: anything to a request with a
session or messages cookie. The key is the host, the language chosen by LocaleMiddleware and the
full path with its query string.

It is purged whole the moment an editor publishes, unpublishes, moves or deletes a page, or
changes what every page shows (a site setting, a closure day, a snippet, a document, an image, the
site): the purge bumps a generation number that every stored page and fragment carries, so with
several app servers sharing Redis all of them see it at once. A page is asked for together with
the generation, in one round trip to Redis (get_many), and served only when it was stored under
the current one. (With the local-memory cache each process keeps its own
pages: fine for the embedded single-process server, not for several workers.)
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .models import ClosureDay

GENERATION_KEY = "page-cache:generation"
TIMEOUT = 60 * 60 * 24  # a day: a purge is what refreshes a page; this only bounds forgotten keys
HEADER = "X-Page-Cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
STORED_HEADERS_SKIPPED = {"set-cookie", HEADER.lower()}


def purge(**kwargs):
    """Forget every cached page (a new generation; the old keys expire unread)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def current_generation(request=None, *, known=None) -> str:
    """The generation every cached page and fragment carries; a purge starts a new one. Read once
    per request (kept on `request`); `known`: the value the caller already read with a page."""
    generation = getattr(request, "_page_cache_generation", None) or known or cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    if request is not None:
        request._page_cache_generation = generation
    return generation


def _may_use_cache(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"page-cache:{request.get_host()}:{language}:{path}"


def _storable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
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
    """Between LocaleMiddleware (the language is known) and CsrfViewMiddleware (whose cookie it
    must see on the way out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.ANONYMOUS_PAGE_CACHE or not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
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
        if _storable(request, response):
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
    site setting, a closure day, a snippet (navigation), a document, an image or a site."""
    if isinstance(instance, Page):
        return True
    return (
        isinstance(
            instance, (BaseSiteSetting, BaseGenericSetting, ClosureDay, Site, AbstractDocument, AbstractImage)
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
