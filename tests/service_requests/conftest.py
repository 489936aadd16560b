"""Fixtures for the request workflow: filing requests, officers of a service, the private storage.

- `submit(service_code="11", applicant=None, ...)` files a request of any service through
  actions.submit_request with valid details (factories.details_for) and two small attachments (a
  PNG in the service's first slot, e.g. the ID-card copy, and a PDF in "other_1").
- `request_in(status, ...)` is such a request put straight into a status, for transition tests.
- `officer_for(service_code)` makes an officer (with an e-mail address) in the group assigned to
  that service; a second call for the same service adds another officer to the same group.
- `private_files()` lists what the private storage holds; it is emptied before every test.
"""

import itertools
import shutil
import tempfile
import uuid
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import Group, Permission

import pytest

from service_requests import actions
from service_requests.models import ServiceAssignment, ServiceRequest
from service_requests.storage import private_storage
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.service_requests import EXAMPLE_MOMENT, attachments_for, contact_of, details_for
from tests.service_requests.helpers import access_admin_group

OFFICER_NUMBERS = itertools.count(1)


def files_under(root) -> list[str]:
    """Every file below a folder, as paths relative to it."""
    root = Path(root)
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture(scope="session", autouse=True)
def private_media_root():
    """The private storage of the test session: a throw-away folder, never the real one."""
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    assert root.is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert Path(private_storage().location).resolve() == root
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_private_storage(private_media_root):
    """Each test starts with nothing in the private storage, so it can see what it left there."""
    shutil.rmtree(private_media_root, ignore_errors=True)
    private_media_root.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def private_files(private_media_root):
    """Call it to list the files in the private storage (relative paths)."""
    return lambda: files_under(private_media_root)


@pytest.fixture
def other_applicant(db):
    return UserFactory(title="นาย", first_name="สมชาย", last_name="ใจดี")


@pytest.fixture
def submit(user):
    """File a request through the real action; `user` is the applicant unless one is given."""

    def file_request(
        service_code="11",
        *,
        applicant=None,
        contact=None,
        details=None,
        attachments=None,
        submission_key=None,
    ) -> ServiceRequest:
        applicant = applicant or user
        if attachments is None:
            attachments = attachments_for(service_code)
        return actions.submit_request(
            applicant=applicant,
            service_code=service_code,
            contact=contact or contact_of(applicant),
            details=details or details_for(service_code),
            attachments=attachments,
            submission_key=submission_key or uuid.uuid4(),
        )

    return file_request


@pytest.fixture
def request_in(submit):
    """A filed request put straight into a status (the setup, not the behaviour under test)."""

    def make(status, service_code="11", **kwargs) -> ServiceRequest:
        service_request = submit(service_code, **kwargs)
        ServiceRequest.objects.filter(pk=service_request.pk).update(status=status)
        service_request.refresh_from_db()
        return service_request

    return make


@pytest.fixture
def officer_for(db):
    """Make an officer of a service: a member of the group its ServiceAssignment names."""

    def make(service_code, **fields):
        assignment = (
            ServiceAssignment.objects.select_related("group").filter(service_code=service_code).first()
        )
        if assignment is None:
            group = Group.objects.create(name=f"เจ้าหน้าที่บริการ {service_code}")
            group.permissions.add(
                Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
            )
            assignment = ServiceAssignment.objects.create(service_code=service_code, group=group)
        number = next(OFFICER_NUMBERS)
        fields.setdefault("email", f"officer{number}@oss.example.go.th")
        # A name of their own, so that pages showing who is logged in never show the applicant's.
        fields.setdefault("first_name", "สุรชัย")
        fields.setdefault("last_name", f"เจ้าหน้าที่{number}")
        officer = StaffFactory(**fields)
        officer.groups.add(assignment.group)
        return officer

    return make


@pytest.fixture
def frozen_now():
    """Stop the clock at the SPEC's example moment (2025-03-31 11:10:14 Bangkok time)."""
    with mock.patch("django.utils.timezone.now", return_value=EXAMPLE_MOMENT):
        yield EXAMPLE_MOMENT


# Officers in the admin: the personnel group (services 11 and 12) as in the demo, and others.


@pytest.fixture
def personnel_officer(db):
    """นายสมชาย of the personnel group, which handles services 11 and 12 (as in the demo)."""
    group = access_admin_group("เจ้าหน้าที่กลุ่มบริหารงานบุคคล")
    for code in ("11", "12"):
        ServiceAssignment.objects.create(service_code=code, group=group)
    officer = StaffFactory(title="นาย", first_name="สมชาย", last_name="ใจดี")
    officer.groups.add(group)
    return officer


@pytest.fixture
def finance_officer(officer_for):
    """An officer of service 21 only: none of the personnel group's requests are theirs."""
    return officer_for("21")


@pytest.fixture
def id_card_officer(officer_for, personnel_officer):
    """An officer of another group that handles service 11 only (reassigned from personnel)."""
    group = access_admin_group("งานบัตร")
    ServiceAssignment.objects.filter(service_code="11").update(group=group)
    officer = StaffFactory()
    officer.groups.add(group)
    return officer


@pytest.fixture
def as_officer(client, personnel_officer):
    client.force_login(personnel_officer)
    return client
