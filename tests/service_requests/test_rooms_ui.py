"""Meeting rooms and appointments as people see them: the availability calendar (times only, never
who), the officers' week of bookings in the admin, the .ics file of a confirmed booking, and the
administrators' pages of rooms and executives."""

import datetime
import re
import uuid

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from base.working_days import add_working_days
from service_requests import actions, ics
from service_requests.availability import DAYS_SHOWN, TimeRange, availability_of
from service_requests.catalogue import get_service
from service_requests.catalogue.appointment import Executive
from service_requests.catalogue.meeting_room import Room
from service_requests.models import ServiceRequest
from service_requests.resource_calendar import week_of
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import contact_of, first_booking_day, pdf_upload

pytestmark = pytest.mark.django_db

ORGANISATION = "โรงเรียนบ้านหนองบัวลับแล"
PURPOSE = "ประชุมคณะกรรมการสถานศึกษา; ภาคเรียนที่ 2, ปีการศึกษา 2568"


def tomorrow():
    """The next day a room can be booked, starting three working days in a row."""
    return first_booking_day()


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def rooms(db):
    return {
        "big": Room.objects.create(name="ห้องประชุมเพชรอำนาจ", capacity=80, equipment="โปรเจกเตอร์"),
        "small": Room.objects.create(name="ห้องประชุมเล็ก", capacity=20),
        "closed": Room.objects.create(name="ห้องประชุมปิดปรับปรุง", capacity=30, is_active=False),
    }


@pytest.fixture
def book(user):
    """File a room booking through the real action (the applicant is `user` unless given)."""

    def file_booking(room, starts_at, ends_at, *, applicant=None, organisation=ORGANISATION):
        applicant = applicant or user
        return actions.submit_request(
            applicant=applicant,
            service_code="31",
            contact=contact_of(applicant),
            details={
                "organisation": organisation,
                "attendees": 15,
                "room": room,
                "purpose": PURPOSE,
                "starts_at": starts_at,
                "ends_at": ends_at,
            },
            attachments={"request_letter": pdf_upload("หนังสือขอใช้ห้อง.pdf")},
            submission_key=uuid.uuid4(),
        )

    return file_booking


@pytest.fixture
def room_officer(officer_for):
    return officer_for("31")


def confirm(service_request, officer):
    return actions.move_request(
        actor=officer, service_request=service_request, to_status=RequestStatus.IN_PROGRESS, role=Role.OFFICER
    )


def calendar_section(html: str) -> str:
    match = re.search(r'<section class="availability".*?</section>', html, re.S)
    assert match, "the page shows no availability calendar"
    return match.group(0)


# The availability calendar on the service page and in the form.


def test_visitors_see_booked_times_of_a_room_but_nobody_s_details(
    client, page_tree, rooms, book, other_applicant
):
    day = tomorrow()
    first = book(rooms["big"], at(day, 9), at(day, 12))
    second = book(
        rooms["big"], at(day, 13, 30), at(day, 16), applicant=other_applicant, organisation="กลุ่มโรงเรียนเมือง"
    )

    response = client.get(page_tree.service_pages["meeting-room"].url, {"room": rooms["big"].pk})

    section = calendar_section(response.content.decode())
    assert "09:00–12:00" in section
    assert "13:30–16:00" in section
    for private in (
        ORGANISATION,
        "กลุ่มโรงเรียนเมือง",
        "ประชุมคณะกรรมการ",
        "วิลัยวรรณ",
        "สมชาย",
        first.reference,
        second.reference,
    ):
        assert private not in section
    # Only active rooms can be chosen, each with its capacity.
    assert str(rooms["big"]) in section and str(rooms["small"]) in section
    assert rooms["closed"].name not in section


def test_a_cancelled_booking_frees_its_time_in_the_calendar(client, page_tree, rooms, book, user):
    day = tomorrow()
    booking = book(rooms["big"], at(day, 9), at(day, 12))
    actions.move_request(
        actor=user, service_request=booking, to_status=RequestStatus.CANCELLED, role=Role.APPLICANT
    )

    response = client.get(page_tree.service_pages["meeting-room"].url, {"room": rooms["big"].pk})

    assert "09:00–12:00" not in calendar_section(response.content.decode())


