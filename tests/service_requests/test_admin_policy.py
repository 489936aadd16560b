"""Who has rights over requests in the admin (the permission policy read from service
assignments), and the administrators' page of service assignments."""

from django.urls import reverse

import pytest

from service_requests.catalogue import get_service
from service_requests.models import ServiceAssignment
from service_requests.permissions import service_request_permission_policy as policy
from service_requests.workflow import RequestStatus
from tests.factories.accounts import StaffFactory, SuperuserFactory
from tests.service_requests.helpers import access_admin_group

pytestmark = pytest.mark.django_db

S = RequestStatus
RETURN_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"
CANCEL_REASON = "ผู้ยื่นคำขอแจ้งยกเลิกทางโทรศัพท์"
INDEX = reverse("service_request_admin:index")


# The permission policy


def test_officers_may_view_and_change_the_requests_of_their_services_only(
    submit, personnel_officer, finance_officer
):
    id_card = submit("11")
    assert policy.user_has_permission(personnel_officer, "view")
    assert policy.user_has_permission(personnel_officer, "change")
    assert policy.user_has_permission_for_instance(personnel_officer, "change", id_card)
    assert not policy.user_has_permission_for_instance(finance_officer, "view", id_card)
    assert list(policy.instances_user_has_permission_for(personnel_officer, "change")) == [id_card]
    assert list(policy.instances_user_has_permission_for(finance_officer, "change")) == []


def test_nobody_adds_or_deletes_requests_in_the_admin(submit, personnel_officer):
    service_request = submit("11")
    superuser = SuperuserFactory()
    for user in (personnel_officer, superuser):
        assert not policy.user_has_permission(user, "add")
        assert not policy.user_has_permission(user, "delete")
        assert not policy.user_has_permission_for_instance(user, "delete", service_request)
    assert not policy.users_with_permission("delete").exists()


def test_applicants_and_editors_have_no_rights_over_requests(submit, user):
    submit("11")
    editor = StaffFactory()
    editor.groups.add(access_admin_group("Editors"))
    for person in (user, editor):
        assert not policy.user_has_any_permission(person, ["view", "change"])
        assert not policy.instances_user_has_permission_for(person, "view").exists()


def test_the_officers_of_a_request_are_those_of_its_service(submit, personnel_officer, finance_officer):
    service_request = submit("11")
    superuser = SuperuserFactory()
    officers = set(policy.users_with_permission_for_instance("change", service_request))
    assert officers == {personnel_officer, superuser}


# Service assignments (administrators)


def test_an_administrator_reassigns_a_service_to_another_group(client, personnel_officer):
    academic = access_admin_group("เจ้าหน้าที่กลุ่มส่งเสริมการจัดการศึกษา")
    assignment = ServiceAssignment.objects.get(service_code="12")
    client.force_login(SuperuserFactory())
    listing = client.get(reverse("service_assignments:index"))
    assert listing.status_code == 200
    assert str(get_service("12").name) in listing.content.decode()
    url = reverse("service_assignments:edit", args=[assignment.pk])
    response = client.post(url, {"group": academic.pk, "service_code": "41"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.group == academic
    assert assignment.service_code == "12"  # the service itself stays


def test_officers_do_not_manage_assignments(client, personnel_officer):
    client.force_login(personnel_officer)
    response = client.get(reverse("service_assignments:index"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
