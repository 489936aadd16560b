"""Filing a request through actions.submit_request: what it stores, and that one form filed twice
(a double click, a reload) is one request."""

import threading
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

import pytest

from accounts.actions import update_profile
from service_requests import actions
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import (
    EXAMPLE_MOMENT,
    attachments_for,
    contact_of,
    details_for,
    png_upload,
)
from tests.helpers import take_offline
from tests.service_requests.helpers import audit_log

S = RequestStatus


@pytest.mark.django_db
def test_a_new_request_is_submitted_at_the_moment_it_was_filed(submit, frozen_now):
    service_request = submit("11")
    assert service_request.status == S.SUBMITTED
    assert service_request.submitted_at == service_request.status_changed_at == EXAMPLE_MOMENT


@pytest.mark.django_db
def test_a_request_keeps_the_applicant_as_sent_when_the_profile_changes(submit, user):
    service_request = submit("11", contact=contact_of(user, applicant_phone="0899999999"))
    update_profile(actor=user, user=user, last_name="ศรีสุข", phone="0811111111")
    service_request.refresh_from_db()
    assert service_request.applicant_citizen_id == user.citizen_id
    assert service_request.applicant_full_name == "นางสาววิลัยวรรณ สุภชาติ"
    assert service_request.applicant_phone == "0899999999"


@pytest.mark.django_db
@pytest.mark.parametrize("service_code", ["11", "12"])
def test_the_services_own_fields_are_stored_in_its_details_model(submit, service_code):
    service_request = submit(service_code)
    details = service_request.service.details_model.objects.get(request=service_request)
    assert details.work_unit == "โรงเรียนบ้านหนองบัว"


@pytest.mark.django_db
def test_the_attachments_are_stored_in_their_slots(submit):
    service_request = submit("11")
    assert dict(service_request.attachments.values_list("slot", "content_type")) == {
        "id_card_copy": "image/png",
        "other_1": "application/pdf",
    }


@pytest.mark.django_db
def test_the_submission_starts_the_history_and_the_audit_log(submit, user, frozen_now):
    service_request = submit("11")
    change = service_request.history.get()
    assert (change.from_status, change.to_status) == ("", S.SUBMITTED)
    assert (change.actor, change.actor_role, change.created_at) == (user, Role.APPLICANT, EXAMPLE_MOMENT)
    entry = audit_log(service_request).get()
    assert (entry.action, entry.user_id) == ("service_requests.submit", user.pk)


@pytest.mark.django_db
def test_a_service_not_yet_online_takes_no_requests(user, monkeypatch):
    take_offline(monkeypatch, "21")
    with pytest.raises(PermissionDenied):
        actions.submit_request(
            applicant=user,
            service_code="21",
            contact=contact_of(user),
            details=details_for("21"),
            attachments=attachments_for("21"),
            submission_key=uuid.uuid4(),
        )
    assert not ServiceRequest.objects.exists()


# One form, one request


@pytest.mark.django_db
def test_the_same_submission_key_twice_gives_back_the_first_request(submit, private_files):
    key = uuid.uuid4()
    first = submit("11", submission_key=key)
    files_after_first = private_files()
    again = submit("11", submission_key=key)
    assert again.pk == first.pk
    assert ServiceRequest.objects.count() == 1
    assert private_files() == files_after_first


@pytest.mark.django_db
def test_another_applicant_cannot_claim_a_request_by_its_key(submit, other_applicant):
    key = uuid.uuid4()
    first = submit("11", submission_key=key)
    with pytest.raises(ValidationError) as refused:
        submit("11", applicant=other_applicant, submission_key=key)
    assert refused.value.code == actions.STALE_SUBMISSION_KEY
    assert list(ServiceRequest.objects.values_list("pk", "applicant")) == [(first.pk, first.applicant_id)]


@pytest.mark.django_db
def test_a_key_of_another_service_does_not_return_that_request(submit, private_files):
    key = uuid.uuid4()
    id_card = submit("11", submission_key=key)
    files_before = private_files()
    with pytest.raises(ValidationError) as refused:
        submit("12", submission_key=key)
    assert refused.value.code == actions.STALE_SUBMISSION_KEY
    assert list(ServiceRequest.objects.values_list("pk", "service_code")) == [(id_card.pk, "11")]
    assert private_files() == files_before


# Committed for real, so that the threads see each other; serialized_rollback brings back what the
# migrations made (content types, locales) if an earlier transactional test flushed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_click_racing_itself_files_one_request(user, private_files):
    clicks = 5
    key = uuid.uuid4()
    barrier = threading.Barrier(clicks)
    results, errors = [], []

    def click():
        try:
            barrier.wait(timeout=30)
            service_request = actions.submit_request(
                applicant=user,
                service_code="11",
                contact=contact_of(user),
                details=details_for("11"),
                attachments={"id_card_copy": png_upload()},
                submission_key=key,
            )
            results.append(service_request.pk)
        except Exception as error:  # reported by the assertions below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(clicks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ServiceRequest.objects.count() == 1
    assert set(results) == {ServiceRequest.objects.get().pk}
    # The losers' files were removed: only the winner's attachment is stored.
    assert private_files() == [ServiceRequest.objects.get().attachments.get().file.name]
