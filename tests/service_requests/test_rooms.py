"""Meeting-room bookings (service 31): the rules an applicant meets on the form and in the
actions, and no double booking, ever: not by an edit, not by 20 threads or 50 processes at once,
and not by a row written past the check (PostgreSQL's exclusion constraint)."""

import datetime
import multiprocessing
import sqlite3
import threading
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from service_requests import actions
from service_requests.catalogue.meeting_room import RoomBookingDetails
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import (
    RoomFactory,
    ServiceRequestFactory,
    attachments_for,
    booking_day_at,
    contact_of,
    details_for,
    files_post,
    form_data,
    working_day_at,
)
from tests.helpers import buddhist_era_hint, in_thai
from tests.service_requests.booking_processes import book_the_room

S = RequestStatus
ROOM_PAGE = "/services/meeting-room/"
RETURN_MESSAGE = "กรุณาระบุวาระการประชุมให้ชัดเจน"


def booking(starts_at, ends_at, **changes):
    return details_for("31", starts_at=starts_at, ends_at=ends_at, **changes)


def conflict_refusal():
    """What the applicant is told when the room is taken: the Thai message on the start date."""
    return {"start_date": [in_thai(RoomBookingDetails.conflict_message)]}


def details_errors(response):
    assert response.status_code == 200
    return {name: list(errors) for name, errors in response.context["request_forms"].details.errors.items()}


@pytest.fixture
def room(db):
    return RoomFactory(name="ห้องประชุมพญาแล", capacity=30)


@pytest.fixture
def applicant_client(client, user, page_tree):
    client.force_login(user)
    return client


def post_booking(client, user, details):
    return client.post(ROOM_PAGE, form_data("31", user, details=details) | files_post("31"))


def bookings_of(room):
    return list(
        RoomBookingDetails.objects.filter(room=room)
        .order_by("starts_at")
        .values_list("starts_at", "ends_at", "holds_slot")
    )


# Overlaps


@pytest.mark.django_db
def test_the_form_books_a_free_slot(applicant_client, user, room):
    response = post_booking(applicant_client, user, booking(booking_day_at(9), booking_day_at(12), room=room))
    service_request = ServiceRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/my/requests/{service_request.reference}/submitted/"
    assert bookings_of(room) == [(booking_day_at(9), booking_day_at(12), True)]


