"""Reads of the service pages, shared by the home, services and downloads pages."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch

from wagtail.coreutils import get_supported_content_language_variant


@dataclass
class DownloadGroup:
    page: object
    manuals: list
    blank_forms: list


def live_service_pages(*, locale):
    """The live service pages of one language, with their documents, in the tree's order."""
    from .models import ServiceDocument, ServicePage

    documents = ServiceDocument.objects.select_related("document").order_by("sort_order")
    pages = list(
        ServicePage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("path")
        .prefetch_related(Prefetch("documents", queryset=documents))
    )
    # Each translation offers its Thai original's documents too (ServicePage.document_list).
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    originals = {}
    if locale.language_code != default_language:
        originals = {
            page.translation_key: page
            for page in ServicePage.objects.live()
            .filter(
                locale__language_code=default_language,
                translation_key__in=[page.translation_key for page in pages],
            )
            .select_related("locale")
            .prefetch_related(Prefetch("documents", queryset=documents))
        }
    for page in pages:
        page.original = originals.get(page.translation_key)
    return pages


def downloads_by_service(service_pages, *, only_slug=""):
    """Group the pages' manuals and blank forms by service; an unknown slug shows everything."""
    slugs = {page.slug for page in service_pages}
    selected = [
        page for page in service_pages if not only_slug or only_slug not in slugs or page.slug == only_slug
    ]
    return [
        DownloadGroup(page=page, manuals=page.manuals(), blank_forms=page.blank_forms())
        for page in selected
        if page.document_list
    ]