def test_the_calendar_shows_the_chosen_room_and_fortnight(client, page_tree, rooms, book):
    later = add_working_days(tomorrow(), 15)  # beyond the first fortnight
    book(rooms["small"], at(later, 8), at(later, 10))
    book(rooms["big"], at(later, 14), at(later, 15))

    first_fortnight = client.get(page_tree.service_pages["meeting-room"].url, {"room": rooms["small"].pk})
    chosen = client.get(
        page_tree.service_pages["meeting-room"].url, {"room": rooms["small"].pk, "from": later.isoformat()}
    )

    assert "08:00–10:00" not in calendar_section(first_fortnight.content.decode())
    section = calendar_section(chosen.content.decode())
    assert "08:00–10:00" in section
    assert "14:00–15:00" not in section  # the other room's booking
    assert f'datetime="{later.isoformat()}"' in section


def test_a_booking_over_several_days_shows_on_each_day(rooms, book):
    day = tomorrow()
    book(rooms["big"], at(day, 16), at(day + datetime.timedelta(days=2), 10))

    shown = availability_of(get_service("31"), resource_id=rooms["big"].pk, start=day)

    assert [str(time) for time in shown.days[0].taken] == ["16:00–24:00"]
    assert [str(time) for time in shown.days[1].taken] == [str(TimeRange(None, None))]
    assert [str(time) for time in shown.days[2].taken] == ["00:00–10:00"]
    assert shown.days[3].taken == []


def test_the_calendar_never_goes_into_the_past(rooms):
    today = timezone.localdate()

    shown = availability_of(get_service("31"), start=today - datetime.timedelta(days=30))

    assert shown.start == today
    assert shown.previous_start is None
    assert len(shown.days) == DAYS_SHOWN


def test_the_fragment_the_form_script_loads(client, rooms, book):
    day = tomorrow()
    book(rooms["small"], at(day, 10), at(day, 11))

    response = client.get(
        reverse("service_requests:availability", args=["31"]),
        {"room": rooms["small"].pk, "from": day.isoformat()},
    )

    assert response.status_code == 200
    assert "10:00–11:00" in response.content.decode()
    assert ORGANISATION not in response.content.decode()
    assert client.get(reverse("service_requests:availability", args=["11"])).status_code == 404


def test_logged_in_applicants_see_the_calendar_inside_the_booking_form(client, page_tree, rooms, book, user):
    day = tomorrow()
    book(rooms["big"], at(day, 9), at(day, 12))
    client.force_login(user)

    html = client.get(page_tree.service_pages["meeting-room"].url, {"room": rooms["big"].pk}).content.decode()

    form = re.search(r'<form class="request-form".*?</form>', html, re.S).group(0)
    assert "09:00–12:00" in calendar_section(form)
    room_options = re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', form)
    with translation.override("th"):
        assert room_options == [str(rooms["big"]), str(rooms["small"])]  # active rooms, with capacity


def test_a_refused_booking_shows_the_calendar_of_the_room_and_date_asked_for(
    client, page_tree, rooms, book, user
):
    later = add_working_days(tomorrow(), 22)
    book(rooms["small"], at(later, 9), at(later, 12))
    client.force_login(user)

    response = client.post(
        page_tree.service_pages["meeting-room"].url,
        {
            **{f"contact-{name}": value for name, value in contact_of(user).items()},
            "contact-submission_key": str(uuid.uuid4()),
            "details-organisation": ORGANISATION,
            "details-attendees": "10",
            "details-room": str(rooms["small"].pk),
            "details-purpose": PURPOSE,
            "details-start_date": later.isoformat(),
            "details-start_time": "10:00",
            "details-end_date": later.isoformat(),
            "details-end_time": "11:00",
            "files-request_letter": pdf_upload(),
        },
    )

    assert response.status_code == 200
    assert ServiceRequest.objects.count() == 1
    assert "09:00–12:00" in calendar_section(response.content.decode())


