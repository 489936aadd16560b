"""Test data for requests: valid details for every service, small real files, and requests.

`submit_request` (service_requests.actions) is the way tests file requests through the real
workflow; ServiceRequestFactory is for lists and counts where many rows are needed quickly.
Each service's valid details are its own sample (EService.sample_details); the lists some
services keep (rooms, executives, the price list) have model factories here.
"""

import datetime
import io
import uuid
import zipfile
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import factory
from factory.django import DjangoModelFactory
from PIL import Image

from base.working_days import WorkingCalendar, add_working_days
from demo.price_list import ensure_price_list
from service_requests.catalogue import get_service
from service_requests.catalogue.appointment import Executive
from service_requests.catalogue.meeting_room import Room
from service_requests.catalogue.school_record_forms import PriceItem, SchoolLevel
from service_requests.details import DetailsForm
from service_requests.models import ServiceRequest
from service_requests.references import base_reference
from service_requests.workflow import RequestStatus
from tests.factories.accounts import UserFactory

# The SPEC's example: an ID-card request made 31 March 2025 11:10:14 Bangkok time (04:10:14 UTC).
EXAMPLE_MOMENT = datetime.datetime(2025, 3, 31, 4, 10, 14, tzinfo=datetime.UTC)
EXAMPLE_REFERENCE = "1120250331111014"


class RoomFactory(DjangoModelFactory):
    class Meta:
        model = Room
        django_get_or_create = ("name",)

    name = "ห้องประชุมพญาแล"
    capacity = 30
    equipment = "โปรเจกเตอร์ ไมโครโฟน 4 ตัว"


class ExecutiveFactory(DjangoModelFactory):
    class Meta:
        model = Executive
        django_get_or_create = ("name",)

    name = "นายประเสริฐ บุญมา"
    position = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"


class PriceItemFactory(DjangoModelFactory):
    class Meta:
        model = PriceItem
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"แบบพิมพ์-{n}")
    level = SchoolLevel.PRIMARY
    unit = "แผ่น"
    price = Decimal("1.00")


def price_list() -> dict[str, PriceItem]:
    """The manual's price list (ปพ.1-ป 160 baht a book, ...) as the demo content keeps it, by code."""
    return {item.code: item for item in ensure_price_list()}


def first_booking_day(run: int = 3) -> datetime.date:
    """The first day after today (by the clock the actions read) that starts `run` working days
    in a row: rooms are booked on working days, and some tests need two or three days together."""
    calendar = WorkingCalendar()
    day = timezone.localdate() + datetime.timedelta(days=1)
    while not all(calendar.is_working_day(day + datetime.timedelta(days=offset)) for offset in range(run)):
        day += datetime.timedelta(days=1)
    return day


