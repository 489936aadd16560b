"""The officers' day (and week) of rooms and executives in the admin: each resource's column with
the requests on it at their times, linking to each request; the day's navigation; only the
service's own officers; as many queries for many bookings as for one."""

import datetime
import re
import uuid

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

import pytest

from base.dates import format_date
from service_requests import actions
from service_requests.catalogue.appointment import Executive
from service_requests.catalogue.meeting_room import Room
from service_requests.resource_calendar import week_of
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import StaffFactory
from tests.factories.service_requests import contact_of, first_booking_day, pdf_upload

pytestmark = pytest.mark.django_db

ROOM_DAY = reverse("room_bookings:day")
ROOM_WEEK = reverse("room_bookings:index")
EXECUTIVE_DAY = reverse("executive_appointments:index")
EXECUTIVE_WEEK = reverse("executive_appointments:week")
ORGANISATION = "โรงเรียนบ้านหนองบัวลับแล"
VISITOR = "คณะครูโรงเรียนวัดสระแก้ว"


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def day():
    return first_booking_day()


@pytest.fixture
def rooms(db):
    return {
        "big": Room.objects.create(name="ห้องประชุมเพชรอำนาจ", capacity=80),
        "small": Room.objects.create(name="ห้องประชุมเล็ก", capacity=20),
    }


@pytest.fixture
def executives(db):
    return {
        "director": Executive.objects.create(name="นายสมศักดิ์ ทองประเสริฐ", position="ผู้อำนวยการ", sort_order=1),
        "deputy": Executive.objects.create(name="นางสาวมาลี ศรีสุข", position="รองผู้อำนวยการ", sort_order=2),
    }


@pytest.fixture
def book(user):
    def file_booking(room, starts_at, ends_at, organisation=ORGANISATION):
        return actions.submit_request(
            applicant=user,
            service_code="31",
            contact=contact_of(user),
            details={
                "organisation": organisation,
                "attendees": 15,
                "room": room,
                "purpose": "ประชุมคณะกรรมการสถานศึกษา",
                "starts_at": starts_at,
                "ends_at": ends_at,
            },
            attachments={"request_letter": pdf_upload("หนังสือขอใช้ห้อง.pdf")},
            submission_key=uuid.uuid4(),
        )

    return file_booking


@pytest.fixture
def appoint(user):
    def file_appointment(executive, starts_at, visitor=VISITOR):
        return actions.submit_request(
            applicant=user,
            service_code="32",
            contact=contact_of(user),
            details={
                "visitor": visitor,
                "subject": "หารือโครงการ",
                "executive": executive,
                "starts_at": starts_at,
            },
            attachments={},
            submission_key=uuid.uuid4(),
        )

    return file_appointment


def move(service_request, actor, status, role=Role.OFFICER):
    return actions.move_request(actor=actor, service_request=service_request, to_status=status, role=role)


def columns(html: str) -> dict[str, str]:
    """Each resource's column of the day: {its heading's text: the column's HTML}."""
    found = {}
    for column in re.findall(r'<section class="resource-day__column".*?</section>', html, re.S):
        heading = re.search(r"<h3[^>]*>(.*?)(?:<br>|</h3>)", column, re.S).group(1).strip()
        found[heading] = column
    assert found, "the page shows no resource column"
    return found


def shown(service_request):
    """The request's reference as its link shows it (one reference may begin another)."""
    return f">{service_request.reference}<"


def non_officer():
    """A member of staff who may use the admin but works no service's requests."""
    group = Group.objects.create(name="ผู้ดูแลเนื้อหา")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    staff = StaffFactory()
    staff.groups.add(group)
    return staff


# Rooms.


