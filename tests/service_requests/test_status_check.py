"""The public status check: the right reference and citizen ID show service, status and dates and
nothing personal; a wrong pair gets one neutral answer; lookups are limited per address."""

import datetime
import re

from django.utils.html import escape

import pytest

from service_requests.catalogue import get_service
from service_requests.models import StatusLookup
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import EXAMPLE_MOMENT, ServiceRequestFactory
from tests.helpers import in_thai
from tests.service_requests.helpers import frozen_at

pytestmark = pytest.mark.django_db

STATUS_URL = "/status/"
CHANGED_AT = EXAMPLE_MOMENT + datetime.timedelta(days=1, hours=2, minutes=5)  # 1 เม.ย. 2568, 13:15 น.
UNKNOWN_REFERENCE = "1120250331111015"


@pytest.fixture
def in_progress(user, page_tree):
    return ServiceRequestFactory(
        applicant=user,
        service_code="12",
        submitted_at=EXAMPLE_MOMENT,
        status=RequestStatus.IN_PROGRESS,
        status_changed_at=CHANGED_AT,
        officer_message="อยู่ระหว่างเสนอผู้อำนวยการลงนาม",
        applicant_phone="0812345678",
    )


def look_up(client, reference, citizen_id_or_phone, address="203.0.113.7"):
    return client.post(
        STATUS_URL, {"reference": reference, "citizen_id_or_phone": citizen_id_or_phone}, REMOTE_ADDR=address
    )


def test_the_status_page_asks_for_the_reference_and_citizen_id_or_phone(client, page_tree):
    page = client.get(STATUS_URL, {"reference": "1220250331111014"}).content.decode()
    assert 'name="citizen_id_or_phone"' in page
    assert escape(in_thai("Applicant's citizen ID or phone number")) in page
    assert 'value="1220250331111014"' in page  # the confirmation page links here with the code


def test_the_right_pair_shows_service_status_and_dates(client, in_progress):
    response = look_up(client, in_progress.reference, in_progress.applicant_citizen_id)
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"].pk == in_progress.pk
    assert escape(in_thai(get_service("12").name)) in page
    assert escape(in_thai(RequestStatus.IN_PROGRESS.label)) in page
    assert "31 มี.ค. 2568, 11:10 น." in page
    assert "1 เม.ย. 2568, 13:15 น." in page


def test_a_citizen_id_typed_with_dashes_is_understood(client, in_progress, user):
    response = look_up(client, in_progress.reference, "1-4399-00285-97-7")
    assert response.context["result"].pk == in_progress.pk


@pytest.mark.parametrize("typed", ["0812345678", "081-234-5678", "+66 81 234 5678"])
def test_the_phone_given_with_the_request_works_instead_of_the_citizen_id(client, in_progress, typed):
    response = look_up(client, in_progress.reference, typed)
    assert response.context["result"].pk == in_progress.pk


def test_another_phone_or_gibberish_gets_the_neutral_answer(client, in_progress):
    for typed in ("0899999999", "12345", "โทร"):
        response = look_up(client, in_progress.reference, typed)
        assert response.status_code == 200
        assert response.context["result"] is None
        assert response.context["not_found"]


def test_the_answer_shows_nothing_personal(client, in_progress, user):
    page = look_up(client, in_progress.reference, in_progress.applicant_citizen_id).content.decode()
    assert user.first_name not in page
    assert user.last_name not in page
    assert user.phone not in page
    assert user.citizen_id not in page
    assert in_progress.officer_message not in page


def normalised(page, reference):
    """The page without what differs by construction: the typed reference and the CSRF token."""
    page = page.replace(reference, "REFERENCE")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_a_wrong_pair_gets_the_same_answer_whether_the_reference_exists_or_not(client, in_progress):
    wrong_citizen_id = look_up(client, in_progress.reference, "3100600123458")
    unknown_reference = look_up(client, UNKNOWN_REFERENCE, "3100600123458")
    assert wrong_citizen_id.status_code == unknown_reference.status_code == 200
    assert wrong_citizen_id.context["result"] is None
    assert unknown_reference.context["result"] is None
    assert normalised(wrong_citizen_id.content.decode(), in_progress.reference) == normalised(
        unknown_reference.content.decode(), UNKNOWN_REFERENCE
    )


def test_a_wrong_pair_is_told_so_neutrally(client, in_progress):
    page = look_up(client, in_progress.reference, "3100600123458").content.decode()
    assert '<div role="status" tabindex="-1" data-focus-on-load>' in page  # read out on arrival
    assert (
        escape(in_thai("No request matches this reference code with this citizen ID or phone number."))
        in page
    )
    assert escape(in_thai(RequestStatus.IN_PROGRESS.label)) not in page


def test_another_applicants_citizen_id_does_not_open_the_request(client, in_progress, other_applicant):
    response = look_up(client, in_progress.reference, other_applicant.citizen_id)
    assert response.context["result"] is None


# Rate limit: 10 lookups per address in 10 minutes


def test_the_eleventh_lookup_within_ten_minutes_is_refused(client, in_progress):
    with frozen_at(EXAMPLE_MOMENT):
        answers = [look_up(client, UNKNOWN_REFERENCE, "3100600123458").status_code for _ in range(10)]
        refused = look_up(client, in_progress.reference, in_progress.applicant_citizen_id)
    assert answers == [200] * 10
    assert refused.status_code == 429
    assert refused.context["result"] is None
    assert escape(in_thai(RequestStatus.IN_PROGRESS.label)) not in refused.content.decode()


def test_lookups_spread_over_ten_minutes_all_count(client, in_progress):
    for minute in range(10):
        with frozen_at(EXAMPLE_MOMENT + datetime.timedelta(minutes=minute, seconds=30)):
            look_up(client, UNKNOWN_REFERENCE, "3100600123458")
    with frozen_at(EXAMPLE_MOMENT + datetime.timedelta(minutes=9, seconds=59)):
        assert look_up(client, UNKNOWN_REFERENCE, "3100600123458").status_code == 429


def test_another_address_is_not_limited(client, in_progress):
    with frozen_at(EXAMPLE_MOMENT):
        for _ in range(11):
            look_up(client, UNKNOWN_REFERENCE, "3100600123458", address="203.0.113.7")
        response = look_up(
            client, in_progress.reference, in_progress.applicant_citizen_id, address="198.51.100.20"
        )
    assert response.status_code == 200
    assert response.context["result"].pk == in_progress.pk


def test_the_address_may_look_up_again_after_ten_minutes(client, in_progress):
    with frozen_at(EXAMPLE_MOMENT):
        for _ in range(11):
            look_up(client, UNKNOWN_REFERENCE, "3100600123458")
    with frozen_at(EXAMPLE_MOMENT + datetime.timedelta(minutes=10, seconds=1)):
        response = look_up(client, in_progress.reference, in_progress.applicant_citizen_id)
    assert response.status_code == 200
    assert response.context["result"].pk == in_progress.pk


def test_addresses_are_not_stored_in_clear(client, in_progress):
    look_up(client, UNKNOWN_REFERENCE, "3100600123458", address="203.0.113.7")
    stored = StatusLookup.objects.get()
    assert "203.0.113.7" not in stored.client_hash
    assert len(stored.client_hash) == 64
