"""A seventh service is one module and one catalogue line: a throw-away service (its own details
model, created for the test only, and a catalogue entry put in only during the test) appears on
the home page and the applicant's buttons, takes requests, is listed for its officers in the
admin, prints and is reported, with no other file knowing it."""

import io

from django.apps import apps
from django.db import connection, models
from django.urls import reverse
from django.utils.html import escape

from wagtail.admin.viewsets.base import ViewSet

import pytest
from pypdf import PdfReader

from service_requests.catalogue import CATALOGUE, AttachmentSlot, EService
from service_requests.details import DetailsForm, RequestDetails
from service_requests.models import ServiceRequest
from service_requests.wagtail_hooks import register_services_own_viewsets
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import files_post, form_data
from tests.helpers import comparable

pytestmark = pytest.mark.django_db

CODE = "51"
NAME = "บัตรห้องสมุดสำนักงาน"
LIBRARY = "ห้องสมุดเขตพื้นที่การศึกษา"
ICON = '<path d="M4 5h6v14H4zM14 5h6v14h-6z"/>'


class LibraryCardsViewSet(ViewSet):
    """A page of the service's own in the admin (what a service brings in admin_viewsets)."""

    name = "library_cards"


def create_table(model):
    """The model's table inside the test's transaction, rolled back with it. SQLite's schema
    editor refuses to be entered inside a transaction (it would switch foreign keys off), but its
    statements themselves are transactional, so they are run without entering it."""
    if connection.vendor == "sqlite":
        editor = connection.schema_editor(atomic=False)
        editor.deferred_sql = []  # what entering it would set up
        editor.create_model(model)
        for statement in editor.deferred_sql:
            editor.execute(statement)
    else:
        with connection.schema_editor() as editor:
            editor.create_model(model)


@pytest.fixture
def seventh_service(db, monkeypatch):
    """บัตรห้องสมุด (51): what an office would write as the service's one module."""

    class LibraryCardDetails(RequestDetails):
        library = models.CharField("ห้องสมุด", max_length=100)
        card_kind = models.CharField("ประเภทบัตร", max_length=50)

        class Meta:
            app_label = "service_requests"
            verbose_name = "รายละเอียดคำขอบัตรห้องสมุด"

    class LibraryCardForm(DetailsForm):
        class Meta:
            model = LibraryCardDetails
            fields = ["library", "card_kind"]

    service = EService(
        code=CODE,
        slug="library-card",
        name=NAME,
        form_title="คำขอมีบัตรห้องสมุด",
        officer_group="กลุ่มห้องสมุด",
        details_form=LibraryCardForm,
        attachment_slots=(AttachmentSlot("photo", "รูปถ่าย", required=True),),
        sample_details=lambda variant=0: {"library": LIBRARY, "card_kind": "บัตรยืมหนังสือ"},
        icon=ICON,
        admin_viewsets=(f"{__name__}.LibraryCardsViewSet",),
    )
    try:
        create_table(LibraryCardDetails)
        monkeypatch.setitem(CATALOGUE, CODE, service)  # the one catalogue line
        yield service
    finally:
        del apps.all_models["service_requests"][LibraryCardDetails._meta.model_name]
        apps.clear_cache()


@pytest.fixture
def site(seventh_service, page_tree):
    """The page tree, with the new service's page made from the catalogue like every other."""
    return page_tree


@pytest.fixture
def filed(client, site, user):
    """A request of the new service, submitted by นางสาววิลัยวรรณ from its page."""
    client.force_login(user)
    page = site.service_pages["library-card"]
    response = client.post(page.url, form_data(CODE, user) | files_post(CODE))
    assert response.status_code == 302, response.context and response.context["request_forms"].errors
    return ServiceRequest.objects.get(service_code=CODE)


def test_it_appears_on_the_home_page_and_among_the_applicant_s_buttons(client, site, user):
    home = client.get(site.home.url).content.decode()
    client.force_login(user)
    my_requests = client.get(reverse("service_requests:my_requests")).content.decode()

    page_url = site.service_pages["library-card"].url
    assert NAME in home and f'href="{page_url}"' in home
    assert NAME in my_requests and f'href="{page_url}#apply"' in my_requests
    assert ICON in home and ICON in my_requests  # its own icon


