"""Appointments with executives (service 32): a time the executive has already accepted is taken,
one merely asked for is not; an officer cannot accept two at the same time; only working days in
office hours, from now to a year ahead."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from service_requests import actions
from service_requests.catalogue.appointment import AppointmentDetails
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import (
    ExecutiveFactory,
    ServiceRequestFactory,
    details_for,
    files_post,
    form_data,
    working_day_at,
)
from tests.helpers import buddhist_era_hint, in_thai

pytestmark = pytest.mark.django_db

S = RequestStatus
APPOINTMENT_PAGE = "/services/appointment/"


@pytest.fixture
def director(db):
    return ExecutiveFactory(name="นายประเสริฐ บุญมา", position="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")


@pytest.fixture
def officer(officer_for):
    return officer_for("32")


def appointment_at(starts_at, **changes):
    return details_for("32", starts_at=starts_at, **changes)


def clash_refusal():
    return {"date": [in_thai(AppointmentDetails.conflict_message)]}


@pytest.fixture
def accepted_at_ten(submit, officer, other_applicant, director):
    """Another visitor's appointment with the director tomorrow 10:00-10:30, accepted by the office."""
    service_request = submit(
        "32", applicant=other_applicant, details=appointment_at(working_day_at(10), executive=director)
    )
    return actions.move_request(
        actor=officer, service_request=service_request, to_status=S.IN_PROGRESS, role=Role.OFFICER
    )


def test_an_accepted_appointment_holds_its_time(accepted_at_ten):
    details = AppointmentDetails.objects.get(request=accepted_at_ten)
    assert (details.starts_at, details.ends_at, details.accepted) == (
        working_day_at(10),
        working_day_at(10, 30),
        True,
    )


@pytest.mark.parametrize("starts", [(10, 0), (10, 15), (9, 45)], ids=["same-time", "during", "into-it"])
def test_a_time_the_executive_has_accepted_is_refused(submit, accepted_at_ten, director, starts):
    with pytest.raises(ValidationError) as refused:
        submit("32", details=appointment_at(working_day_at(*starts), executive=director))
    assert refused.value.message_dict == clash_refusal()
    assert ServiceRequest.objects.count() == 1


def test_the_form_shows_the_clash_on_the_date(client, page_tree, user, accepted_at_ten, director):
    client.force_login(user)
    data = form_data("32", user, details=appointment_at(working_day_at(10), executive=director)) | files_post(
        "32"
    )
    response = client.post(APPOINTMENT_PAGE, data)
    assert response.status_code == 200
    assert dict(response.context["request_forms"].details.errors) == clash_refusal()
    assert ServiceRequest.objects.count() == 1


def test_a_completed_appointment_holds_its_time_too(submit, officer, accepted_at_ten, director):
    actions.move_request(
        actor=officer, service_request=accepted_at_ten, to_status=S.COMPLETED, role=Role.OFFICER
    )
    with pytest.raises(ValidationError) as refused:
        submit("32", details=appointment_at(working_day_at(10), executive=director))
    assert refused.value.message_dict == clash_refusal()


@pytest.mark.parametrize("starts", [(9, 30), (10, 30)], ids=["just-before", "just-after"])
def test_the_half_hours_either_side_are_free(submit, accepted_at_ten, director, starts):
    service_request = submit("32", details=appointment_at(working_day_at(*starts), executive=director))
    assert service_request.status == S.SUBMITTED


def test_another_executive_at_the_same_time_is_free(submit, accepted_at_ten):
    deputy = ExecutiveFactory(name="นางสาวกาญจนา ทองคำ", position="รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")
    assert submit("32", details=appointment_at(working_day_at(10), executive=deputy)).status == S.SUBMITTED


def test_a_merely_submitted_appointment_does_not_block_the_time(submit, other_applicant, director):
    submit("32", applicant=other_applicant, details=appointment_at(working_day_at(10), executive=director))
    second = submit("32", details=appointment_at(working_day_at(10), executive=director))
    assert second.status == S.SUBMITTED
    assert AppointmentDetails.objects.filter(executive=director, accepted=False).count() == 2


def test_a_cancelled_acceptance_frees_the_time(submit, officer, accepted_at_ten, director):
    actions.move_request(
        actor=officer,
        service_request=accepted_at_ten,
        to_status=S.CANCELLED,
        role=Role.OFFICER,
        message="ติดราชการ",
    )
    assert AppointmentDetails.objects.get(request=accepted_at_ten).accepted is False
    assert submit("32", details=appointment_at(working_day_at(10), executive=director)).status == S.SUBMITTED


