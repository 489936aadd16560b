"""The summary on the officers' admin dashboard: counts by service and status, the newest
requests waiting for them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus
from tests.factories.accounts import StaffFactory
from tests.factories.service_requests import png_bytes, upload
from tests.helpers import in_thai
from tests.service_requests.helpers import access_admin_group, admin_url

pytestmark = pytest.mark.django_db

S = RequestStatus
RETURN_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"
CANCEL_REASON = "ผู้ยื่นคำขอแจ้งยกเลิกทางโทรศัพท์"
INDEX = reverse("service_request_admin:index")


# The dashboard


def summary(response):
    return next(
        panel
        for panel in response.context["panels"]
        if getattr(panel, "name", "") == "service_request_summary"
    ).get_context_data()


def test_the_dashboard_counts_requests_by_service_and_status(as_officer, request_in):
    request_in(S.SUBMITTED)
    request_in(S.SUBMITTED)
    request_in(S.RETURNED)
    request_in(S.COMPLETED, service_code="12")
    response = as_officer.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert in_thai("Service requests summary") in response.content.decode()
    context = summary(response)
    statuses = [status.value for status in context["statuses"]]
    counts = {
        row["service"].code: dict(zip(statuses, [cell["count"] for cell in row["cells"]], strict=True))
        for row in context["rows"]
    }
    assert list(counts) == ["11", "12"]
    assert counts["11"] == {
        "submitted": 2,
        "in_progress": 0,
        "returned": 1,
        "resubmitted": 0,
        "completed": 0,
        "cancelled": 0,
    }
    assert counts["12"]["completed"] == 1
    assert [row["total"] for row in context["rows"]] == [3, 1]
    assert context["grand_total"] == 4
    assert (
        dict(zip(statuses, [cell["count"] for cell in context["column_totals"]], strict=True))["submitted"]
        == 2
    )


def test_the_dashboard_lists_the_newest_waiting_requests(as_officer, request_in):
    submitted = request_in(S.SUBMITTED)
    resubmitted = request_in(S.RESUBMITTED, service_code="12")
    request_in(S.IN_PROGRESS)
    response = as_officer.get(reverse("wagtailadmin_home"))
    waiting = list(summary(response)["waiting"])
    assert set(waiting) == {submitted, resubmitted}
    page = response.content.decode()
    assert admin_url("process", submitted) in page
    assert admin_url("process", resubmitted) in page


def test_the_dashboard_shows_ten_waiting_requests_at_most(as_officer, submit):
    for _number in range(12):
        submit("11", attachments={"id_card_copy": upload("id.png", png_bytes())})
    waiting = list(summary(as_officer.get(reverse("wagtailadmin_home")))["waiting"])
    newest = list(ServiceRequest.objects.order_by("-status_changed_at", "-pk")[:10])
    assert waiting == newest


def test_the_dashboard_of_another_services_officer_counts_none_of_them(client, submit, finance_officer):
    submit("11")
    client.force_login(finance_officer)
    context = summary(client.get(reverse("wagtailadmin_home")))
    assert [row["service"].code for row in context["rows"]] == ["21"]
    assert context["grand_total"] == 0
    assert list(context["waiting"]) == []


def test_no_summary_for_staff_who_handle_no_service(client):
    editor = StaffFactory()
    editor.groups.add(access_admin_group("Editors"))
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert in_thai("Service requests summary") not in page


def test_the_dashboard_runs_the_same_queries_for_1_and_for_50_requests(as_officer, submit):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = as_officer.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        return len(queries)

    submit("11")
    for_one = count_queries()
    for number in range(49):
        submit("12" if number % 2 else "11", attachments={"id_card_copy": upload("id.png", png_bytes())})
    assert count_queries() == for_one
