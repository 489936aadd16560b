"""One working-day rule for the services that book time (issue 9, item 13): the availability
calendars of rooms and executives show weekends, Thai public holidays and closure days as such
(never "ว่าง"), and a room booking that touches such a day is refused unless an administrator has
opened the room to them."""

import datetime
import re
import uuid

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from base.models import ClosureDay
from base.working_days import WorkingCalendar
from service_requests import actions
from service_requests.catalogue.appointment import Executive
from service_requests.catalogue.meeting_room import Room, RoomBookingDetails
from tests.factories.service_requests import contact_of, details_for, files_post, first_booking_day, form_data

pytestmark = pytest.mark.django_db

ROOM_PAGE = "/services/meeting-room/"


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def next_day(matches) -> datetime.date:
    day = timezone.localdate() + datetime.timedelta(days=1)
    while not matches(day):
        day += datetime.timedelta(days=1)
    return day


def next_saturday():
    """A plain Saturday (no holiday) after a working Friday."""
    calendar = WorkingCalendar()
    return next_day(
        lambda day: day.weekday() == 5
        and not calendar.is_public_holiday(day)
        and calendar.is_working_day(day - datetime.timedelta(days=1))
        and day - datetime.timedelta(days=1) > timezone.localdate()
    )


def next_fathers_day():
    """5 December, วันพ่อแห่งชาติ: a public holiday whatever day of the week it falls on."""
    return next_day(lambda day: (day.month, day.day) == (12, 5))


@pytest.fixture
def room(db):
    return Room.objects.create(name="ห้องประชุมพญาแล", capacity=30)


@pytest.fixture
def hall(db):
    """A room an administrator has opened to weekends and holidays."""
    return Room.objects.create(name="หอประชุมใหญ่", capacity=200, bookable_on_non_working_days=True)


@pytest.fixture
def closure_day(db):
    """A working day the office closes (a special holiday announced at short notice)."""
    day = first_booking_day()
    ClosureDay.objects.create(date=day, reason="วันหยุดพิเศษตามมติคณะรัฐมนตรี")
    return day


def book(user, room, starts_at, ends_at):
    return actions.submit_request(
        applicant=user,
        service_code="31",
        contact=contact_of(user),
        details=details_for("31", room=room, starts_at=starts_at, ends_at=ends_at, attendees=10),
        attachments={"request_letter": files_post("31")["files-request_letter"]},
        submission_key=uuid.uuid4(),
    )


def calendar_row(html: str, day: datetime.date) -> str:
    """The calendar's row of one day (its cells as text, tags removed)."""
    match = re.search(rf'<tr[^>]*>\s*<th scope="row"><time datetime="{day.isoformat()}">.*?</tr>', html, re.S)
    assert match, f"the calendar shows no row for {day}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


def room_calendar(client, room, day):
    response = client.get(
        reverse("service_requests:availability", args=["31"]), {"room": room.pk, "from": day.isoformat()}
    )
    assert response.status_code == 200
    return response.content.decode()


# The rule, in the office's words.


def test_the_office_calendar_names_why_a_day_is_not_worked(closure_day):
    calendar = WorkingCalendar()

    assert calendar.closed_because(next_saturday()) == "วันหยุดสุดสัปดาห์"
    assert calendar.closed_because(closure_day) == "สำนักงานปิดทำการ: วันหยุดพิเศษตามมติคณะรัฐมนตรี"
    fathers_day = calendar.closed_because(next_fathers_day())
    assert fathers_day.startswith("วันหยุด: ") and "วันพ่อแห่งชาติ" in fathers_day
    assert calendar.closed_because(first_booking_day() + datetime.timedelta(days=1)) is None


# The availability calendars.


def test_the_room_calendar_shows_weekends_holidays_and_closure_days_as_not_free(client, room, closure_day):
    saturday, fathers_day = next_saturday(), next_fathers_day()

    weekend = calendar_row(room_calendar(client, room, saturday), saturday)
    holiday = calendar_row(room_calendar(client, room, fathers_day), fathers_day)
    closed = calendar_row(room_calendar(client, room, closure_day), closure_day)
    working = calendar_row(room_calendar(client, room, closure_day), closure_day + datetime.timedelta(days=1))

    assert "วันหยุดสุดสัปดาห์" in weekend and "ว่าง" not in weekend
    assert "วันหยุด:" in holiday and "วันพ่อแห่งชาติ" in holiday and "ว่าง" not in holiday
    assert "วันหยุดพิเศษตามมติคณะรัฐมนตรี" in closed and "ว่าง" not in closed
    assert "ว่าง" in working