@pytest.mark.django_db
def test_an_overlapping_booking_is_refused_on_the_form_with_the_thai_message(
    applicant_client, user, submit, other_applicant, room
):
    submit("31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room))
    response = post_booking(
        applicant_client, user, booking(booking_day_at(11), booking_day_at(13), room=room)
    )
    assert details_errors(response) == conflict_refusal()
    assert ServiceRequest.objects.count() == 1
    assert bookings_of(room) == [(booking_day_at(9), booking_day_at(12), True)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts", "ends"),
    [
        ((9, 0), (12, 0)),  # the same slot
        ((10, 0), (11, 0)),  # inside it
        ((8, 0), (13, 0)),  # around it
        ((8, 0), (9, 1)),  # a minute into its start
        ((11, 59), (14, 0)),  # from a minute before its end
    ],
)
def test_the_action_refuses_any_overlap(submit, other_applicant, room, starts, ends):
    submit("31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room))
    with pytest.raises(ValidationError) as refused:
        submit("31", details=booking(booking_day_at(*starts), booking_day_at(*ends), room=room))
    assert refused.value.message_dict == conflict_refusal()
    assert ServiceRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_booking_over_midnight_overlaps_the_next_mornings(submit, other_applicant, room):
    submit(
        "31",
        applicant=other_applicant,
        details=booking(booking_day_at(8, days=2), booking_day_at(10, days=2)),
    )
    with pytest.raises(ValidationError) as refused:
        submit("31", details=booking(booking_day_at(18), booking_day_at(8, 30, days=2)))
    assert refused.value.message_dict == conflict_refusal()


@pytest.mark.django_db
def test_back_to_back_bookings_are_fine(applicant_client, user, submit, other_applicant, room):
    submit("31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room))
    after = post_booking(applicant_client, user, booking(booking_day_at(12), booking_day_at(15), room=room))
    assert after.status_code == 302
    before = submit("31", details=booking(booking_day_at(7), booking_day_at(9), room=room))
    assert before.status == S.SUBMITTED
    assert [(start, end) for start, end, _holds in bookings_of(room)] == [
        (booking_day_at(7), booking_day_at(9)),
        (booking_day_at(9), booking_day_at(12)),
        (booking_day_at(12), booking_day_at(15)),
    ]


@pytest.mark.django_db
def test_another_room_at_the_same_time_is_fine(submit, other_applicant, room):
    submit("31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room))
    other_room = RoomFactory(name="ห้องประชุมเล็ก ชั้น 2", capacity=12)
    submit("31", details=booking(booking_day_at(9), booking_day_at(12), room=other_room, attendees=12))
    assert bookings_of(other_room) == [(booking_day_at(9), booking_day_at(12), True)]


@pytest.mark.django_db
def test_a_cancelled_booking_frees_its_slot(submit, user, other_applicant, room):
    first = submit(
        "31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room)
    )
    actions.move_request(
        actor=other_applicant, service_request=first, to_status=S.CANCELLED, role=Role.APPLICANT
    )
    assert bookings_of(room) == [(booking_day_at(9), booking_day_at(12), False)]
    second = submit("31", details=booking(booking_day_at(9), booking_day_at(12), room=room))
    assert second.status == S.SUBMITTED
    assert RoomBookingDetails.objects.get(request=second).holds_slot is True


@pytest.mark.django_db
def test_a_booking_cancelled_by_the_officer_frees_its_slot_too(submit, officer_for, other_applicant, room):
    first = submit(
        "31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room)
    )
    actions.move_request(
        actor=officer_for("31"),
        service_request=first,
        to_status=S.CANCELLED,
        role=Role.OFFICER,
        message="ห้องปิดซ่อม",
    )
    submit("31", details=booking(booking_day_at(10), booking_day_at(11), room=room))
    assert RoomBookingDetails.objects.filter(room=room, holds_slot=True).count() == 1


@pytest.mark.django_db
def test_a_booking_keeps_its_slot_while_officers_work_it(submit, officer_for, other_applicant, room):
    first = submit(
        "31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room)
    )
    officer = officer_for("31")
    actions.move_request(actor=officer, service_request=first, to_status=S.IN_PROGRESS, role=Role.OFFICER)
    actions.move_request(actor=officer, service_request=first, to_status=S.COMPLETED, role=Role.OFFICER)
    with pytest.raises(ValidationError) as refused:
        submit("31", details=booking(booking_day_at(9), booking_day_at(12), room=room))
    assert refused.value.message_dict == conflict_refusal()


# The other rules


@pytest.mark.django_db
def test_more_attendees_than_the_room_holds_are_refused(applicant_client, user, room):
    response = post_booking(
        applicant_client, user, booking(booking_day_at(9), booking_day_at(12), room=room, attendees=31)
    )
    message = in_thai("The room holds at most %(capacity)d people.") % {"capacity": 30}
    assert details_errors(response) == {"attendees": [message]}
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
def test_a_full_room_is_fine(submit, room):
    service_request = submit(
        "31", details=booking(booking_day_at(9), booking_day_at(12), room=room, attendees=30)
    )
    assert RoomBookingDetails.objects.get(request=service_request).attendees == 30


@pytest.mark.django_db
def test_a_start_in_the_past_is_refused(applicant_client, user, room):
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    response = post_booking(
        applicant_client, user, booking(an_hour_ago, an_hour_ago + datetime.timedelta(hours=3), room=room)
    )
    assert details_errors(response) == {"start_date": [in_thai("The booking cannot start in the past.")]}
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
def test_a_year_typed_in_the_buddhist_era_is_refused_with_a_hint(applicant_client, user, room):
    starts, ends = (
        moment.replace(year=moment.year + 543) for moment in (booking_day_at(9), booking_day_at(12))
    )
    response = post_booking(applicant_client, user, booking(starts, ends, room=room))
    hint = buddhist_era_hint(starts.year)
    assert details_errors(response) == {"start_date": [hint], "end_date": [hint]}
    assert str(starts.year - 543) in hint
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
def test_a_booking_more_than_a_year_ahead_is_refused(applicant_client, user, room):
    starts, ends = (working_day_at(hour, after=400) for hour in (9, 12))  # over a year and a half
    response = post_booking(applicant_client, user, booking(starts, ends, room=room))
    too_far = in_thai("Bookings can be made at most a year ahead. Please choose an earlier date.")
    assert details_errors(response) == {"start_date": [too_far], "end_date": [too_far]}
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
def test_a_booking_for_nobody_is_refused_even_past_the_browsers_check(applicant_client, user, room):
    response = post_booking(
        applicant_client, user, booking(booking_day_at(9), booking_day_at(12), room=room, attendees=0)
    )
    assert details_errors(response) == {"attendees": [in_thai("At least one person must attend.")]}
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("ends", [(9, 0), (8, 0)], ids=["ends-as-it-starts", "ends-before-it-starts"])
def test_an_end_not_after_the_start_is_refused(applicant_client, user, room, ends):
    response = post_booking(
        applicant_client, user, booking(booking_day_at(9), booking_day_at(*ends), room=room)
    )
    assert details_errors(response) == {"end_date": [in_thai("The booking must end after it starts.")]}
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
def test_the_action_refuses_the_same_rules_without_the_form(submit, room):
    with pytest.raises(ValidationError) as refused:
        submit("31", details=booking(booking_day_at(9), booking_day_at(8), room=room, attendees=31))
    assert refused.value.message_dict == {
        "end_date": [in_thai("The booking must end after it starts.")],
        "attendees": [in_thai("The room holds at most %(capacity)d people.") % {"capacity": 30}],
    }
    assert not ServiceRequest.objects.exists()


@pytest.mark.django_db
def test_an_inactive_room_is_not_offered(applicant_client, user, room):
    closed = RoomFactory(name="ห้องประชุมใหญ่ (ปิดปรับปรุง)", capacity=100, is_active=False)
    response = post_booking(
        applicant_client, user, booking(booking_day_at(9), booking_day_at(12), room=closed)
    )
    assert list(details_errors(response)) == ["room"]
    assert not ServiceRequest.objects.exists()


# Edits after the officer returns the request


@pytest.fixture
def returned_booking(submit, officer_for, other_applicant, user, room):
    """The applicant's booking 13:00-15:00, returned for correction; another's holds 09:00-12:00."""
    submit("31", applicant=other_applicant, details=booking(booking_day_at(9), booking_day_at(12), room=room))
    mine = submit("31", details=booking(booking_day_at(13), booking_day_at(15), room=room))
    return actions.move_request(
        actor=officer_for("31"),
        service_request=mine,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message=RETURN_MESSAGE,
    )


def edit_booking(service_request, user, details):
    return actions.edit_request(
        actor=user, service_request=service_request, contact=contact_of(user), details=details, attachments={}
    )


@pytest.mark.django_db
def test_an_edit_that_would_overlap_is_refused_and_changes_nothing(returned_booking, user, room):
    with pytest.raises(ValidationError) as refused:
        edit_booking(returned_booking, user, booking(booking_day_at(11), booking_day_at(14), room=room))
    assert refused.value.message_dict == conflict_refusal()
    returned_booking.refresh_from_db()
    assert returned_booking.status == S.RETURNED
    mine = RoomBookingDetails.objects.get(request=returned_booking)
    assert (mine.starts_at, mine.ends_at, mine.holds_slot) == (booking_day_at(13), booking_day_at(15), True)


@pytest.mark.django_db
def test_an_overlapping_edit_on_the_edit_page_shows_the_message(
    client, page_tree, returned_booking, user, room
):
    client.force_login(user)
    data = form_data("31", user, details=booking(booking_day_at(11), booking_day_at(14), room=room))
    response = client.post(reverse("service_requests:edit", args=[returned_booking.reference]), data)
    assert details_errors(response) == conflict_refusal()
    assert RoomBookingDetails.objects.get(request=returned_booking).starts_at == booking_day_at(13)


@pytest.mark.django_db
def test_an_edit_may_overlap_its_own_old_slot(returned_booking, user, room):
    edited = edit_booking(returned_booking, user, booking(booking_day_at(12), booking_day_at(16), room=room))
    assert edited.status == S.RESUBMITTED
    mine = RoomBookingDetails.objects.get(request=returned_booking)
    assert (mine.starts_at, mine.ends_at) == (booking_day_at(12), booking_day_at(16))


def success_messages(response):
    return [str(message) for message in response.context["messages"]]


def thai_day(moment) -> str:
    """The day as the portal writes it in Thai: "15 ธ.ค. 2569" (Buddhist Era)."""
    months = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    local = timezone.localtime(moment)
    return f"{local.day} {months[local.month - 1]} {local.year + 543}"


@pytest.mark.django_db
def test_moving_a_submitted_booking_says_the_booking_moved_with_the_new_time(
    applicant_client, submit, user, room
):
    mine = submit("31", details=booking(booking_day_at(13), booking_day_at(15), room=room))
    data = form_data(
        "31",
        user,
        submission_key=mine.submission_key,
        details=booking(booking_day_at(9), booking_day_at(11), room=room),
    )
    response = applicant_client.post(
        reverse("service_requests:edit", args=[mine.reference]), data, follow=True
    )
    assert success_messages(response) == [
        f"เลื่อนวันที่จองแล้ว เป็นวันที่ {thai_day(booking_day_at(9))}, 09:00–11:00 น. โปรดรอเจ้าหน้าที่ยืนยัน"
    ]
    mine.refresh_from_db()
    assert mine.status == S.SUBMITTED


@pytest.mark.django_db
def test_an_edit_that_keeps_the_time_and_a_correction_keep_the_sent_message(
    applicant_client, submit, user, room, returned_booking
):
    untouched = submit(
        "31", details=booking(booking_day_at(9, days=3), booking_day_at(11, days=3), room=room, attendees=5)
    )
    kept_time = form_data(
        "31",
        user,
        submission_key=untouched.submission_key,
        details=booking(booking_day_at(9, days=3), booking_day_at(11, days=3), room=room, attendees=8),
    )
    moved_correction = form_data(
        "31",
        user,
        submission_key=returned_booking.submission_key,
        details=booking(booking_day_at(13, days=2), booking_day_at(15, days=2), room=room),
    )
    for service_request, data in ((untouched, kept_time), (returned_booking, moved_correction)):
        response = applicant_client.post(
            reverse("service_requests:edit", args=[service_request.reference]), data, follow=True
        )
        assert success_messages(response) == ["ส่งข้อมูลแก้ไขไปยังเจ้าหน้าที่เรียบร้อยแล้ว"]


# No double booking under concurrency


def is_conflict_refusal(error) -> bool:
    return isinstance(error, ValidationError) and error.message_dict == conflict_refusal()


# PostgreSQL's default max_connections is 100; the test's own connection and a few spare remain.
THREADS = 20


# Committed for real, so the threads see each other; serialized_rollback brings back what the
# migrations made (content types, locales) if an earlier transactional test flushed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_threads_booking_the_same_slot_make_one_booking(private_files):
    room = RoomFactory(capacity=30)
    applicants = [UserFactory() for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    booked, refused, failed = [], [], []

    def book(applicant):
        try:
            barrier.wait(timeout=60)
            booked.append(
                actions.submit_request(
                    applicant=applicant,
                    service_code="31",
                    contact=contact_of(applicant),
                    details=booking(booking_day_at(9), booking_day_at(12), room=room),
                    attachments=attachments_for("31"),
                    submission_key=uuid.uuid4(),
                )
            )
        except Exception as error:  # sorted and reported by the assertions below
            (refused if is_conflict_refusal(error) else failed).append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(applicant,)) for applicant in applicants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    assert (len(booked), len(refused)) == (1, THREADS - 1)
    assert list(ServiceRequest.objects.values_list("pk", flat=True)) == [booked[0].pk]
    assert bookings_of(room) == [(booking_day_at(9), booking_day_at(12), True)]
    # The refused ones left no files behind: only the winner's two attachments are stored.
    assert private_files() == sorted(attachment.file.name for attachment in booked[0].attachments.all())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_processes_booking_the_same_slot_make_one_booking():
    """Separate processes, each with its own connection, as the web server's workers are.

    On PostgreSQL, 50 of them, and the exclusion constraint is the judge of what races past the
    check. On SQLite (the test database is a file) the same code with 10 processes, queueing for
    the IMMEDIATE write lock: each spawned process sets Django up from scratch (about two seconds
    of CPU), so more would only make the suite slower without proving more.
    """
    processes = 50 if connection.vendor == "postgresql" else 10
    room = RoomFactory(capacity=30)
    applicants = [UserFactory() for _ in range(processes)]
    database_name = str(connection.settings_dict["NAME"])
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    children = [
        context.Process(
            target=book_the_room,
            args=(
                database_name,
                applicant.pk,
                room.pk,
                booking_day_at(9),
                booking_day_at(12),
                barrier,
                results,
                index,
            ),
        )
        for index, applicant in enumerate(applicants)
    ]
    for child in children:
        child.start()
    try:
        answers = dict(results.get(timeout=300) for _ in children)
    finally:
        for child in children:
            child.join(timeout=30)
            if child.is_alive():
                child.kill()
    assert [answer for answer in answers.values() if answer not in ("ok", "refused")] == []
    assert sorted(answers.values()) == ["ok"] + ["refused"] * (processes - 1)
    assert ServiceRequest.objects.count() == 1
    assert bookings_of(room) == [(booking_day_at(9), booking_day_at(12), True)]


# The database's own guarantee


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_itself_keeps_a_slot_to_one_booking():
    """Past the service's check: PostgreSQL's exclusion constraint refuses an overlapping row but
    not a cancelled one; SQLite, which has no such constraint, lets one writer in at a time, so
    the check and the insert of one booking cannot interleave with another's."""
    room = RoomFactory()
    first, second = ServiceRequestFactory(service_code="31"), ServiceRequestFactory(service_code="31")
    RoomBookingDetails.objects.filter(request=first).update(
        starts_at=booking_day_at(9), ends_at=booking_day_at(12)
    )
    RoomBookingDetails.objects.filter(request=second).delete()
    overlapping = {
        "request": second,
        "room": room,
        "organisation": "กลุ่มอำนวยการ",
        "attendees": 10,
        "purpose": "ประชุมประจำเดือน",
        "starts_at": booking_day_at(11),
        "ends_at": booking_day_at(13),
    }
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError, match="room_booking_no_overlap"), transaction.atomic():
            RoomBookingDetails.objects.create(**overlapping)
        RoomBookingDetails.objects.create(**overlapping, holds_slot=False)
        assert bookings_of(room) == [
            (booking_day_at(9), booking_day_at(12), True),
            (booking_day_at(11), booking_day_at(13), False),
        ]
    else:
        assert connection.vendor == "sqlite"
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        other_worker = sqlite3.connect(connection.settings_dict["NAME"], timeout=0.2, isolation_level=None)
        try:
            other_worker.execute("BEGIN IMMEDIATE")  # free while nobody writes
            other_worker.execute("ROLLBACK")
            with transaction.atomic():
                RoomBookingDetails.objects.filter(room=room).exists()  # the check, before the insert
                with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                    other_worker.execute("BEGIN IMMEDIATE")
                RoomBookingDetails.objects.create(**overlapping, holds_slot=False)
        finally:
            other_worker.close()
        assert len(bookings_of(room)) == 2
