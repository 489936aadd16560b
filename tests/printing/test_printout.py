"""The printout of a request, for each service: what a reader finds in the PDF."""

import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import capfirst

from wagtail.models import Collection

import pikepdf
import pypdfium2
import pytest
import segno
import wagtail_factories
from pypdf import PdfReader

from printing.printout import printout_context, qr_svg, render_printout, status_url
from service_requests import actions, queries
from service_requests.catalogue import get_service
from service_requests.workflow import RequestStatus, Role
from signing.stamp import POINTS_PER_MM, stamp_rectangle
from tests.helpers import in_thai

from .conftest import SERVICE_CODES, comparable, page_count, page_texts, pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db


def field_labels(service_request) -> list[str]:
    """The labels a reader must find: the applicant's, then the service's own fields (the
    partial's headings for a service that lays its fields out itself, e.g. an order)."""
    labels = ["Name", "Citizen ID", "Phone", "Attachments", "Status history"]
    record = queries.details_record(service_request)
    if record.details_template:
        return [*labels, "School", "Forms ordered", "Quantity", "Shipping", "Grand total"]
    return [*labels, *(label for label, _value in record.rows())]


@pytest.mark.parametrize("service_code", SERVICE_CODES)
def test_the_printout_holds_the_reference_the_name_and_every_label(file_request, page_tree, service_code):
    service_request = file_request(service_code)

    text = pdf_text(render_printout(service_request, office=page_tree.office))

    assert comparable(service_request.reference) in text
    assert comparable("นางสาวน้ำฝน ลำดวนทอง") in text  # exactly as typed
    assert comparable(in_thai(get_service(service_code).form_title)) in text
    assert comparable(page_tree.office.name_th) in text
    for label in field_labels(service_request):
        assert comparable(capfirst(in_thai(label))) in text, label


@pytest.mark.parametrize("service_code", SERVICE_CODES)
def test_the_printout_is_set_in_sarabun_only(file_request, page_tree, service_code):
    content = render_printout(file_request(service_code), office=page_tree.office)

    fonts = pdf_fonts(content)
    assert fonts
    assert all(name.startswith("Sarabun") for name in fonts), fonts


def test_the_printout_lists_the_attachments_and_the_history_in_thai_dates(file_request, page_tree):
    service_request = file_request("11")

    text = pdf_text(render_printout(service_request, office=page_tree.office))

    for attachment in service_request.attachments.all():
        assert comparable(attachment.original_name) in text
    assert comparable(in_thai("Copy of the national ID card")) in text
    year = service_request.submitted_at.year + 543
    assert str(year) in text  # Buddhist Era, as Thai dates are written
    assert comparable(service_request.get_status_display()) in text


def test_a_booking_prints_its_room_and_time(file_request, page_tree):
    service_request = file_request("31")
    record = queries.details_record(service_request)

    text = pdf_text(render_printout(service_request, office=page_tree.office))

    assert comparable(record.room.name) in text
    assert comparable("09:00") in text
    assert comparable("12:00") in text


def test_an_order_prints_its_price_table(file_request, page_tree):
    service_request = file_request("41")

    text = pdf_text(render_printout(service_request, office=page_tree.office))

    assert comparable("ปพ.1-ป") in text
    assert comparable("ปพ.3-ป") in text
    assert comparable("530.00") in text  # 3 × 160 + 10 × 5
    assert comparable("555.00") in text  # + the 25 baht minimum shipping


def test_an_order_prints_its_units_in_thai_whatever_the_readers_language(file_request, page_tree):
    service_request = file_request("41")

    with translation.override("en"):
        text = pdf_text(render_printout(service_request, office=page_tree.office))

    assert comparable("3 เล่ม") in text
    assert comparable("10 แผ่น") in text
    assert "book" not in text and "sheet" not in text


def test_a_one_page_request_prints_on_one_page(file_request, page_tree):
    assert page_count(render_printout(file_request("12"), office=page_tree.office)) == 1


