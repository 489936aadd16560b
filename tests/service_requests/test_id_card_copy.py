"""The ID-card copy as an office chooses it (issue 14 item 6): for the built-in services that ask
for one, an administrator makes it required (the default), optional, or not asked at all (the
Electronic Administration Act B.E. 2565 lets the office verify identity itself). Every form, the
filing action and the request pages follow the choice; filed requests keep their files."""

import uuid

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup

from service_requests import actions
from service_requests.catalogue import IdCardCopy, get_service
from service_requests.catalogue.common import ID_CARD_COPY
from service_requests.models import ServiceAssignment, ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import SuperuserFactory
from tests.factories.service_requests import contact_of, details_for, form_data, pdf_upload, png_upload
from tests.helpers import in_thai
from tests.service_requests.helpers import downloaded

pytestmark = pytest.mark.django_db

ID_CARD_PAGE = "/services/id-card/"
FILE_BOX = 'name="files-id_card_copy"'
REQUIRED_DOCUMENTS = "Please attach the required documents."


@pytest.fixture
def choose(officer_for, django_capture_on_commit_callbacks):
    """An administrator's choice for a service, made through the action the admin form calls."""
    administrator = SuperuserFactory()

    def make(choice, service_code="11"):
        officer_for(service_code)  # the service's assignment row
        assignment = ServiceAssignment.objects.get(service_code=service_code)
        assignment.id_card_copy = choice
        with django_capture_on_commit_callbacks(execute=True):
            return actions.save_service_assignment(actor=administrator, assignment=assignment)

    return make


def file_11(user, attachments):
    return actions.submit_request(
        applicant=user,
        service_code="11",
        contact=contact_of(user),
        details=details_for("11"),
        attachments=attachments,
        submission_key=uuid.uuid4(),
    )


def page_form(client, user):
    client.force_login(user)
    return client.get(ID_CARD_PAGE).content.decode()


# As the catalogue defines it: required


def test_by_default_the_copy_is_required_and_a_request_without_it_refused_in_thai(user):
    assert next(slot for slot in get_service("11").attachment_slots if slot.name == "id_card_copy").required
    with pytest.raises(ValidationError) as refused:
        file_11(user, {"other_1": pdf_upload()})
    assert refused.value.messages == [in_thai(REQUIRED_DOCUMENTS)]
    assert not ServiceRequest.objects.exists()


def test_by_default_the_page_form_refuses_a_request_without_the_copy(client, user, page_tree):
    client.force_login(user)
    response = client.post(ID_CARD_PAGE, form_data("11", user))
    assert response.status_code == 200
    assert response.context["request_forms"].attachments.errors["id_card_copy"]
    assert not ServiceRequest.objects.exists()


# Optional


def test_optional_a_request_is_filed_without_the_copy(choose, user):
    choose(IdCardCopy.OPTIONAL)
    service_request = file_11(user, {"other_1": pdf_upload()})
    assert list(service_request.attachments.values_list("slot", flat=True)) == ["other_1"]


def test_optional_the_page_form_still_offers_the_copy_and_files_without_it(choose, client, user, page_tree):
    choose(IdCardCopy.OPTIONAL)
    assert FILE_BOX in page_form(client, user)
    response = client.post(ID_CARD_PAGE, form_data("11", user))
    assert response.status_code == 302
    assert not ServiceRequest.objects.get().attachments.exists()


def test_optional_a_copy_given_is_kept(choose, user):
    choose(IdCardCopy.OPTIONAL)
    service_request = file_11(user, {"id_card_copy": png_upload("บัตร.png")})
    assert service_request.attachments.get().original_name == "บัตร.png"


def test_a_request_filed_without_the_copy_is_corrected_without_attaching_one(
    choose, client, user, officer_for, page_tree
):
    choose(IdCardCopy.OPTIONAL)
    service_request = file_11(user, {})
    officer = officer_for("11")
    for status, message in ((RequestStatus.IN_PROGRESS, ""), (RequestStatus.RETURNED, "กรุณาแก้ตำแหน่ง")):
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=status,
            role=Role.OFFICER,
            message=message,
        )
    client.force_login(user)
    data = form_data(
        "11", user, submission_key=service_request.submission_key, **{"details-position": "ครูชำนาญการ"}
    )
    response = client.post(reverse("service_requests:edit", args=[service_request.reference]), data)
    assert response.status_code == 302, response.context["request_forms"].attachments.errors
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RESUBMITTED


# Not asked


def test_not_asked_the_page_form_has_no_file_box_for_the_copy(choose, client, user, page_tree):
    choose(IdCardCopy.NOT_ASKED)
    page = page_form(client, user)
    assert FILE_BOX not in page
    assert 'name="files-other_1"' in page  # the other documents are still asked for
    assert escape(in_thai(ID_CARD_COPY.label)) not in page


def test_not_asked_the_action_files_the_request_and_ignores_a_copy_sent_anyway(choose, user):
    choose(IdCardCopy.NOT_ASKED)
    service_request = file_11(user, {"id_card_copy": png_upload(), "other_1": pdf_upload()})
    assert list(service_request.attachments.values_list("slot", flat=True)) == ["other_1"]


