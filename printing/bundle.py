"""The officer's bundle: the printout, then every attachment, in one PDF.

PDFs are appended page by page, images get a page each; a file that cannot be read, or that the
upload check would refuse today (scripts, embedded files, a picture too large; it may have been
stored before that check), gets a page that says so instead. Files are read through the private
storage only.

pypdf is imported on the first bundle, not when the portal starts (README, Performance).
"""

import io
import logging
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext as _

from PIL import Image

from service_requests.pdf_content import pdf_problem
from service_requests.presentation import attachment_rows
from service_requests.uploads import PILLOW_FORMATS, image_problem

from .printout import PRINT_LANGUAGE, render_printout
from .rendering import data_uri, render_pdf

if TYPE_CHECKING:
    from pypdf import PdfReader

logger = logging.getLogger(__name__)

ATTACHMENT_PAGE = "printing/attachment_page.html"


class UnreadableAttachment(Exception):
    pass


def _read(attachment) -> bytes:
    try:
        with attachment.file.open("rb") as handle:
            return handle.read()
    except OSError as error:
        raise UnreadableAttachment from error


def _pdf_pages(content: bytes) -> "PdfReader":
    """The attachment as a PDF whose every page can be written out, or UnreadableAttachment."""
    from pypdf import PdfReader, PdfWriter  # deferred: see the module's docstring

    if pdf_problem(content):
        raise UnreadableAttachment("refused by the upload check")
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            reader.decrypt("")
        # Write it once on its own: damage that only shows when objects are resolved shows here.
        checked = PdfWriter()
        checked.append(reader)
        buffer = io.BytesIO()
        checked.write(buffer)
        buffer.seek(0)
        return PdfReader(buffer)
    except Exception as error:  # pypdf raises many kinds of errors on damaged files
        raise UnreadableAttachment from error


def _image_page(content: bytes, *, heading: str) -> bytes:
    """An A4 page with the image scaled to fit below its heading, or UnreadableAttachment."""
    # Decodes it all: a truncated file fails here, not in WeasyPrint.
    if image_problem(io.BytesIO(content)):
        raise UnreadableAttachment("refused by the upload check")
    with Image.open(io.BytesIO(content)) as image:
        kind = image.format
    if kind not in PILLOW_FORMATS:
        raise UnreadableAttachment(kind)
    image_uri = data_uri(content, PILLOW_FORMATS[kind])
    return render_pdf(ATTACHMENT_PAGE, {"heading": heading, "image": image_uri}, data_uris=[image_uri])


def _unreadable_page(*, heading: str, name: str) -> bytes:
    message = _("The file %(name)s could not be read.") % {"name": name}
    return render_pdf(ATTACHMENT_PAGE, {"heading": heading, "unreadable": message})


def _attachment_pages(row) -> "PdfReader":
    from pypdf import PdfReader  # deferred: see the module's docstring

    attachment = row.attachment
    heading = f"{row.label}: {attachment.original_name}"
    try:
        content = _read(attachment)
        if content.startswith(b"%PDF-") or attachment.content_type == "application/pdf":
            return _pdf_pages(content)
        return PdfReader(io.BytesIO(_image_page(content, heading=heading)))
    except UnreadableAttachment:
        logger.warning("Attachment %s of request %s is unreadable", attachment.pk, attachment.request_id)
        page = _unreadable_page(heading=heading, name=attachment.original_name)
        return PdfReader(io.BytesIO(page))


def render_bundle(service_request, *, office, base_url=None) -> bytes:
    """The printout followed by every attachment, in the order of the service's slots."""
    from pypdf import PdfReader, PdfWriter  # deferred: see the module's docstring

    writer = PdfWriter()
    printout = render_printout(service_request, office=office, base_url=base_url)
    writer.append(PdfReader(io.BytesIO(printout)))
    with translation.override(PRINT_LANGUAGE):
        for row in attachment_rows(service_request.service, service_request.attachments.order_by("pk")):
            writer.append(_attachment_pages(row))
        writer.add_metadata({"/Title": f"{service_request.reference} {service_request.service.form_title}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
