"""Deleting in the admin what requests keep (on_delete=PROTECT): a user with requests, a room
with bookings, an executive with appointments, a group that works a service. The confirmation
says why it cannot be deleted and what to do instead, shows no delete button, and a POST is
refused with the same page, never HTTP 500. What nothing keeps is still deleted."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import ReferenceIndex

import pytest

from service_requests.catalogue.appointment import Executive
from service_requests.catalogue.meeting_room import Room
from service_requests.models import ServiceAssignment
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import ExecutiveFactory, RoomFactory, details_for
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

YES_DELETE = "Yes, delete"


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def delete_url(name, obj):
    return reverse(f"{name}:delete", args=[obj.pk])


def edit_url(name, obj):
    return reverse(f"{name}:edit", args=[obj.pk])


def user_with_requests(submit):
    applicant = UserFactory()
    submit("11", applicant=applicant)
    return applicant


def room_with_a_booking(submit):
    room = RoomFactory()
    submit("31", details=details_for("31", room=room))
    return room


def executive_with_an_appointment(submit):
    executive = ExecutiveFactory()
    submit("32", details=details_for("32", executive=executive))
    return executive


def group_working_a_service(submit):
    group = Group.objects.create(name="งานบัตร")
    ServiceAssignment.objects.create(service_code="11", group=group)
    return group


CASES = {
    # (viewset name, model, what keeps it, what to do instead)
    "user": ("wagtailusers_users", get_user_model(), user_with_requests, "Edit to deactivate"),
    "room": ("room", Room, room_with_a_booking, "Edit to deactivate"),
    "executive": ("executive", Executive, executive_with_an_appointment, "Edit to deactivate"),
    "group": ("wagtailusers_groups", Group, group_working_a_service, "Edit the group"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_confirmation_says_why_and_offers_what_to_do_instead(admin_client, submit, case):
    name, _model, make, instead_label = CASES[case]
    kept = make(submit)
    response = admin_client.get(delete_url(name, kept))
    page = response.content.decode()
    assert response.status_code == 200
    reason = in_thai("“%(name)s” cannot be deleted, because these records refer to it and must be kept:")
    assert escape(reason % {"name": kept}) in page
    assert in_thai(YES_DELETE) not in page
    assert edit_url(name, kept) in page
    assert in_thai(instead_label) in page


@pytest.mark.parametrize("case", CASES)
def test_a_delete_post_is_refused_without_an_error(admin_client, submit, case):
    name, model, make, _instead_label = CASES[case]
    kept = make(submit)
    response = admin_client.post(delete_url(name, kept))
    assert response.status_code == 200
    assert in_thai(YES_DELETE) not in response.content.decode()
    assert model.objects.filter(pk=kept.pk).exists()


def test_the_user_page_counts_the_requests(admin_client, submit):
    applicant = user_with_requests(submit)
    submit("12", applicant=applicant)
    page = admin_client.get(delete_url("wagtailusers_users", applicant)).content.decode()
    assert in_thai("Service requests") + ": 2" in page
    # Wagtail's own usage count knows them too (it said "referenced 0 times").
    usage = ReferenceIndex.get_grouped_references_to(applicant)
    assert (usage.count(), usage.is_protected) == (2, True)


def test_a_room_nothing_refers_to_is_deleted(admin_client):
    room = RoomFactory()
    response = admin_client.post(delete_url("room", room))
    assert response.status_code == 302
    assert not Room.objects.filter(pk=room.pk).exists()


def test_a_user_without_requests_is_deleted(admin_client):
    applicant = UserFactory()
    response = admin_client.post(delete_url("wagtailusers_users", applicant))
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=applicant.pk).exists()


# In Thai throughout, and saying which booking keeps the room.

ENGLISH_LEFT = [
    "is referenced",
    "prevent it from being deleted",
    "If you confirm deletion",
    "prevents deletion",
    "Private",
]


@pytest.mark.parametrize("case", ["user", "room"])
def test_the_protected_confirmation_is_all_thai(admin_client, submit, case):
    name, _model, make, _instead_label = CASES[case]
    page = admin_client.get(delete_url(name, make(submit))).content.decode()
    assert [english for english in ENGLISH_LEFT if english in page] == []
    assert "s: 1<" not in page  # no English plural s on a Thai name


def test_the_rooms_usage_page_names_each_booking_and_links_to_it(admin_client, submit):
    room = RoomFactory()
    booking = submit("31", details=details_for("31", room=room))
    url = reverse("room:usage", args=[room.pk]) + "?describe_on_delete=1"
    page = admin_client.get(url).content.decode()
    assert [english for english in ENGLISH_LEFT if english in page] == []
    assert booking.reference in page
    assert reverse("service_request_admin:process", args=[booking.pk]) in page
