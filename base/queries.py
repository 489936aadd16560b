"""Reads of the office's settings that must not create them."""

from wagtail.models import Site

from .models import OfficeSettings


def existing_office_settings(request) -> OfficeSettings | None:
    """The request's site's office settings if they exist (OfficeSettings.for_request would
    create an empty row for a site that has none), cached on the request as for_request does."""
    attr_name = OfficeSettings.get_cache_attr_name()
    if hasattr(request, attr_name):
        return getattr(request, attr_name)
    site = Site.find_for_request(request)
    office = OfficeSettings.objects.filter(site=site).first() if site is not None else None
    if office is not None:
        office._request = request
        setattr(request, attr_name, office)
    return office