def test_not_asked_a_request_filed_with_the_copy_still_shows_and_downloads_it(choose, client, user):
    service_request = file_11(user, {"id_card_copy": png_upload("สำเนาบัตร.png")})
    choose(IdCardCopy.NOT_ASKED)
    client.force_login(user)
    page = client.get(reverse("service_requests:detail", args=[service_request.reference])).content.decode()
    row = BeautifulSoup(page, "html.parser").find(string=lambda text: text and "สำเนาบัตร.png" in text)
    assert row is not None
    assert in_thai(ID_CARD_COPY.label) in row.find_parent("li").get_text(" ")
    attachment = service_request.attachments.get()
    response = client.get(
        reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
    )
    assert response.status_code == 200
    assert downloaded(response).startswith(b"\x89PNG")


def test_not_asked_the_officers_process_page_shows_the_copy_under_its_label(
    choose, client, user, officer_for
):
    service_request = file_11(user, {"id_card_copy": png_upload("สำเนาบัตร.png")})
    choose(IdCardCopy.NOT_ASKED)
    client.force_login(officer_for("11"))
    response = client.get(reverse("service_request_admin:process", args=[service_request.pk]))
    page = response.content.decode()
    assert "สำเนาบัตร.png" in page
    assert escape(in_thai(ID_CARD_COPY.label)) in page


# The administrators' setting


def test_the_admin_form_saves_the_choice_and_the_audit_log_records_it(
    client, officer_for, django_capture_on_commit_callbacks
):
    officer_for("11")
    assignment = ServiceAssignment.objects.get(service_code="11")
    superuser = SuperuserFactory()
    client.force_login(superuser)
    url = reverse("service_assignments:edit", args=[assignment.pk])
    form = client.get(url).content.decode()
    assert 'type="radio" name="id_card_copy"' in form
    assert escape(in_thai(IdCardCopy.NOT_ASKED.label)) in form
    assert "พ.ศ. 2565" in form  # the help cites the Act

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"group": assignment.group_id, "id_card_copy": IdCardCopy.OPTIONAL})

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.id_card_copy == IdCardCopy.OPTIONAL
    entry = ModelLogEntry.objects.get(action="service_requests.id_card_copy")
    assert (entry.user_id, entry.object_id) == (superuser.pk, str(assignment.pk))
    assert entry.data == {"from": "required", "to": "optional"}
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(assignment.pk)).exists()
    slot = next(slot for slot in get_service("11").attachment_slots if slot.name == "id_card_copy")
    assert not slot.required


def test_a_service_without_the_copy_is_not_offered_the_choice(client, officer_for):
    officer_for("41")
    assignment = ServiceAssignment.objects.get(service_code="41")
    client.force_login(SuperuserFactory())
    form = client.get(reverse("service_assignments:edit", args=[assignment.pk])).content.decode()
    assert 'name="id_card_copy"' not in form


def test_a_new_assignment_of_a_service_without_the_copy_cannot_drop_it(client, db):
    group = Group.objects.create(name="เจ้าหน้าที่กลุ่มอำนวยการ")
    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("service_assignments:add"),
        {"service_code": "41", "group": group.pk, "id_card_copy": IdCardCopy.NOT_ASKED},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["id_card_copy"] == [
        in_thai("This service does not ask for a copy of the ID card.")
    ]
    assert not ServiceAssignment.objects.filter(service_code="41").exists()


def test_officers_cannot_change_the_choice(officer_for):
    officer = officer_for("11")
    assignment = ServiceAssignment.objects.get(service_code="11")
    assignment.id_card_copy = IdCardCopy.NOT_ASKED
    with pytest.raises(PermissionDenied):
        actions.save_service_assignment(actor=officer, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.id_card_copy == IdCardCopy.REQUIRED
    assert not ModelLogEntry.objects.filter(action="service_requests.id_card_copy").exists()


def test_the_lists_cost_the_same_with_a_choice_made(
    choose, client, user, page_tree, django_assert_max_num_queries
):
    """The catalogue reads the choices once for all rows (tests/service_requests/test_query_counts.py)."""
    choose(IdCardCopy.NOT_ASKED)
    choose(IdCardCopy.OPTIONAL, service_code="12")
    client.force_login(user)

    def count():
        client.get("/my/requests/", {"per_page": 50})
        with django_assert_max_num_queries(50) as captured:
            assert client.get("/my/requests/", {"per_page": 50}).status_code == 200
        return len(captured)

    file_11(user, {})
    for_one = count()
    for _index in range(9):
        file_11(user, {})
    assert count() == for_one


@pytest.mark.usefixtures("page_cache_on")
def test_with_the_cache_the_choice_is_read_once_and_a_new_one_shows_on_the_next_page(
    choose, client, user, page_tree
):
    """In production the choices are kept under the page cache's generation: a service page does
    not ask for them again, and an administrator's change starts a new generation."""
    assert FILE_BOX in page_form(client, user)
    with CaptureQueriesContext(connection) as queries:
        assert FILE_BOX in page_form(client, user)
    assert not any("service_requests_serviceassignment" in query["sql"] for query in queries.captured_queries)
    choose(IdCardCopy.NOT_ASKED)
    assert FILE_BOX not in page_form(client, user)
    choose(IdCardCopy.REQUIRED)
    assert FILE_BOX in page_form(client, user)
