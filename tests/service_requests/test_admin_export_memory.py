"""An export of 50,000 requests is written as it is read: the CSV streams, the XLSX is written row
by row to a temporary file; neither holds the list in memory. The access record takes one row per
exported request, inserted 1,000 at a time."""

import csv
import io
import re
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from service_requests.catalogue import get_service
from service_requests.models import AccessKind, RequestAccess, ServiceRequest
from service_requests.workflow import RequestStatus

pytestmark = pytest.mark.django_db

INDEX = reverse("service_request_admin:index")
COUNT = 50_000
# What the export may hold at its peak, whatever the number of rows: the chunk of 2,000 requests
# read at a time with their details and history, and the compact list of exported keys.
# (Holding the rows instead takes some 15 kB a request: 750 MB for these.)
MEMORY_BOUND = 64 * 1024 * 1024


@pytest.fixture
def many_requests(user):
    """50,000 orders of record forms with their details, made in bulk (not through the action:
    the export is under test, not the filing)."""
    service = get_service("41")
    moment = timezone.now()
    ServiceRequest.objects.bulk_create(
        (
            ServiceRequest(
                service_code="41",
                applicant=user,
                applicant_citizen_id=user.citizen_id,
                applicant_title=user.title,
                applicant_first_name=user.first_name,
                applicant_last_name=user.last_name,
                applicant_phone=user.phone,
                status=RequestStatus.SUBMITTED,
                submitted_at=moment,
                status_changed_at=moment,
                last_changed_at=moment,
                reference=f"41{number:014d}",
                submission_key=uuid.uuid4(),
                officer_message="=1+1" if number == 7 else "",
            )
            for number in range(COUNT)
        ),
        batch_size=5000,
    )
    amounts = {"total": Decimal("530.00"), "shipping": Decimal("25.00"), "grand_total": Decimal("555.00")}
    service.details_model.objects.bulk_create(
        (
            service.details_model(request_id=pk, school="โรงเรียนบ้านหนองบัว", **amounts)
            for pk in ServiceRequest.objects.values_list("pk", flat=True)
        ),
        batch_size=5000,
    )
    assert ServiceRequest.objects.count() == COUNT


def memory_kb(field: str) -> int:
    """This process's resident memory now (VmRSS) or at its peak since the last reset (VmHWM)."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


def peak_while_downloading(client, export_format, output):
    """Download the export into `output` chunk by chunk; how far the process's resident memory rose
    above where it started, at its highest (Linux: writing 5 to clear_refs resets the peak). What
    the operating system sees, C libraries included, and without slowing every allocation down."""
    Path("/proc/self/clear_refs").write_text("5")
    before = memory_kb("VmRSS")
    response = client.get(INDEX, {"export": export_format})
    assert response.status_code == 200
    for chunk in response.streaming_content:
        output.write(chunk)
    return (memory_kb("VmHWM") - before) * 1024


def downloaded_rows(output, export_format):
    output.seek(0)
    if export_format == "csv":
        return list(csv.reader(io.TextIOWrapper(output, encoding="utf-8-sig", newline="")))
    sheet = openpyxl.load_workbook(output, read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_of_50_000_requests_stays_within_a_memory_bound(
    client, officer_for, many_requests, export_format
):
    officer = officer_for("41")
    client.force_login(officer)
    with tempfile.TemporaryFile() as output:
        peak = peak_while_downloading(client, export_format, output)
        _headings, *values = downloaded_rows(output, export_format)

    assert peak < MEMORY_BOUND, f"{export_format}: {peak / 1024 / 1024:.1f} MB"
    assert len(values) == COUNT
    assert {row[0] for row in values} == {f"41{number:014d}" for number in range(COUNT)}
    # The order's own fields are there (the officer works that one service), escaped as ever.
    assert "โรงเรียนบ้านหนองบัว" in values[0]
    assert sum("'=1+1" in row for row in values) == 1
    # Every exported request is in the access record once.
    recorded = RequestAccess.objects.filter(officer=officer, kind=AccessKind.EXPORTED)
    assert recorded.count() == COUNT
    assert set(recorded.values_list("list_size", "detail")) == {(COUNT, export_format)}