def test_officers_of_rooms_see_the_day_s_bookings_in_each_room_s_column(
    client, rooms, book, officer_for, user, day
):
    morning = book(rooms["big"], at(day, 9), at(day, 12))
    afternoon = book(rooms["small"], at(day, 13, 30), at(day, 16), organisation="สพป.ตัวอย่าง เขต 1")
    next_day = book(
        rooms["big"], at(day + datetime.timedelta(days=1), 9), at(day + datetime.timedelta(days=1), 10)
    )
    cancelled = book(rooms["small"], at(day, 9), at(day, 10))
    move(cancelled, user, RequestStatus.CANCELLED, Role.APPLICANT)
    client.force_login(officer_for("31"))

    response = client.get(ROOM_DAY, {"day": day.isoformat()})

    assert response.status_code == 200
    html = response.content.decode()
    by_room = columns(html)
    assert list(by_room) == ["ห้องประชุมเพชรอำนาจ", "ห้องประชุมเล็ก"]
    big, small = by_room["ห้องประชุมเพชรอำนาจ"], by_room["ห้องประชุมเล็ก"]
    assert "09:00–12:00" in big and shown(morning) in big and ORGANISATION in big
    assert reverse("service_request_admin:process", args=[morning.pk]) in big
    assert "13:30–16:00" in small and shown(afternoon) in small and "สพป.ตัวอย่าง เขต 1" in small
    assert reverse("service_request_admin:process", args=[afternoon.pk]) in small
    assert shown(morning) not in small
    assert shown(next_day) not in html
    assert shown(cancelled) not in html
    assert "ประชุมคณะกรรมการสถานศึกษา" not in html  # no more than the week shows: not the purpose
    assert "จอง 2 รายการ" in html
    # The heading names the day in the Buddhist Era.
    heading = re.search(r'<h2 id="resource-day-heading"[^>]*>(.*?)</h2>', html, re.S).group(1)
    assert format_date(day, "th") in heading
    assert str(day.year + 543) in heading


def test_the_day_s_navigation_date_picker_and_the_way_to_and_from_the_week(
    client, rooms, book, officer_for, day
):
    booking = book(rooms["big"], at(day, 9), at(day, 12))
    client.force_login(officer_for("31"))
    before, after = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)

    html = client.get(ROOM_DAY, {"day": day.isoformat()}).content.decode()
    previous_day = client.get(ROOM_DAY, {"day": before.isoformat()}).content.decode()

    assert f'href="?day={before.isoformat()}"' in html
    assert f'href="?day={after.isoformat()}"' in html
    assert f'href="?day={timezone.localdate().isoformat()}"' in html  # back to today
    assert f'<input type="date" id="resource-day-date" name="day" value="{day.isoformat()}"' in html
    assert '<label for="resource-day-date">' in html
    assert f'href="{ROOM_WEEK}?week={day.isoformat()}"' in html
    assert shown(booking) not in previous_day
    # The week's day headings open each day.
    week = client.get(ROOM_WEEK, {"week": day.isoformat()}).content.decode()
    assert f'href="{ROOM_DAY}?day={day.isoformat()}"' in week
    assert f'href="{ROOM_DAY}?day={week_of(day).isoformat()}"' in week
    assert shown(booking) in week


def test_the_day_opens_on_today_without_a_link_back_to_it(client, rooms, officer_for):
    client.force_login(officer_for("31"))

    html = client.get(ROOM_DAY).content.decode()

    assert f'value="{timezone.localdate().isoformat()}"' in html
    assert f'href="?day={timezone.localdate().isoformat()}"' not in html
    assert 'aria-current="date"' in html


def test_a_date_that_is_not_one_or_at_the_calendar_s_end_shows_today(client, rooms, officer_for):
    client.force_login(officer_for("31"))
    today = timezone.localdate().isoformat()

    for asked in ("31-02-2569", "9999-12-31", "0001-01-01"):
        response = client.get(ROOM_DAY, {"day": asked})
        assert response.status_code == 200
        assert f'value="{today}"' in response.content.decode()
    assert client.get(ROOM_WEEK, {"week": "9999-12-31"}).status_code == 200


def test_officers_of_other_services_and_other_staff_cannot_open_the_day_of_rooms(
    client, rooms, book, officer_for, day
):
    booking = book(rooms["big"], at(day, 9), at(day, 12))

    for outsider in (officer_for("32"), non_officer()):
        client.force_login(outsider)
        response = client.get(ROOM_DAY, {"day": day.isoformat()}, follow=True)
        assert response.redirect_chain  # Wagtail sends a refused user back to the dashboard
        assert shown(booking) not in response.content.decode()


# Executives.


