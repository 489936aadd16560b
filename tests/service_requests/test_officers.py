"""Who the officers of a service are has one answer (queries.officers_of and
queries.services_handled_by read the same rule): the admin's lists, the permission policy, the
permission tester and the e-mails all agree, superusers included, inactive accounts never."""

import pytest

from service_requests import queries
from service_requests.catalogue import CATALOGUE
from service_requests.permissions import RequestPermissionTester
from service_requests.permissions import service_request_permission_policy as policy
from tests.factories.accounts import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(officer_for):
    return {
        "officer of 11": officer_for("11"),
        "officer of 21": officer_for("21"),
        "inactive officer of 11": officer_for("11", is_active=False),
        "superuser": SuperuserFactory(),
        "inactive superuser": SuperuserFactory(is_active=False),
        "applicant": UserFactory(),
    }


def test_both_directions_give_the_same_officers(people):
    for code in CATALOGUE:
        officers = set(queries.officers_of(code))
        for name, person in people.items():
            assert (person in officers) is (code in queries.services_handled_by(person)), (name, code)
    assert set(queries.officers_of()) == {person for person in people.values() if queries.is_officer(person)}
    assert set(queries.officers_of()) == {
        people["officer of 11"],
        people["officer of 21"],
        people["superuser"],
    }


def test_the_policy_and_the_tester_ask_the_same_rule(people, submit):
    service_request = submit("11")
    officers = set(policy.users_with_permission_for_instance("change", service_request))
    assert officers == set(queries.officers_of("11"))
    for person in people.values():
        assert RequestPermissionTester(person, service_request).is_officer is (person in officers)


def test_the_officers_told_of_a_new_request_are_the_officers_of_its_service(
    people, submit, django_capture_on_commit_callbacks, mailoutbox
):
    for number, person in enumerate(people.values()):
        person.email = person.verified_email = f"person{number}@oss.example.go.th"
        person.save(update_fields=["email", "verified_email"])
    with django_capture_on_commit_callbacks(execute=True):
        submit("11")
    told = {address for message in mailoutbox for address in message.to}
    assert told == {officer.email for officer in queries.officers_of("11")}