def booking_day_at(hour: int, minute: int = 0, *, days: int = 1) -> datetime.datetime:
    """A Bangkok wall-clock time on the `days`-th (1 to 3) of the next three working days in a row."""
    day = first_booking_day() + datetime.timedelta(days=days - 1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def working_day_at(hour: int, minute: int = 0, *, after: int = 1) -> datetime.datetime:
    """A Bangkok wall-clock time on the `after`-th working day from today (appointments are
    on working days only)."""
    day = add_working_days(timezone.localdate(), after)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def details_for(service_code: str, **changes) -> dict:
    """Valid cleaned details for a service (what its form's details_data() gives), with changes:
    the service's own sample (EService.sample_details)."""
    return {**get_service(service_code).sample_details(0), **changes}


def posted_details(service_code: str, details: dict) -> dict:
    """The cleaned details as a browser posts them (the service form's posted_data(); the generic
    one for a service not yet online)."""
    return (get_service(service_code).details_form or DetailsForm).posted_data(details)


def attachments_for(service_code: str) -> dict:
    """Files for a request: a PNG in the service's first slot (the required one), a PDF in other_1."""
    first_slot = get_service(service_code).attachment_slots[0].name
    return {first_slot: png_upload(), "other_1": pdf_upload()}


def contact_of(user, **changes) -> dict:
    """The contact part of a request as the applicant's profile pre-fills it."""
    contact = {
        "applicant_title": user.title,
        "applicant_first_name": user.first_name,
        "applicant_last_name": user.last_name,
        "applicant_phone": user.phone,
    }
    return {**contact, **changes}


def form_data(service_code: str, user, *, submission_key=None, details=None, **changes) -> dict:
    """What a browser posts from a service page's request form (prefixes contact-, details-).

    `details` are cleaned details (default: details_for(service_code)), posted as the form's
    fields; files go in separately (files-<slot>); `changes` are keyed by the posted name.
    """
    data = {f"contact-{name}": value for name, value in contact_of(user).items()}
    data["contact-submission_key"] = str(submission_key or uuid.uuid4())
    posted = posted_details(service_code, details if details is not None else details_for(service_code))
    data |= {f"details-{name}": value for name, value in posted.items()}
    return {**data, **changes}


def files_post(service_code: str) -> dict:
    """The files part of a form post: a PNG in the service's first (required) slot."""
    first_slot = get_service(service_code).attachment_slots[0].name
    return {f"files-{first_slot}": png_upload()}


# Files: small but real, so that the content checks see what they would see from a browser.


def png_bytes(colour=(0, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes(size: int | None = None) -> bytes:
    """A one-page PDF; with `size`, padded by a comment after the header to exactly that many bytes."""

    def build(padding: int) -> bytes:
        header = b"%PDF-1.4\n" + (b"%" + b"0" * (padding - 2) + b"\n" if padding >= 2 else b"")
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
        body, offsets = header, []
        for number, content in enumerate(objects, start=1):
            offsets.append(len(body))
            body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
        xref = len(body)
        body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        return body

    document = build(0)
    if size is None:
        return document
    padding = size - len(document)
    if padding < 2:
        raise ValueError(f"A padded PDF is at least {len(document) + 2} bytes")
    while len(document) != size:
        document = build(padding)
        padding += size - len(document)  # startxref may grow by a digit
    return document


def docx_bytes() -> bytes:
    """A minimal Word document (a zip, like every .docx)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_upload(name="id-card.png") -> SimpleUploadedFile:
    return upload(name, png_bytes(), "image/png")


def pdf_upload(name="payslip.pdf", size=None) -> SimpleUploadedFile:
    return upload(name, pdf_bytes(size), "application/pdf")


def attach_reply(service_request, content: bytes, name="หนังสือรับรอง.pdf"):
    """Give a request an officer's reply file directly (what move_request does with reply_file)."""
    service_request.reply_file.save("reply.pdf", ContentFile(content), save=False)
    service_request.reply_file_name = name
    service_request.save(update_fields=["reply_file", "reply_file_name"])
    return service_request


class ServiceRequestFactory(DjangoModelFactory):
    """A request with its service's details; one minute apart, so newest-first order is the sequence."""

    class Meta:
        model = ServiceRequest
        skip_postgeneration_save = True

    service_code = "11"
    applicant = factory.SubFactory(UserFactory)
    applicant_citizen_id = factory.SelfAttribute("applicant.citizen_id")
    applicant_title = factory.SelfAttribute("applicant.title")
    applicant_first_name = factory.SelfAttribute("applicant.first_name")
    applicant_last_name = factory.SelfAttribute("applicant.last_name")
    applicant_phone = factory.SelfAttribute("applicant.phone")
    status = RequestStatus.SUBMITTED
    submitted_at = factory.Sequence(lambda n: EXAMPLE_MOMENT + datetime.timedelta(minutes=n + 1))
    status_changed_at = factory.SelfAttribute("submitted_at")
    last_changed_at = factory.SelfAttribute("status_changed_at")
    reference = factory.LazyAttribute(
        lambda request: base_reference(request.service_code, request.submitted_at)
    )
    submission_key = factory.LazyFunction(uuid.uuid4)

    @factory.post_generation
    def details(service_request, create, extracted, **kwargs):
        service = get_service(service_request.service_code)
        if not create or service.details_model is None:
            return
        # A variant of its own per request, so that many bookings or appointments never clash
        # (within a year ahead, where bookings are allowed: primary keys keep growing across tests).
        details = service.sample_details(service_request.pk % 200)
        service.details_model.create_for(service_request, details)
