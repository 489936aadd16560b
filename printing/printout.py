"""The printout of a request: everything it holds, laid out like the office's paper form, with
a QR code that opens the public status check for it."""

from functools import lru_cache
from urllib.parse import urlencode

from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation

from wagtail import hooks

from base.links import absolute_url
from service_requests import queries
from service_requests.hooks import REQUEST_PRINTOUT_ROWS

from .letterhead import letterhead_context
from .rendering import render_pdf

TEMPLATE = "printing/request.html"
PRINT_LANGUAGE = "th"


def status_url(reference: str, *, base_url: str | None = None) -> str:
    """The public status check with the reference filled in (the citizen ID is still asked),
    under `base_url` (base.links.portal_base_url of the request printing it; None: configured)."""
    with translation.override(PRINT_LANGUAGE):
        path = reverse("service_requests:status_check")
    return absolute_url(f"{path}?{urlencode({'reference': reference})}", base_url=base_url)


@lru_cache(maxsize=256)
def qr_svg(payload: str) -> str:
    """The QR code of `payload` as inline SVG, drawn by segno (kept: choosing the mask is slow)."""
    import segno  # deferred like WeasyPrint (printing.rendering): only printing processes need it

    return segno.make(payload, error="m").svg_inline(scale=3, border=2, omitsize=False)


def details_partial(record):
    """The service's own template for its fields (e.g. an order's price table), when it has one."""
    name = getattr(record, "details_template", None)
    if not name:
        return None
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return name


def added_rows(service_request) -> list[tuple[str, str]]:
    """The (label, value) rows the apps above add to the printout (e.g. the payment's state)."""
    return [row for added in hooks.get_hooks(REQUEST_PRINTOUT_ROWS) for row in added(service_request)]


def printout_context(service_request, *, office, base_url=None) -> dict:
    record = queries.details_record(service_request)
    payload = status_url(service_request.reference, base_url=base_url)
    return {
        "service_request": service_request,
        "service": service_request.service,
        **letterhead_context(office),
        "details_record": record,
        "record": record,
        "details": record.rows() if record else [],
        "details_template": details_partial(record),
        "added_rows": added_rows(service_request),
        "attachments": service_request.attachments.order_by("pk"),
        "history": service_request.history.select_related("actor"),
        "status_url": payload,
        "qr_svg": qr_svg(payload),
        "printed_at": timezone.now(),
    }


def render_printout(service_request, *, office, base_url=None) -> bytes:
    """The request's printout as a PDF, in Thai; its QR code and links under `base_url`."""
    with translation.override(PRINT_LANGUAGE):
        context = printout_context(service_request, office=office, base_url=base_url)
        logo = [context["logo"]] if context["logo"] else []
        return render_pdf(TEMPLATE, context, data_uris=logo)
