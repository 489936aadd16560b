"""The officer's bundle: the printout, then every attachment; damaged files are named, not fatal."""

import io

from django.core.files.base import ContentFile

import pytest
from PIL import Image
from pypdf import PdfWriter

from printing.bundle import render_bundle
from printing.printout import render_printout
from service_requests.models import Attachment
from tests.factories.service_requests import jpg_bytes, png_bytes, upload
from tests.helpers import in_thai
from tests.service_requests.hostile_files import (
    jpeg_truncated,
    pdf_embedded_file,
    pdf_open_action_javascript,
    png_144_megapixels,
)

from .conftest import comparable, page_count, pdf_text

pytestmark = pytest.mark.django_db


def pdf_of_pages(pages: int) -> bytes:
    writer = PdfWriter()
    for _number in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def big_photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1000), (10, 120, 60)).save(buffer, format="JPEG")
    return buffer.getvalue()


def damage(attachment, content: bytes):
    """Replace a stored file behind the upload checks' back, as a disk fault would."""
    storage = attachment.file.storage
    storage.delete(attachment.file.name)
    attachment.file.save(attachment.file.name.rsplit("/", 1)[-1], ContentFile(content), save=True)


def test_the_bundle_is_the_printout_then_every_page_of_every_attachment(file_request, page_tree):
    service_request = file_request(
        "11",
        attachments={
            "id_card_copy": upload("บัตร.png", png_bytes(), "image/png"),
            "other_1": upload("คำสั่ง.pdf", pdf_of_pages(3), "application/pdf"),
            "other_2": upload("รูปถ่าย.jpg", big_photo(), "image/jpeg"),
        },
    )
    printout_pages = page_count(render_printout(service_request, office=page_tree.office))

    bundle = render_bundle(service_request, office=page_tree.office)

    assert page_count(bundle) == printout_pages + 3 + 1 + 1
    text = pdf_text(bundle)
    assert comparable(service_request.reference) in text
    assert comparable("บัตร.png") in text  # each image page names its file
    assert comparable("รูปถ่าย.jpg") in text


@pytest.mark.parametrize(
    ("slot", "name", "broken"),
    [
        ("other_1", "เสีย.pdf", b"%PDF-1.4\nthis is not a PDF at all"),
        ("id_card_copy", "บัตร.png", png_bytes()[:40]),  # truncated
        ("id_card_copy", "บัตร.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        # Stored before the upload check refused such files: left out all the same.
        ("other_1", "สคริปต์.pdf", pdf_open_action_javascript()),
        ("other_1", "แนบไฟล์.pdf", pdf_embedded_file()),
        ("id_card_copy", "บัตร.png", png_144_megapixels()),
        ("id_card_copy", "บัตร.png", jpeg_truncated()),
    ],
)
def test_a_damaged_attachment_is_named_unreadable_and_the_rest_still_comes(
    file_request, page_tree, slot, name, broken
):
    service_request = file_request(
        "11",
        attachments={
            "id_card_copy": upload(name if slot == "id_card_copy" else "บัตร.png", png_bytes(), "image/png"),
            "other_1": upload(
                name if slot == "other_1" else "ใบเสร็จ.pdf", pdf_of_pages(2), "application/pdf"
            ),
            "other_2": upload("ภาพ.jpg", jpg_bytes(), "image/jpeg"),
        },
    )
    damage(Attachment.objects.get(request=service_request, slot=slot), broken)
    printout_pages = page_count(render_printout(service_request, office=page_tree.office))

    bundle = render_bundle(service_request, office=page_tree.office)

    # The damaged file takes one page saying so, in place of its own pages.
    good_pages = {"id_card_copy": 1, "other_1": 2, "other_2": 1}
    good_pages[slot] = 1
    assert page_count(bundle) == printout_pages + sum(good_pages.values())
    notice = in_thai("The file %(name)s could not be read.") % {"name": name}
    assert comparable(notice) in pdf_text(bundle)
    assert b"/JavaScript" not in bundle
    assert b"/EmbeddedFile" not in bundle


def test_a_missing_file_is_reported_too(file_request, page_tree):
    service_request = file_request("21")
    attachment = service_request.attachments.get(slot="other_1")
    attachment.file.storage.delete(attachment.file.name)

    bundle = render_bundle(service_request, office=page_tree.office)

    notice = in_thai("The file %(name)s could not be read.") % {"name": attachment.original_name}
    assert comparable(notice) in pdf_text(bundle)
