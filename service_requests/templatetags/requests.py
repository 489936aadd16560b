"""Template helpers of the applicant's request pages."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_supported_language_variant

from ..catalogue import CATALOGUE, EService, all_services

register = template.Library()


@dataclass(frozen=True)
class ServiceLink:
    service: EService
    url: str


@dataclass(frozen=True)
class AttachmentRow:
    label: str
    attachment: object


def _active_language():
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def service_links(context):
    """The catalogue's services, each with its live page in the visitor's language, in one query.

    Services without a live page are left out: there is nowhere to send the applicant.
    """
    from service_pages.models import ServicePage

    request = context.get("request")
    pages = {
        page.service_code: page
        for page in ServicePage.objects.live()
        .filter(locale__language_code=_active_language())
        .only("id", "path", "depth", "url_path", "locale_id", "service_code")
    }
    links = []
    for service in all_services():
        page = pages.get(service.code)
        url = page.get_url(request) if page else None
        if url:
            links.append(ServiceLink(service=service, url=url))
    return links


@register.simple_tag
def attachment_rows(service, attachments):
    """The request's attachments in the order of the service's slots, each with its slot's label."""
    by_slot = {attachment.slot: attachment for attachment in attachments}
    rows = [
        AttachmentRow(label=slot.label, attachment=by_slot.pop(slot.name))
        for slot in service.attachment_slots
        if slot.name in by_slot
    ]
    # A slot the catalogue no longer has still shows its file, under its stored name.
    rows.extend(
        AttachmentRow(label=attachment.slot, attachment=attachment) for attachment in by_slot.values()
    )
    return rows


# A generic form: the icon of a service that brings none of its own.
GENERIC_ICON = '<path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z"/><path d="M14 3v5h5M8.5 13h7M8.5 16.5h5"/>'


@register.simple_tag
def service_icon_shapes(code):
    """The inside of a service's 24×24 icon (EService.icon; the catalogue's own markup)."""
    service = CATALOGUE.get(str(code))
    return mark_safe((service.icon if service is not None else "") or GENERIC_ICON)  # noqa: S308
