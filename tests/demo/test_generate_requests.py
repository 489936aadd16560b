"""manage.py generate_requests: made-up requests for measuring the lists at scale."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from service_requests.catalogue import builtin_services
from service_requests.models import ServiceRequest, StatusChange
from service_requests.workflow import CLOSED, RequestStatus
from tests.factories.service_forms import publish_version

pytestmark = pytest.mark.django_db


def test_it_spreads_requests_over_services_statuses_and_years_with_their_history():
    call_command("generate_requests", 1000, "--yes", batch=300, stdout=io.StringIO())
    requests = ServiceRequest.objects.all()
    assert requests.count() == 1000
    assert {r.service_code for r in requests} == {service.code for service in builtin_services()}
    # Closed ones over the years, the open statuses among the last two months' few dozen.
    assert len({r.status for r in requests}) >= 5
    years = {r.submitted_at.year for r in requests}
    assert len(years) >= 4
    moved = requests.exclude(status=RequestStatus.SUBMITTED).count()
    assert StatusChange.objects.count() == 1000 + moved
    assert all(r.applicant_citizen_id.startswith("9") for r in requests)
    old = timezone.now() - datetime.timedelta(days=60)
    assert {r.status for r in requests if r.submitted_at < old} <= set(CLOSED)


def test_a_service_the_office_built_gets_requests_too():
    publish_version("13")

    call_command("generate_requests", 70, "--yes", stdout=io.StringIO())

    codes = set(ServiceRequest.objects.values_list("service_code", flat=True))
    assert codes == {*(service.code for service in builtin_services()), "13"}


def test_a_second_run_adds_more():
    call_command("generate_requests", 30, "--yes", stdout=io.StringIO())
    call_command("generate_requests", 30, "--yes", stdout=io.StringIO())
    assert ServiceRequest.objects.count() == 60


def test_it_refuses_without_yes():
    with pytest.raises(CommandError):
        call_command("generate_requests", 10)
    assert not ServiceRequest.objects.exists()
