"""Template tags for the public site's header: the menu's pages, the current item, the language switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import override

from wagtail.models import Page

from base.languages import active_language
from base.page_cache import kept_for_everyone
from service_pages.models import DownloadsPage, ServiceIndexPage

from ..models import HomePage

register = template.Library()


@dataclass(frozen=True)
class MenuPages:
    home_url: str
    services_url: str
    downloads_url: str


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool


def _home_fallback_url():
    try:
        return reverse("wagtail_serve", args=[""])
    except NoReverseMatch:
        return "/"


def _find_menu_pages(request, language) -> MenuPages:
    keys_by_content_type = {
        ContentType.objects.get_for_model(model).pk: key
        for key, model in (("home", HomePage), ("services", ServiceIndexPage), ("downloads", DownloadsPage))
    }
    found = {}
    pages = (
        Page.objects.live()
        .filter(locale__language_code=language, content_type_id__in=keys_by_content_type)
        .order_by("path")
        .only("id", "path", "depth", "url_path", "locale_id", "content_type_id")
    )
    for page in pages:
        found.setdefault(keys_by_content_type[page.content_type_id], page)

    def url_of(key):
        page = found.get(key)
        return (page.get_url(request) or "") if page else ""

    return MenuPages(
        home_url=url_of("home") or _home_fallback_url(),
        services_url=url_of("services"),
        downloads_url=url_of("downloads"),
    )


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """URLs of the home, services and downloads pages in the visitor's language, in one query.

    Remembered on the request, because the header and the footer both ask, and kept for everyone
    under the page cache's generation (a publish or a move renews them).
    """
    request = context.get("request")
    language = active_language()
    cached = getattr(request, "_menu_pages", None)
    if cached and cached[0] == language:
        return cached[1]

    result = kept_for_everyone(request, f"menu-pages:{language}", lambda: _find_menu_pages(request, language))
    if request is not None:
        request._menu_pages = (language, result)
    return result


@register.simple_tag(takes_context=True)
def aria_current(context, url, exact=False):
    """' aria-current="page"' on the link to the page shown; "true" on a section the page is in."""
    request = context.get("request")
    if not url or request is None:
        return ""
    if request.path == url:
        return mark_safe(' aria-current="page"')
    if not exact and request.path.startswith(url):
        return mark_safe(' aria-current="true"')
    return ""


def _find_translation_url(request, page, language) -> str:
    translation = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    if translation is None:
        # Not translated (yet): the home page of that language rather than a "page not found".
        with override(language):
            return _home_fallback_url()
    return translation.get_url(request) or ""


def _translated_page_url(request, page, language):
    url = kept_for_everyone(
        request,
        f"translation-url:{page.translation_key}:{language}",
        lambda: _find_translation_url(request, page, language),
    )
    if url and request is not None and request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return url


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: on a Wagtail page to its translation, elsewhere to the same address."""
    request = context.get("request")
    current_path = request.get_full_path() if request is not None else "/"
    current = active_language()
    page = context.get("page")
    is_wagtail_page = isinstance(page, Page) and page.pk is not None
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            url = current_path
        else:
            url = _translated_page_url(request, page, code) if is_wagtail_page else ""
            url = url or translate_url(current_path, code)
        absolute_url = request.build_absolute_uri(url) if request is not None else url
        links.append(
            LanguageLink(code=code, name=name, url=url, absolute_url=absolute_url, is_current=code == current)
        )
    return links