def test_executives_calendar_shows_only_accepted_appointments_to_logged_in_applicants(
    client, page_tree, user, officer_for
):
    director = Executive.objects.create(name="นายสมศักดิ์ ทองประเสริฐ", position="ผู้อำนวยการ")
    day = tomorrow()

    def appoint(hour):
        return actions.submit_request(
            applicant=user,
            service_code="32",
            contact=contact_of(user),
            details={
                "visitor": ORGANISATION,
                "subject": "หารือ",
                "executive": director,
                "starts_at": at(day, hour),
            },
            attachments={},
            submission_key=uuid.uuid4(),
        )

    confirm(appoint(10), officer_for("32"))
    appoint(14)  # submitted, not accepted: does not block
    url = reverse("service_requests:availability", args=["32"])

    assert client.get(url).status_code == 404  # not public
    assert "availability" not in client.get(page_tree.service_pages["appointment"].url).content.decode()
    client.force_login(user)
    html = client.get(url, {"executive": director.pk, "from": day.isoformat()}).content.decode()
    assert "10:00–10:30" in html
    assert "14:00" not in html
    assert ORGANISATION not in html


# The officers' week of bookings in the admin.


def test_officers_of_rooms_see_the_week_of_bookings_with_links_to_each_request(
    client, rooms, book, room_officer, user
):
    day = tomorrow()
    kept = book(rooms["big"], at(day, 9), at(day, 12))
    cancelled = book(rooms["small"], at(day, 9), at(day, 12))
    actions.move_request(
        actor=user, service_request=cancelled, to_status=RequestStatus.CANCELLED, role=Role.APPLICANT
    )
    client.force_login(room_officer)

    response = client.get(reverse("room_bookings:index"), {"week": day.isoformat()})

    assert response.status_code == 200
    html = response.content.decode()
    assert kept.reference in html
    assert reverse("service_request_admin:process", args=[kept.pk]) in html
    assert ORGANISATION in html  # officers may see who booked
    assert cancelled.reference not in html
    assert reverse("room_bookings:index") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_week_navigation_moves_by_seven_days(client, rooms, book, room_officer):
    day = add_working_days(tomorrow(), 10)
    booking = book(rooms["big"], at(day, 9), at(day, 12))
    client.force_login(room_officer)
    monday = week_of(day)

    this_week = client.get(reverse("room_bookings:index"), {"week": day.isoformat()}).content.decode()
    week_before = client.get(
        reverse("room_bookings:index"), {"week": (monday - datetime.timedelta(days=7)).isoformat()}
    ).content.decode()

    assert booking.reference in this_week
    assert f"?week={(monday + datetime.timedelta(days=7)).isoformat()}" in this_week
    assert f"?week={(monday - datetime.timedelta(days=7)).isoformat()}" in this_week
    assert booking.reference not in week_before


def test_other_officers_neither_see_nor_open_the_bookings_calendar(client, rooms, book, officer_for):
    day = tomorrow()
    booking = book(rooms["big"], at(day, 9), at(day, 12))
    appointments_officer = officer_for("32")
    client.force_login(appointments_officer)

    response = client.get(reverse("room_bookings:index"), {"week": day.isoformat()}, follow=True)

    assert booking.reference not in response.content.decode()
    assert response.redirect_chain  # Wagtail sends the refused officer back to the dashboard
    assert reverse("room_bookings:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


# The .ics file of a confirmed booking.


def ics_of(client, service_request):
    return client.get(reverse("service_requests:calendar_file", args=[service_request.reference]))


def unfolded(body: bytes) -> dict[str, str]:
    text = body.decode().replace("\r\n ", "")
    return dict(line.split(":", 1) for line in text.split("\r\n") if line)


def test_a_confirmed_booking_downloads_as_an_icalendar_event(
    client, page_tree, rooms, book, room_officer, user
):
    day = tomorrow()
    booking = confirm(book(rooms["big"], at(day, 9), at(day, 12)), room_officer)
    client.force_login(user)

    detail = client.get(reverse("service_requests:detail", args=[booking.reference])).content.decode()
    response = ics_of(client, booking)

    assert reverse("service_requests:calendar_file", args=[booking.reference]) in detail
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))  # folded at 75 octets
    fields = unfolded(body)
    assert fields["UID"].startswith(booking.reference + "@")
    starts_utc = at(day, 9).astimezone(datetime.UTC)  # Bangkok is UTC+7
    assert fields["DTSTART"] == starts_utc.strftime("%Y%m%dT%H%M%SZ")
    assert fields["DTEND"] == at(day, 12).astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert re.fullmatch(r"\d{8}T\d{6}Z", fields["DTSTAMP"])
    assert rooms["big"].name in fields["SUMMARY"]
    assert "ประชุมคณะกรรมการสถานศึกษา\\; ภาคเรียนที่ 2\\, ปีการศึกษา 2568" in fields["SUMMARY"]
    assert rooms["big"].name in fields["LOCATION"]
    assert "230 ถนนสุขาภิบาล 1" in fields["LOCATION"]


