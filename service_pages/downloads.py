"""The downloads page's grouping of manuals and blank forms by service (pages already read)."""

from dataclasses import dataclass


@dataclass
class DownloadGroup:
    page: object
    manuals: list
    blank_forms: list


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