def test_officers_of_appointments_see_each_executive_s_day(
    client, executives, appoint, officer_for, user, day
):
    officer = officer_for("32")
    accepted = appoint(executives["director"], at(day, 10))
    move(accepted, officer, RequestStatus.IN_PROGRESS)
    waiting = appoint(executives["deputy"], at(day, 14), visitor="ชมรมผู้บริหารโรงเรียน")
    cancelled = appoint(executives["director"], at(day, 11))
    move(cancelled, user, RequestStatus.CANCELLED, Role.APPLICANT)
    other_day = appoint(executives["director"], at(day + datetime.timedelta(days=1), 10))
    client.force_login(officer)

    response = client.get(EXECUTIVE_DAY, {"day": day.isoformat()})

    assert response.status_code == 200
    html = response.content.decode()
    by_executive = columns(html)
    assert list(by_executive) == ["นายสมศักดิ์ ทองประเสริฐ", "นางสาวมาลี ศรีสุข"]
    director, deputy = by_executive["นายสมศักดิ์ ทองประเสริฐ"], by_executive["นางสาวมาลี ศรีสุข"]
    assert "ผู้อำนวยการ" in director
    assert "10:00–10:30" in director and shown(accepted) in director and VISITOR in director
    assert reverse("service_request_admin:process", args=[accepted.pk]) in director
    assert "เจ้าหน้าที่กำลังดำเนินการ" in director  # its status
    assert "14:00–14:30" in deputy and shown(waiting) in deputy  # waiting for an officer: shown too
    assert "ส่งคำร้องไปยังเจ้าหน้าที่" in deputy
    assert shown(cancelled) not in html
    assert shown(other_day) not in html
    assert "หารือโครงการ" not in html  # the visitor's subject stays on the request's page
    assert "นัดหมาย 2 รายการ" in html
    # The menu opens the day; the week shows the same appointments, each day opening its day.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert EXECUTIVE_DAY in dashboard
    week = client.get(EXECUTIVE_WEEK, {"week": day.isoformat()}).content.decode()
    assert shown(accepted) in week and shown(waiting) in week and shown(other_day) in week
    assert f'href="{EXECUTIVE_DAY}?day={day.isoformat()}"' in week
    assert f'href="?week={(week_of(day) + datetime.timedelta(days=7)).isoformat()}"' in week


def test_officers_of_other_services_and_other_staff_neither_see_nor_open_the_executives_day(
    client, executives, appoint, officer_for, day
):
    appointment = appoint(executives["director"], at(day, 10))

    for outsider in (officer_for("31"), non_officer()):
        client.force_login(outsider)
        for url in (EXECUTIVE_DAY, EXECUTIVE_WEEK):
            response = client.get(url, {"day": day.isoformat(), "week": day.isoformat()}, follow=True)
            assert response.redirect_chain
            assert shown(appointment) not in response.content.decode()
        assert EXECUTIVE_DAY not in client.get(reverse("wagtailadmin_home")).content.decode()


# Queries.


def queries_of(client, django_assert_max_num_queries, url, day):
    """The queries the page runs (at most 50), once what a process reads once is read."""
    client.get(url, {"day": day.isoformat()})
    with django_assert_max_num_queries(50) as captured:
        response = client.get(url, {"day": day.isoformat()})
    assert response.status_code == 200
    return len(captured), response


def test_the_day_costs_the_same_queries_for_one_booking_as_for_many(
    client, rooms, book, executives, appoint, officer_for, day, django_assert_max_num_queries
):
    room_officer, appointments_officer = officer_for("31"), officer_for("32")
    book(rooms["big"], at(day, 8), at(day, 9))
    appoint(executives["director"], at(day, 9))
    client.force_login(room_officer)
    rooms_for_one, _ = queries_of(client, django_assert_max_num_queries, ROOM_DAY, day)
    client.force_login(appointments_officer)
    executives_for_one, _ = queries_of(client, django_assert_max_num_queries, EXECUTIVE_DAY, day)

    for hour in range(9, 16):
        book(rooms["big" if hour % 2 else "small"], at(day, hour), at(day, hour, 45))
        appoint(executives["deputy" if hour % 2 else "director"], at(day, hour, 30))
    client.force_login(room_officer)
    rooms_for_eight, response = queries_of(client, django_assert_max_num_queries, ROOM_DAY, day)
    assert response.context["booking_count"] == 8
    client.force_login(appointments_officer)
    executives_for_eight, response = queries_of(client, django_assert_max_num_queries, EXECUTIVE_DAY, day)
    assert response.context["booking_count"] == 8

    assert rooms_for_eight == rooms_for_one
    assert executives_for_eight == executives_for_one