# The officer accepting


@pytest.fixture
def two_asking_for_ten(submit, other_applicant, director):
    first = submit(
        "32", applicant=other_applicant, details=appointment_at(working_day_at(10), executive=director)
    )
    second = submit("32", details=appointment_at(working_day_at(10, 15), executive=director))
    return first, second


def test_accepting_a_second_appointment_at_the_same_time_is_refused(officer, two_asking_for_ten):
    first, second = two_asking_for_ten
    actions.move_request(actor=officer, service_request=first, to_status=S.IN_PROGRESS, role=Role.OFFICER)
    with pytest.raises(ValidationError) as refused:
        actions.move_request(
            actor=officer, service_request=second, to_status=S.IN_PROGRESS, role=Role.OFFICER
        )
    assert refused.value.code == "conflict"
    assert refused.value.messages == [in_thai(AppointmentDetails.conflict_message)]
    second.refresh_from_db()
    assert second.status == S.SUBMITTED
    assert second.history.count() == 1  # only its submission
    assert AppointmentDetails.objects.get(request=second).accepted is False


def test_completing_a_clashing_appointment_straight_away_is_refused_too(officer, two_asking_for_ten):
    first, second = two_asking_for_ten
    actions.move_request(actor=officer, service_request=first, to_status=S.IN_PROGRESS, role=Role.OFFICER)
    with pytest.raises(ValidationError) as refused:
        actions.move_request(actor=officer, service_request=second, to_status=S.COMPLETED, role=Role.OFFICER)
    assert refused.value.code == "conflict"
    second.refresh_from_db()
    assert second.status == S.SUBMITTED


