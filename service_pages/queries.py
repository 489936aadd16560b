"""Reads of the service pages, shared by the home, services and downloads pages."""

from .models import ServicePage


def live_service_pages(*, locale):
    """The live service pages of one language, with their documents (and, on a translation, its
    Thai original's), in the tree's order."""
    return ServicePage.objects.listed(locale=locale)
