"""The demo's seventh service, built in Wagtail (ก.พ.7 copies), and its moderated publishing."""

import io
import re
import uuid

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page, Workflow, WorkflowState

import pytest
from bs4 import BeautifulSoup

from accounts.models import User
from demo.accounts import APPLICANT, EDITOR_ID, OFFICERS
from demo.approval import WORKFLOW_NAME
from service_forms.models import FormVersion
from service_pages.models import ServiceIndexPage, ServicePage
from service_requests import actions
from service_requests.catalogue import all_services, get_service
from service_requests.catalogue import groups as catalogue_groups
from service_requests.catalogue.configured import ConfiguredDetails
from service_requests.models import ServiceAssignment, ServiceRequest
from tests.factories.service_requests import contact_of, details_for, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    """The demo loaded and committed as the command does (the catalogue then reads service 13)."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=io.StringIO())


def thai_page() -> ServicePage:
    return ServicePage.objects.get(service_code="13", locale__language_code="th")


def test_the_demo_adds_the_personnel_record_copy_as_a_seventh_service_of_the_catalogue(demo):
    assert [service.code for service in all_services()][-1] == "13"
    assert len(all_services()) == 7
    service = get_service("13")
    assert service.name == "สำเนา ก.พ.7"
    assert service.processing_days == 3
    assert service.accepts_requests
    assert [slot.name for slot in service.attachment_slots] == ["id_card_copy"]
    assert not service.attachment_slots[0].required  # the ID-card copy is optional
    page = thai_page()
    assert page.live and page.url == "/services/personnel-record-copy/"
    assert page.title == "ขอสำเนาทะเบียนประวัติ (ก.พ.7)"
    assert page.retention_years == 5
    version = FormVersion.objects.get(service_code="13")
    assert version.page_id == page.pk and version.number == 1
    assert [item.name for item in version.form_definition.inputs] == [
        "purpose",
        "copies",
        "certified",
        "delivery",
        "send_to",
    ]


def test_the_personnel_group_works_it_and_keeps_its_requests_five_years(demo):
    assignment = ServiceAssignment.objects.get(service_code="13")
    assert assignment.group.name == catalogue_groups.PERSONNEL
    assert assignment.retention_days == 5 * 365
    assert thai_page().officer_group.name == catalogue_groups.PERSONNEL


def test_the_demo_applicant_sees_the_form_and_submits_it_without_the_optional_id_card_copy(demo, client):
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    client.force_login(applicant)

    html = client.get("/services/personnel-record-copy/").content.decode()

    for label in ("วัตถุประสงค์", "จำนวนสำเนา", "รับรองสำเนาถูกต้อง", "วิธีรับเอกสาร", "ทางอีเมล"):
        assert label in html
    assert "อีเมลสำหรับส่งเอกสาร" in html
    assert "สำเนาบัตรประจำตัวประชาชน" in html

    service_request = actions.submit_request(
        applicant=applicant,
        service_code="13",
        contact=contact_of(applicant),
        details=details_for("13"),
        attachments={},
        submission_key=uuid.uuid4(),
    )
    assert service_request.reference.startswith("13")
    assert ServiceRequest.objects.filter(service_code="13", applicant=applicant).count() == 1


def test_the_english_page_shares_the_code_and_shows_the_english_labels(demo, client):
    english = thai_page().get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live and english.service_code == "13"
    assert english.url == "/en/services/personnel-record-copy/"
    client.force_login(User.objects.get(citizen_id=APPLICANT.citizen_id))

    html = client.get(english.url).content.decode()

    assert "Copy of the personnel record (Kor.Por.7)" in html
    assert "Number of copies" in html
    assert FormVersion.objects.filter(service_code="13").count() == 1  # the translation froze none


def texts_of(client, url, selector) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [element.get_text(" ", strip=True) for element in page.select(selector)]


def filed_request(applicant):
    return actions.submit_request(
        applicant=applicant,
        service_code="13",
        contact=contact_of(applicant),
        details=details_for("13"),
        attachments={},
        submission_key=uuid.uuid4(),
    )


def test_an_english_reader_sees_the_services_english_name_heading_and_note(demo, client):
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    client.force_login(applicant)
    service_request = filed_request(applicant)
    with translation.override("en"):
        submitted = reverse("service_requests:submitted", args=[service_request.reference])
        detail = reverse("service_requests:detail", args=[service_request.reference])
        my_requests = reverse("service_requests:my_requests")
    assert detail.startswith("/en/")

    for url in ("/en/", "/en/services/"):
        assert "Kor.Por.7 copy" in texts_of(client, url, ".tile__title"), url
    assert texts_of(client, "/en/services/personnel-record-copy/", ".form-title") == [
        "Copy of the personnel record (Kor.Por.7)"
    ]
    assert texts_of(client, "/en/services/personnel-record-copy/", "#apply .form-intro:not(.alert)") == [
        "At most 5 copies at a time. If you choose e-mail, give the address to send them to."
    ]
    assert "Kor.Por.7 copy" in texts_of(client, submitted, "dd")
    assert texts_of(client, detail, "h1") == ["Kor.Por.7 copy"]
    assert texts_of(client, detail, ".page__lead") == ["Copy of the personnel record (Kor.Por.7)"]
    list_page = " ".join(texts_of(client, my_requests, "main"))
    assert "Kor.Por.7 copy" in list_page and "สำเนา ก.พ.7" not in list_page


def test_a_thai_reader_sees_the_thai_name_heading_and_note(demo, client):
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    client.force_login(applicant)
    service_request = filed_request(applicant)

    assert "สำเนา ก.พ.7" in texts_of(client, "/services/", ".tile__title")
    assert texts_of(client, "/services/personnel-record-copy/", ".form-title") == [
        "ขอสำเนาทะเบียนประวัติ (ก.พ.7)"
    ]
    assert texts_of(client, "/services/personnel-record-copy/", "#apply .form-intro:not(.alert)") == [
        "ขอได้ครั้งละไม่เกิน 5 ชุด หากเลือกรับทางอีเมล โปรดกรอกอีเมลสำหรับส่งเอกสาร"
    ]
    with translation.override("th"):
        detail = reverse("service_requests:detail", args=[service_request.reference])
    assert texts_of(client, detail, "h1") == ["สำเนา ก.พ.7"]


def test_a_rerun_gives_the_english_texts_to_a_page_loaded_without_them(
    demo, django_capture_on_commit_callbacks
):
    page = thai_page()
    page.title_en = page.short_name_en = page.form_note_en = ""
    page.save_revision().publish()
    assert str(get_service("13").name) == "สำเนา ก.พ.7"
    with translation.override("en"):
        assert str(get_service("13").name) == "สำเนา ก.พ.7"  # the Thai name, for want of an English one

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=io.StringIO())

    with translation.override("en"):
        assert str(get_service("13").name) == "Kor.Por.7 copy"
    assert thai_page().short_name_en == "Kor.Por.7 copy"


def test_loading_twice_keeps_one_page_one_version_and_one_workflow(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=io.StringIO())

    assert ServicePage.objects.filter(service_code="13").count() == 2  # Thai and English
    assert FormVersion.objects.filter(service_code="13").count() == 1
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert len(all_services()) == 7


def test_the_services_index_has_the_directors_office_approval_workflow(demo):
    index = ServiceIndexPage.objects.get(locale__language_code="th")
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)

    assert workflow.active
    assert index.get_workflow() == workflow
    assert thai_page().get_workflow() == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert [group.name for group in tasks[0].groups.all()] == [catalogue_groups.DIRECTOR_OFFICE]
    # The rest of the site keeps Wagtail's default workflow (or none).
    home = Page.objects.get(depth=2, locale__language_code="th")
    assert home.get_workflow() != workflow
    director_office = Group.objects.get(name=catalogue_groups.DIRECTOR_OFFICE)
    assert director_office.permissions.filter(codename="access_admin").exists()
    # Approving the last task publishes the page as the approver: Wagtail wants them able to.
    approver = User.objects.get(citizen_id=OFFICERS[catalogue_groups.DIRECTOR_OFFICE][0])
    assert thai_page().permissions_for_user(approver).can_publish()
    assert not home.permissions_for_user(approver).can_edit()


def test_a_change_submitted_for_moderation_goes_live_when_the_directors_office_approves(demo, client):
    page = thai_page()
    editor = User.objects.get(citizen_id=EDITOR_ID)
    page.form_note = "ขอได้ครั้งละไม่เกิน 3 ชุด"
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)

    page.refresh_from_db()
    assert page.form_note != "ขอได้ครั้งละไม่เกิน 3 ชุด"  # not live while it waits
    assert FormVersion.objects.filter(service_code="13").count() == 1

    approver = User.objects.get(citizen_id=OFFICERS[catalogue_groups.DIRECTOR_OFFICE][0])
    client.force_login(approver)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    task_state = workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )

    assert response.status_code in (200, 302)
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    page.refresh_from_db()
    assert page.form_note == "ขอได้ครั้งละไม่เกิน 3 ชุด"
    assert FormVersion.objects.filter(service_code="13").count() == 2


def test_an_officer_outside_the_directors_office_cannot_approve(demo, client):
    page = thai_page()
    editor = User.objects.get(citizen_id=EDITOR_ID)
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    personnel_officer = User.objects.get(citizen_id=OFFICERS[catalogue_groups.PERSONNEL][0])
    client.force_login(personnel_officer)

    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", workflow_state.current_task_state.pk],
        )
    )

    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def post_request(client, **changes):
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    client.force_login(applicant)
    data = form_data("13", applicant) | {f"details-{name}": value for name, value in changes.items()}
    return client.post("/services/personnel-record-copy/", data)


def test_asking_for_it_by_email_without_an_address_is_refused_with_what_was_typed_kept(demo, client):
    response = post_request(client, purpose="ขอเลื่อนวิทยฐานะ", delivery="ทางอีเมล", send_to="")

    assert response.status_code == 200
    html = response.content.decode()
    assert "โปรดกรอก “อีเมลสำหรับส่งเอกสาร” เพราะเลือก “ทางอีเมล” ในช่อง “วิธีรับเอกสาร”" in html
    assert 'value="ขอเลื่อนวิทยฐานะ"' in html
    assert re.search(r'<input[^>]*value="ทางอีเมล"[^>]*checked', html)
    assert not ServiceRequest.objects.filter(service_code="13").exists()


def test_the_form_says_the_address_is_needed_when_email_is_chosen(demo, client):
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    client.force_login(applicant)
    html = client.get("/services/personnel-record-copy/").content.decode()
    assert "(จำเป็นเมื่อเลือก “ทางอีเมล” ในช่อง “วิธีรับเอกสาร”)" in html


@pytest.mark.parametrize(("delivery", "send_to"), [("ทางอีเมล", "kru.somsri@example.com"), ("รับด้วยตนเอง", "")])
def test_by_email_with_an_address_or_picked_up_without_one_is_accepted(demo, client, delivery, send_to):
    response = post_request(client, delivery=delivery, send_to=send_to)

    assert response.status_code == 302
    details = ConfiguredDetails.objects.get(request__service_code="13")
    assert (details.answers["delivery"], details.answers["send_to"]) == (delivery, send_to or None)