def test_no_icalendar_file_for_unconfirmed_cancelled_or_someone_else_s_booking(
    client, rooms, book, room_officer, user, other_applicant
):
    day = tomorrow()
    submitted = book(rooms["big"], at(day, 9), at(day, 10))
    confirmed = confirm(book(rooms["big"], at(day, 10), at(day, 11)), room_officer)
    cancelled = confirm(book(rooms["big"], at(day, 11), at(day, 12)), room_officer)
    actions.move_request(
        actor=room_officer,
        service_request=cancelled,
        to_status=RequestStatus.CANCELLED,
        role=Role.OFFICER,
        message="ห้องงดใช้",
    )
    client.force_login(user)

    assert ics_of(client, submitted).status_code == 404
    assert ics_of(client, cancelled).status_code == 404
    detail = client.get(reverse("service_requests:detail", args=[submitted.reference])).content.decode()
    assert "calendar.ics" not in detail
    client.force_login(other_applicant)
    assert ics_of(client, confirmed).status_code == 404
    client.logout()
    assert ics_of(client, confirmed).status_code == 302  # to the log-in page


def test_icalendar_text_is_escaped_and_folded_without_splitting_thai_characters():
    line = "SUMMARY:" + ics.ics_text("ห้อง; ประชุม, ใหญ่\\ชั้น 2\nอาคาร 1" * 3)

    folded = ics.fold(line)

    assert "\\;" in line and "\\," in line and "\\\\" in line and "\\n" in line and "\n" not in line
    parts = folded.encode().split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    assert "".join(part.decode()[1:] if index else part.decode() for index, part in enumerate(parts)) == line


# The administrators' pages of rooms and executives.


def test_administrators_list_and_search_rooms_and_executives(client, superuser, rooms):
    Executive.objects.create(name="นางสุภาพร แก้วมณีวงศ์", position="รองผู้อำนวยการ")
    client.force_login(superuser)

    room_list = client.get("/admin/room/")
    found = client.get("/admin/room/", {"q": "เล็ก"})
    executives = client.get("/admin/executive/")

    assert room_list.status_code == 200
    assert rooms["big"].name in room_list.content.decode() and "80" in room_list.content.decode()
    assert rooms["small"].name in found.content.decode()
    assert rooms["big"].name not in found.content.decode()
    assert "นางสุภาพร แก้วมณีวงศ์" in executives.content.decode()


def test_officers_without_rights_cannot_change_rooms(client, room_officer, rooms):
    client.force_login(room_officer)

    response = client.post(f"/admin/room/edit/{rooms['big'].pk}/", {"name": "x", "capacity": 1})

    rooms["big"].refresh_from_db()
    assert rooms["big"].name == "ห้องประชุมเพชรอำนาจ"
    assert response.status_code in (302, 403)


def test_logged_in_applicants_see_other_people_s_bookings_only_as_booked(client, page_tree, rooms, book):
    stranger = UserFactory(first_name="ประยุทธ", last_name="มั่นคง")
    day = tomorrow()
    book(rooms["big"], at(day, 9), at(day, 12), applicant=stranger)
    client.force_login(UserFactory())

    section = calendar_section(
        client.get(page_tree.service_pages["meeting-room"].url, {"room": rooms["big"].pk}).content.decode()
    )

    assert "ประยุทธ" not in section and "มั่นคง" not in section
    assert "09:00–12:00" in section
