"""The meeting-room form on a phone, in a real browser: with bookings and holidays in its
availability calendar it still fits 375 px (a fieldset takes its content's width unless told not
to, and a booked time used to keep its label and time on one unbreakable line)."""

import pytest

from tests.factories.service_requests import RoomFactory, booking_day_at, details_for
from tests.service_requests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOM_PAGE = "/services/meeting-room/"


@pytest.fixture
def booked_room(submit):
    room = RoomFactory()
    submit(
        "31", details=details_for("31", room=room, starts_at=booking_day_at(9), ends_at=booking_day_at(12))
    )
    return room


@pytest.mark.parametrize("language", ["", "/en"])
def test_the_room_form_fits_a_phone(live_server, client, user, page_tree, booked_room, language):
    client.force_login(user)
    url = f"{live_server.url}{language}{ROOM_PAGE}"
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 375, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}])
        page = context.new_page()
        page.goto(url)
        assert page.locator(".availability__tag").count() >= 1  # the booked time is on the page
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