def test_the_signature_lines_are_never_alone_on_a_page(file_request, page_tree, officer_for):
    # A certificate request the officer noted step by step: as its history grows, the printout
    # passes a page end; whichever history length, the page with the signature lines also shows
    # the end of the history (the latest message, in its row or as the officer's message).
    officer = officer_for("12")
    service_request = file_request("12")
    signed = comparable(in_thai("Signed"))
    pages_seen = set()
    for number in range(1, 7):
        message = f"บันทึกการดำเนินการครั้งที่ {number} ตรวจสอบเอกสารและประวัติการรับราชการแล้ว"
        service_request = actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.IN_PROGRESS,
            role=Role.OFFICER,
            message=message,
        )
        pages = page_texts(render_printout(service_request, office=page_tree.office))
        pages_seen.add(len(pages))
        (signature_page,) = [page for page in pages if signed in page]
        assert comparable(message) in signature_page, f"{number} changes: the signatures are alone"
    assert pages_seen == {1, 2}  # the history did reach a page end


def test_the_stamps_place_in_the_bottom_margin_stays_blank_on_every_page(file_request, page_tree):
    # A signed printout gets its stamp on the last page, whichever that is: on pages the content
    # fills to the bottom, the stamp's place is still clear of it and of the footer's texts.
    # (A room booking: its purpose is a text without a length limit, on PostgreSQL too.)
    purpose = "\n".join(f"บรรทัดที่ {number}" for number in range(1, 121))
    content = render_printout(file_request("31", purpose=purpose), office=page_tree.office)

    document = pypdfium2.PdfDocument(content)
    assert len(document) >= 3
    scale = 150 / 72
    for index in range(len(document)):
        width, height = document[index].get_size()
        place = stamp_rectangle(pikepdf.Rectangle(0, 0, width, height))
        margin = POINTS_PER_MM  # and 1 mm around it
        picture = document[index].render(scale=scale).to_pil().convert("L")
        area = picture.crop(
            (
                round((place.llx - margin) * scale),
                round((height - place.ury - margin) * scale),
                round((place.urx + margin) * scale),
                round((height - place.lly + margin) * scale),
            )
        )
        assert area.getextrema()[0] >= 250, f"page {index + 1} has ink where the stamp goes"
    document.close()


def test_the_qr_code_opens_the_status_check_with_the_reference(file_request, page_tree, settings):
    settings.PORTAL_BASE_URL = "https://oss.example.go.th/"
    service_request = file_request("12")

    payload = status_url(service_request.reference)
    context = printout_context(service_request, office=page_tree.office)

    assert payload == f"https://oss.example.go.th/status/?reference={service_request.reference}"
    assert context["qr_svg"] == qr_svg(payload)
    assert context["qr_svg"].startswith("<svg")


def test_the_qr_svg_is_segnos_rendering_of_the_payload():
    payload = "https://oss.example.go.th/status/?reference=1120250331111014"

    svg = qr_svg(payload)

    assert svg == segno.make(payload, error="m").svg_inline(scale=3, border=2, omitsize=False)
    assert segno.make(payload, error="m").designator  # a valid QR symbol was built


def test_user_text_is_escaped(file_request, page_tree):
    service_request = file_request("12", purpose='<img src="http://evil.example/x.png">ไปธนาคาร')

    html = render_to_string(
        "printing/request.html", printout_context(service_request, office=page_tree.office)
    )

    assert "&lt;img src=&quot;http://evil.example/x.png&quot;&gt;ไปธนาคาร" in html
    assert '<img src="http://evil.example' not in html


def test_the_office_logo_is_embedded_from_its_storage(file_request, page_tree):
    page_tree.office.logo = wagtail_factories.ImageFactory(collection=Collection.get_first_root_node())
    page_tree.office.save()

    content = render_printout(file_request("12"), office=page_tree.office)

    resources = PdfReader(io.BytesIO(content)).pages[0]["/Resources"]
    images = [
        item.get_object()
        for item in resources.get("/XObject", {}).values()
        if item.get_object()["/Subtype"] == "/Image"
    ]
    assert images
