"""Template helpers of the request pages."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from wagtail import hooks

from .. import bulk_actions, presentation
from .. import hooks as request_hooks
from ..catalogue import find_service

register = template.Library()

register.simple_tag(presentation.attachment_rows, name="attachment_rows")


# A generic form: the icon of a service that brings none of its own.
GENERIC_ICON = '<path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z"/><path d="M14 3v5h5M8.5 13h7M8.5 16.5h5"/>'


@register.simple_tag
def service_icon_shapes(code):
    """The inside of a service's 24×24 icon (EService.icon; the catalogue's own markup)."""
    service = find_service(str(code))
    return mark_safe((service.icon if service is not None else "") or GENERIC_ICON)  # noqa: S308


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def officer_bulk_action_buttons(context):
    """The request list's bulk-action buttons this officer may use (bulk_actions.buttons_for)."""
    return {"buttons": bulk_actions.buttons_for(context["request"].user)}


@register.simple_tag(takes_context=True)
def request_sections(context, service_request, page):
    """The sections apps above the core add to the applicant's request pages (page: "submitted",
    "detail" or "edit"; hooks.REQUEST_PAGE_SECTIONS)."""
    request = context["request"]
    parts = (
        hook(request, service_request, page) for hook in hooks.get_hooks(request_hooks.REQUEST_PAGE_SECTIONS)
    )
    return format_html_join("", "{}", ((part,) for part in parts if part))


@register.simple_tag(takes_context=True)
def process_sections(context, service_request):
    """The panels apps above the core add to the officers' process page (hooks.REQUEST_PROCESS_SECTIONS)."""
    request = context["request"]
    parts = (
        hook(request, service_request) for hook in hooks.get_hooks(request_hooks.REQUEST_PROCESS_SECTIONS)
    )
    return format_html_join("", "{}", ((part,) for part in parts if part))