def test_the_admin_registers_the_viewsets_it_brings(seventh_service):
    registered = register_services_own_viewsets()

    assert [type(viewset) for viewset in registered if viewset.name == "library_cards"] == [
        LibraryCardsViewSet
    ]


def test_it_takes_requests(filed, user, seventh_service):
    assert filed.reference.startswith(CODE)
    assert filed.applicant == user and filed.status == RequestStatus.SUBMITTED
    details = seventh_service.details_model.objects.get(request=filed)
    assert (details.library, details.card_kind) == (LIBRARY, "บัตรยืมหนังสือ")
    assert [attachment.slot for attachment in filed.attachments.all()] == ["photo"]


def test_its_officers_list_and_open_it_in_the_admin(client, filed, officer_for):
    client.force_login(officer_for(CODE))

    listed = client.get(reverse("service_request_admin:index"))
    process = client.get(reverse("service_request_admin:process", args=[filed.pk]))

    assert [service_request.reference for service_request in listed.context["object_list"]] == [
        filed.reference
    ]
    assert escape(NAME) in listed.content.decode()
    assert process.status_code == 200 and LIBRARY in process.content.decode()


def test_it_prints(client, filed, user):
    response = client.get(reverse("printing:applicant_pdf", args=[filed.reference]))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = comparable("".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages))
    assert comparable(LIBRARY) in text and comparable(filed.reference) in text


def test_it_is_reported(client, filed, officer_for):
    client.force_login(officer_for(CODE))

    response = client.get(reverse("service_requests_report"))

    assert response.status_code == 200
    rows = {row[0]: row[-1] for row in response.context["status_table"]["rows"]}
    assert rows == {NAME: 1}


def test_it_gets_per_field_corrections(client, filed, user, officer_for):
    """The officer marks its own fields and its slot, the applicant sees them and corrects one,
    the officer sees the change: none of it written for this service."""
    officer = officer_for(CODE)
    client.force_login(officer)
    response = client.post(
        reverse("service_request_admin:process", args=[filed.pk]),
        {
            "to_status": RequestStatus.RETURNED,
            "message": "กรุณาแก้ไข",
            "mark__details-card_kind": "on",
            "note__details-card_kind": "ไม่มีบัตรประเภทนี้",
            "mark__files-photo": "on",
        },
    )
    assert response.status_code == 302

    client.force_login(user)
    edit_url = reverse("service_requests:edit", args=[filed.reference])
    page = client.get(edit_url).content.decode()
    assert "ต้องแก้ไข 2 รายการ" in page
    assert 'href="#id_details-card_kind"' in page and 'href="#id_files-photo"' in page
    assert "ไม่มีบัตรประเภทนี้" in page
    data = form_data(
        CODE,
        user,
        submission_key=filed.submission_key,
        details={"library": LIBRARY, "card_kind": "บัตรอ่านในห้อง"},
    )
    assert client.post(edit_url, data | {"correction-reply": "เปลี่ยนประเภทบัตรแล้ว"}).status_code == 302

    client.force_login(officer)
    page = client.get(reverse("service_request_admin:process", args=[filed.pk])).content.decode()
    assert "<del>บัตรยืมหนังสือ</del>" in page and "<ins>บัตรอ่านในห้อง</ins>" in page
    assert "เปลี่ยนประเภทบัตรแล้ว" in page


def test_its_officers_take_it_and_move_it_in_bulk(client, filed, officer_for):
    officer = officer_for(CODE)
    client.force_login(officer)
    url = reverse("wagtail_bulk_action", args=["service_requests", "servicerequest", "take"])
    client.post(f"{url}?id={filed.pk}")
    url = reverse("wagtail_bulk_action", args=["service_requests", "servicerequest", "start"])
    client.post(f"{url}?id={filed.pk}")

    filed.refresh_from_db()
    assert filed.assignee == officer and filed.status == RequestStatus.IN_PROGRESS
    mine = client.get(reverse("service_request_admin:index"), {"assigned": "mine"})
    assert [service_request.reference for service_request in mine.context["object_list"]] == [filed.reference]