def test_a_room_open_on_non_working_days_shows_them_free(client, hall):
    saturday = next_saturday()

    row = calendar_row(room_calendar(client, hall, saturday), saturday)

    assert "วันหยุดสุดสัปดาห์" in row and "ว่าง" in row


def test_the_executives_calendar_follows_the_same_rule(client, user):
    director = Executive.objects.create(name="นายสมศักดิ์ ทองประเสริฐ", position="ผู้อำนวยการ")
    fathers_day = next_fathers_day()
    client.force_login(user)

    response = client.get(
        reverse("service_requests:availability", args=["32"]),
        {"executive": director.pk, "from": fathers_day.isoformat()},
    )

    row = calendar_row(response.content.decode(), fathers_day)
    assert "วันพ่อแห่งชาติ" in row and "ว่าง" not in row


# Bookings.


def test_a_booking_on_a_weekend_is_refused_in_thai(client, page_tree, user, room):
    saturday = next_saturday()
    client.force_login(user)

    response = client.post(
        ROOM_PAGE,
        form_data(
            "31",
            user,
            details=details_for("31", room=room, starts_at=at(saturday, 9), ends_at=at(saturday, 12)),
        )
        | files_post("31"),
    )

    assert response.status_code == 200
    errors = response.context["request_forms"].details.errors
    assert "start_date" in errors
    assert "จองได้เฉพาะวันทำการ" in errors["start_date"][0] and "วันหยุดสุดสัปดาห์" in errors["start_date"][0]
    assert not RoomBookingDetails.objects.exists()


def test_a_booking_on_a_holiday_or_closure_day_is_refused(user, room, closure_day):
    fathers_day = next_fathers_day()

    for day in (fathers_day, closure_day):
        with pytest.raises(ValidationError) as refused:
            book(user, room, at(day, 9), at(day, 12))
        assert "start_date" in refused.value.message_dict
    assert not RoomBookingDetails.objects.exists()


def test_a_booking_running_into_a_non_working_day_is_refused_on_its_end_date(user, room):
    saturday = next_saturday()
    friday = saturday - datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        book(user, room, at(friday, 13), at(saturday, 12))

    assert list(refused.value.message_dict) == ["end_date"]


def test_a_booking_ending_at_midnight_does_not_touch_the_next_day(user, room):
    day = first_booking_day()  # three working days in a row

    booking = book(user, room, at(day, 18), at(day + datetime.timedelta(days=1), 0))

    assert RoomBookingDetails.objects.get(request=booking).room == room


def test_a_room_open_on_non_working_days_takes_weekend_and_holiday_bookings(user, hall, closure_day):
    saturday, fathers_day = next_saturday(), next_fathers_day()

    for day in (saturday, fathers_day, closure_day):
        book(user, hall, at(day, 9), at(day, 12))

    assert RoomBookingDetails.objects.filter(room=hall).count() == 3


def test_administrators_open_a_room_to_non_working_days(client, superuser, room):
    client.force_login(superuser)

    form = client.get(f"/admin/room/edit/{room.pk}/").content.decode()
    response = client.post(
        f"/admin/room/edit/{room.pk}/",
        {
            "name": room.name,
            "capacity": "30",
            "equipment": "",
            "is_active": "on",
            "bookable_on_non_working_days": "on",
        },
    )

    assert 'name="bookable_on_non_working_days"' in form
    assert response.status_code == 302
    room.refresh_from_db()
    assert room.bookable_on_non_working_days


def test_the_officers_week_of_bookings_names_the_days_the_office_does_not_work(client, officer_for, room):
    client.force_login(officer_for("31"))
    fathers_day = next_fathers_day()

    response = client.get(reverse("room_bookings:index"), {"week": fathers_day.isoformat()})

    headings = dict(response.context["day_headings"])
    assert "วันพ่อแห่งชาติ" in headings[fathers_day]
    assert "วันพ่อแห่งชาติ" in response.content.decode()
