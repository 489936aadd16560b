"""The applicant's moves through the pages: edit and cancel succeed where the workflow allows
them (redirect, request changed) and are refused elsewhere (403, request unchanged)."""

from django.urls import reverse

import pytest

from service_requests.models import Attachment, StatusChange
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import form_data, png_upload

pytestmark = pytest.mark.django_db

S = RequestStatus
EDITABLE = {S.SUBMITTED: S.SUBMITTED, S.RETURNED: S.RESUBMITTED}
NOT_EDITABLE = [status for status in S if status not in EDITABLE]
CANCELLABLE = [S.SUBMITTED, S.IN_PROGRESS, S.RETURNED, S.RESUBMITTED]
NOT_CANCELLABLE = [S.COMPLETED, S.CANCELLED]


@pytest.fixture
def logged_in(client, user, page_tree):
    client.force_login(user)
    return client


def edit_url(service_request):
    return reverse("service_requests:edit", args=[service_request.reference])


def cancel_url(service_request):
    return reverse("service_requests:cancel", args=[service_request.reference])


def edit_data(service_request, user, **changes):
    return form_data(
        service_request.service_code,
        user,
        submission_key=service_request.submission_key,
        **{"details-position": "ครูผู้ช่วย", **changes},
    )


def position_of(service_request):
    return service_request.service.details_model.objects.get(request=service_request).position


def unchanged(service_request, status):
    service_request.refresh_from_db()
    return (
        service_request.status == status
        and position_of(service_request) == "ครู"
        and StatusChange.objects.filter(request=service_request).count() == 1
    )


# Editing


@pytest.mark.parametrize(("source", "target"), EDITABLE.items())
def test_the_edit_page_shows_the_request_as_sent(logged_in, request_in, source, target):
    service_request = request_in(source)
    response = logged_in.get(edit_url(service_request))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="โรงเรียนบ้านหนองบัว"' in page
    assert "id-card.png" in page  # the file already in the slot, kept unless replaced


@pytest.mark.parametrize(("source", "target"), EDITABLE.items())
def test_an_allowed_edit_saves_and_returns_to_the_request(logged_in, user, request_in, source, target):
    service_request = request_in(source)
    response = logged_in.post(edit_url(service_request), edit_data(service_request, user))
    assert response.status_code == 302
    assert response.url == reverse("service_requests:detail", args=[service_request.reference])
    service_request.refresh_from_db()
    assert service_request.status == target
    assert position_of(service_request) == "ครูผู้ช่วย"


def test_an_edit_keeps_the_attachments_not_replaced(logged_in, user, request_in):
    service_request = request_in(S.RETURNED)
    before = set(Attachment.objects.filter(request=service_request).values_list("slot", "file"))
    logged_in.post(edit_url(service_request), edit_data(service_request, user))
    assert set(Attachment.objects.filter(request=service_request).values_list("slot", "file")) == before


def test_an_edit_may_add_a_file_to_an_empty_slot(logged_in, user, request_in):
    service_request = request_in(S.RETURNED)
    data = {**edit_data(service_request, user), "files-other_2": png_upload("ทะเบียนบ้าน.png")}
    logged_in.post(edit_url(service_request), data)
    assert service_request.attachments.get(slot="other_2").original_name == "ทะเบียนบ้าน.png"


def test_an_edit_with_mistakes_is_shown_again_and_changes_nothing(logged_in, user, request_in):
    service_request = request_in(S.RETURNED)
    response = logged_in.post(
        edit_url(service_request), edit_data(service_request, user, **{"details-rank": ""})
    )
    assert response.status_code == 200
    assert "rank" in response.context["request_forms"].details.errors
    assert unchanged(service_request, S.RETURNED)


@pytest.mark.parametrize("source", NOT_EDITABLE)
def test_the_edit_page_is_refused_in_other_statuses(logged_in, request_in, source):
    service_request = request_in(source)
    assert logged_in.get(edit_url(service_request)).status_code == 403


@pytest.mark.parametrize("source", NOT_EDITABLE)
def test_an_edit_is_refused_in_other_statuses_and_changes_nothing(logged_in, user, request_in, source):
    service_request = request_in(source)
    response = logged_in.post(edit_url(service_request), edit_data(service_request, user))
    assert response.status_code == 403
    assert unchanged(service_request, source)


def test_another_applicant_cannot_edit(client, other_applicant, request_in, page_tree):
    service_request = request_in(S.SUBMITTED)
    client.force_login(other_applicant)
    response = client.post(edit_url(service_request), edit_data(service_request, other_applicant))
    assert response.status_code == 404
    assert unchanged(service_request, S.SUBMITTED)


# Cancelling


@pytest.mark.parametrize("source", CANCELLABLE)
def test_the_cancel_page_asks_for_confirmation(logged_in, request_in, source):
    service_request = request_in(source)
    response = logged_in.get(cancel_url(service_request))
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    assert unchanged(service_request, source)


@pytest.mark.parametrize("source", CANCELLABLE)
def test_an_allowed_cancel_cancels_and_returns_to_the_list(logged_in, request_in, source):
    service_request = request_in(source)
    response = logged_in.post(cancel_url(service_request), {"reason": "ยื่นซ้ำโดยไม่ได้ตั้งใจ"})
    assert response.status_code == 302
    assert response.url == reverse("service_requests:my_requests")
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED
    assert service_request.history.last().message == "ยื่นซ้ำโดยไม่ได้ตั้งใจ"


def test_the_applicant_may_cancel_without_a_reason(logged_in, request_in):
    service_request = request_in(S.SUBMITTED)
    logged_in.post(cancel_url(service_request), {"reason": ""})
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED


@pytest.mark.parametrize("source", NOT_CANCELLABLE)
def test_the_cancel_page_is_refused_once_completed_or_cancelled(logged_in, request_in, source):
    service_request = request_in(source)
    assert logged_in.get(cancel_url(service_request)).status_code == 403


@pytest.mark.parametrize("source", NOT_CANCELLABLE)
def test_a_cancel_is_refused_once_completed_or_cancelled(logged_in, request_in, source):
    service_request = request_in(source)
    response = logged_in.post(cancel_url(service_request), {"reason": "ไม่ต้องการแล้ว"})
    assert response.status_code == 403
    assert unchanged(service_request, source)


def test_another_applicant_cannot_cancel(client, other_applicant, request_in, page_tree):
    service_request = request_in(S.SUBMITTED)
    client.force_login(other_applicant)
    response = client.post(cancel_url(service_request), {"reason": "ไม่ต้องการแล้ว"})
    assert response.status_code == 404
    assert unchanged(service_request, S.SUBMITTED)


def test_cancelling_by_get_changes_nothing(logged_in, request_in):
    service_request = request_in(S.SUBMITTED)
    logged_in.get(cancel_url(service_request), {"reason": "ไม่ต้องการแล้ว"})
    assert unchanged(service_request, S.SUBMITTED)
