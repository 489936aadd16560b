"""Reference codes: service code + Bangkok time YYYYMMDDhhmmss, unique even within one second."""

import datetime
import threading
import uuid

from django.db import connection

import pytest

from service_requests import actions
from service_requests.models import ServiceRequest
from service_requests.references import base_reference
from service_requests.workflow import Role
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import (
    EXAMPLE_MOMENT,
    EXAMPLE_REFERENCE,
    contact_of,
    details_for,
    png_upload,
)
from tests.service_requests.helpers import frozen_at


def test_the_code_is_the_service_code_and_the_bangkok_time():
    # 04:10:14 UTC is 11:10:14 in Bangkok (UTC+7).
    assert base_reference("11", EXAMPLE_MOMENT) == "1120250331111014"


def test_the_bangkok_date_is_used_across_midnight():
    late_evening_utc = datetime.datetime(2025, 3, 31, 20, 0, 5, tzinfo=datetime.UTC)
    assert base_reference("12", late_evening_utc) == "1220250401030005"


@pytest.mark.django_db
def test_a_request_gets_the_code_of_its_submission_moment(submit, frozen_now):
    assert submit("11").reference == EXAMPLE_REFERENCE


@pytest.mark.django_db
def test_two_requests_in_the_same_second_get_distinct_codes(submit, frozen_now):
    first, second = submit("11"), submit("11")
    assert first.reference == EXAMPLE_REFERENCE
    assert second.reference != first.reference
    assert second.reference.startswith(EXAMPLE_REFERENCE)


@pytest.mark.django_db
def test_requests_to_different_services_in_the_same_second_keep_their_plain_codes(submit, frozen_now):
    assert submit("11").reference == "1120250331111014"
    assert submit("12").reference == "1220250331111014"


@pytest.mark.django_db
def test_the_reference_is_kept_as_submitted_when_the_request_changes(submit, user, frozen_now):
    service_request = submit("11")
    with frozen_at(EXAMPLE_MOMENT + datetime.timedelta(hours=5)):
        actions.move_request(
            actor=user, service_request=service_request, to_status="cancelled", role=Role.APPLICANT
        )
    service_request.refresh_from_db()
    assert service_request.reference == EXAMPLE_REFERENCE


# PostgreSQL's default max_connections is 100: 100 threads plus the test's own connection would
# be refused, so at most this many threads hold a connection at once.
MAX_OPEN_CONNECTIONS = 40


def submit_concurrently(applicants, service_code="11"):
    """Each applicant files one request from a thread of its own, all released at once."""
    barrier = threading.Barrier(len(applicants))
    connection_slots = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    references, errors = [], []

    def file_one(applicant):
        barrier.wait(timeout=60)
        with connection_slots:
            try:
                service_request = actions.submit_request(
                    applicant=applicant,
                    service_code=service_code,
                    contact=contact_of(applicant),
                    details=details_for(service_code),
                    attachments={"id_card_copy": png_upload()},
                    submission_key=uuid.uuid4(),
                )
                references.append(service_request.reference)
            except Exception as error:  # reported by the test
                errors.append(error)
            finally:
                connection.close()

    threads = [threading.Thread(target=file_one, args=(applicant,)) for applicant in applicants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return references, errors


# Committed for real, so the threads see each other; serialized_rollback brings back what the
# migrations made (content types, locales) if an earlier transactional test flushed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_submissions_from_many_threads_in_one_second_get_distinct_codes():
    # The issue asks for 100 on PostgreSQL; SQLite serialises writers, so fewer prove the point there.
    count = 100 if connection.vendor == "postgresql" else 10
    applicants = [UserFactory() for _ in range(count)]
    with frozen_at(EXAMPLE_MOMENT):
        references, errors = submit_concurrently(applicants)
    assert errors == []
    assert len(references) == count
    assert len(set(references)) == count
    assert all(reference.startswith(EXAMPLE_REFERENCE) for reference in references)
    assert ServiceRequest.objects.filter(reference__startswith=EXAMPLE_REFERENCE).count() == count
