"""Officers see whether the applicant's citizen ID is declared, verified or a suspended squatter's:
on the process page, in the request list (a column and a filter), and verify it at the counter."""

import re

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from accounts import actions as account_actions
from accounts.models import IdentityLevel, VerificationMethod
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import ServiceRequestFactory
from tests.helpers import in_thai
from tests.service_requests.helpers import admin_url, listed_references

pytestmark = pytest.mark.django_db

INDEX = reverse("service_request_admin:index")


def may_verify(officer):
    officer.user_permissions.add(Permission.objects.get(codename="verify_identity"))
    return officer


def verify_url(account):
    return reverse("accounts_verify_identity", args=[account.pk])


@pytest.fixture
def requests_by_level(db):
    declared = ServiceRequestFactory(applicant=UserFactory())
    verified = ServiceRequestFactory(applicant=UserFactory(identity_level=IdentityLevel.VERIFIED))
    squatter = UserFactory()
    suspended = ServiceRequestFactory(applicant=squatter)
    squatter.displaced_citizen_id, squatter.citizen_id = squatter.citizen_id, f"S{squatter.pk:012d}"
    squatter.is_active = False
    squatter.suspended_at = suspended.submitted_at
    squatter.save()
    return {"declared": declared, "verified": verified, "suspended": suspended}


def test_the_list_shows_and_filters_the_applicants_citizen_id_check(client, officer_for, requests_by_level):
    client.force_login(officer_for("11"))
    page = client.get(INDEX).content.decode()
    assert in_thai("Citizen ID check") in page
    for label in ("Declared", "Verified", "Suspended: its citizen ID belongs to someone else"):
        assert in_thai(label) in page
    for level, service_request in requests_by_level.items():
        response = client.get(INDEX, {"applicant_identity": level})
        assert listed_references(response) == [service_request.reference]


def test_the_process_page_shows_a_declared_citizen_id_and_the_counter_check(
    client, officer_for, requests_by_level
):
    officer = may_verify(officer_for("11"))
    client.force_login(officer)
    service_request = requests_by_level["declared"]
    page = client.get(admin_url("process", service_request)).content.decode()
    assert in_thai("Typed at registration, not proven yet.") in page
    assert verify_url(service_request.applicant) in page


def test_an_officer_without_the_permission_sees_the_level_but_cannot_verify(
    client, officer_for, requests_by_level
):
    client.force_login(officer_for("11"))
    service_request = requests_by_level["declared"]
    page = client.get(admin_url("process", service_request)).content.decode()
    assert in_thai("Declared") in page
    assert verify_url(service_request.applicant) not in page
    refused = client.get(verify_url(service_request.applicant))
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's "no permission" answer
    client.post(verify_url(service_request.applicant), {"card_seen": "on"})
    service_request.applicant.refresh_from_db()
    assert service_request.applicant.identity_level == IdentityLevel.DECLARED


def test_the_counter_check_page_is_headed_by_what_it_does(client, officer_for, requests_by_level):
    """Not by a lone "หน้าหลัก" breadcrumb, as if the officer were on the dashboard."""
    client.force_login(may_verify(officer_for("11")))
    page = client.get(verify_url(requests_by_level["declared"].applicant)).content.decode()
    breadcrumbs = re.search(r"<ol[^>]*>(.*?)</ol>", page.split("data-w-breadcrumbs", 1)[1], re.S).group(1)
    assert in_thai("Verify citizen ID") in breadcrumbs


def test_the_counter_check_records_the_officer_the_time_and_the_method(
    client, officer_for, requests_by_level
):
    officer = may_verify(officer_for("11"))
    client.force_login(officer)
    service_request = requests_by_level["declared"]
    applicant = service_request.applicant
    process_url = admin_url("process", service_request)

    refused = client.post(verify_url(applicant), {"next": process_url})
    assert refused.status_code == 200
    assert in_thai("Please confirm that you have seen the ID card.") in refused.content.decode()

    response = client.post(verify_url(applicant), {"card_seen": "on", "next": process_url})
    assert response.url == process_url
    applicant.refresh_from_db()
    assert applicant.identity_level == IdentityLevel.VERIFIED
    assert applicant.identity_verified_by == officer
    assert applicant.identity_verification_method == VerificationMethod.ID_CARD_AT_COUNTER
    assert applicant.identity_verified_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(applicant.pk), action="accounts.verify_identity")
    assert entry.user == officer
    assert entry.data["officer"] == officer.get_full_name()

    page = client.get(process_url).content.decode()
    assert in_thai("ID card seen at the counter") in page
    assert officer.get_full_name() in page
    assert verify_url(applicant) not in page


def test_the_process_page_flags_a_suspended_squatters_request(client, officer_for, requests_by_level):
    client.force_login(may_verify(officer_for("11")))
    service_request = requests_by_level["suspended"]
    page = client.get(admin_url("process", service_request)).content.decode()
    assert in_thai("Suspended: its citizen ID belongs to someone else") in page
    assert service_request.applicant.displaced_citizen_id in page
    assert verify_url(service_request.applicant) not in page


def test_the_counter_check_action_needs_the_permission(officer_for, requests_by_level):
    with pytest.raises(account_actions.PermissionDenied):
        account_actions.verify_identity_at_counter(
            actor=officer_for("11"), user=requests_by_level["declared"].applicant
        )