def test_the_process_page_shows_the_clash_to_the_officer(client, officer, two_asking_for_ten):
    first, second = two_asking_for_ten
    actions.move_request(actor=officer, service_request=first, to_status=S.IN_PROGRESS, role=Role.OFFICER)
    client.force_login(officer)
    url = reverse("service_request_admin:process", args=[second.pk])
    response = client.post(url, {"to_status": S.IN_PROGRESS, "message": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [in_thai(AppointmentDetails.conflict_message)]
    second.refresh_from_db()
    assert second.status == S.SUBMITTED


def test_returning_the_second_one_for_another_time_is_fine(officer, two_asking_for_ten):
    first, second = two_asking_for_ten
    actions.move_request(actor=officer, service_request=first, to_status=S.IN_PROGRESS, role=Role.OFFICER)
    returned = actions.move_request(
        actor=officer,
        service_request=second,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message="กรุณาเลือกเวลาอื่น",
    )
    assert returned.status == S.RETURNED


# Times


def test_a_past_time_is_refused(client, page_tree, user, director):
    client.force_login(user)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    data = form_data("32", user, details=appointment_at(an_hour_ago, executive=director)) | files_post("32")
    response = client.post(APPOINTMENT_PAGE, data)
    assert response.status_code == 200
    assert dict(response.context["request_forms"].details.errors) == {
        "date": [in_thai("The appointment cannot be in the past.")]
    }
    assert not ServiceRequest.objects.exists()


def test_the_action_refuses_a_past_time_too(submit, director):
    with pytest.raises(ValidationError) as refused:
        submit(
            "32", details=appointment_at(timezone.now() - datetime.timedelta(minutes=1), executive=director)
        )
    assert refused.value.message_dict == {"date": [in_thai("The appointment cannot be in the past.")]}


def in_buddhist_era(moment):
    """The same day and time with the year typed in the Buddhist Era (543 years on)."""
    return moment.replace(year=moment.year + 543)


def test_a_year_typed_in_the_buddhist_era_is_refused_with_a_hint(client, page_tree, user, director):
    client.force_login(user)
    starts = in_buddhist_era(working_day_at(10))
    data = form_data("32", user, details=appointment_at(starts, executive=director)) | files_post("32")
    response = client.post(APPOINTMENT_PAGE, data)
    hint = buddhist_era_hint(starts.year)
    assert dict(response.context["request_forms"].details.errors) == {"date": [hint]}
    assert hint in response.content.decode()
    assert not ServiceRequest.objects.exists()


def next_weekend_day():
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() < 5:
        day += datetime.timedelta(days=1)
    return day


@pytest.mark.parametrize(
    "day",
    [next_weekend_day, lambda: datetime.date(timezone.localdate().year + 1, 4, 13)],  # Songkran
    ids=["weekend", "public-holiday"],
)
def test_weekends_and_holidays_are_refused(submit, director, day):
    starts = timezone.make_aware(datetime.datetime.combine(day(), datetime.time(10)))
    with pytest.raises(ValidationError) as refused:
        submit("32", details=appointment_at(starts, executive=director))
    assert refused.value.message_dict == {
        "date": [in_thai("Executives meet visitors on working days only: not at weekends or on holidays.")]
    }


@pytest.mark.parametrize(
    "starts", [(8, 0), (16, 15), (23, 30)], ids=["before-opening", "past-closing", "night"]
)
def test_times_outside_office_hours_are_refused(submit, director, starts):
    with pytest.raises(ValidationError) as refused:
        submit("32", details=appointment_at(working_day_at(*starts), executive=director))
    assert refused.value.message_dict == {
        "time": [
            in_thai("Please choose a time in office hours: appointments start from 08:30, the last at 16:00.")
        ]
    }


@pytest.mark.parametrize("starts", [(8, 30), (16, 0)], ids=["first", "last"])
def test_the_first_and_last_slots_of_the_day_are_fine(submit, director, starts):
    service_request = submit("32", details=appointment_at(working_day_at(*starts), executive=director))
    assert service_request.status == S.SUBMITTED


def test_an_inactive_executive_is_not_offered(client, page_tree, user):
    retired = ExecutiveFactory(name="นายอำนาจ อินทร์แก้ว", position="อดีตรองผู้อำนวยการ", is_active=False)
    client.force_login(user)
    data = form_data("32", user, details=appointment_at(working_day_at(10), executive=retired)) | files_post(
        "32"
    )
    response = client.post(APPOINTMENT_PAGE, data)
    assert list(response.context["request_forms"].details.errors) == ["executive"]
    assert not ServiceRequest.objects.exists()


def test_the_database_keeps_an_executive_to_one_accepted_appointment_at_a_time(director):
    """Past the check: on PostgreSQL the exclusion constraint refuses an accepted row that
    overlaps another accepted one (not a merely submitted one); on SQLite the check and the
    change run in one IMMEDIATE transaction (see test_rooms), so it refuses the acceptance."""
    accepted = ServiceRequestFactory(service_code="32", status=S.IN_PROGRESS)
    AppointmentDetails.objects.filter(request=accepted).update(
        executive=director, starts_at=working_day_at(10), ends_at=working_day_at(10, 30), accepted=True
    )
    waiting = ServiceRequestFactory(service_code="32")
    AppointmentDetails.objects.filter(request=waiting).update(
        executive=director, starts_at=working_day_at(10, 15), ends_at=working_day_at(10, 45)
    )
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError, match="appointment_no_overlap"), transaction.atomic():
            AppointmentDetails.objects.filter(request=waiting).update(accepted=True)
    else:
        assert connection.vendor == "sqlite"
        details = AppointmentDetails.objects.get(request=waiting)
        details.on_status_change(S.IN_PROGRESS)
        with pytest.raises(ValidationError):
            details.check_conflicts()
    assert AppointmentDetails.objects.get(request=waiting).accepted is False


def test_moving_a_submitted_appointment_says_it_is_rescheduled_in_the_buddhist_era(
    client, page_tree, submit, user, director
):
    mine = submit("32", details=appointment_at(working_day_at(10), executive=director))
    client.force_login(user)
    data = form_data(
        "32",
        user,
        submission_key=mine.submission_key,
        details=appointment_at(working_day_at(14, 30, after=2), executive=director),
    )
    response = client.post(reverse("service_requests:edit", args=[mine.reference]), data, follow=True)
    day = timezone.localtime(working_day_at(14, 30, after=2))
    months = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    when = f"{day.day} {months[day.month - 1]} {day.year + 543}, 14:30–15:00 น."
    assert [str(message) for message in response.context["messages"]] == [
        f"เลื่อนวันนัดหมายแล้ว เป็นวันที่ {when} โปรดรอเจ้าหน้าที่ยืนยัน"
    ]
    assert AppointmentDetails.objects.get(request=mine).starts_at == working_day_at(14, 30, after=2)
