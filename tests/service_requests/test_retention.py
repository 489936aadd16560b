"""Retention that really deletes: the daily `manage.py apply_retention` de-identifies closed
requests past their service's retention period and deletes their files, leaves open ones alone,
and deletes log-in records, status-lookup counters, per-address attempts and finished background
tasks older than 90 days.
`--dry-run` says what it would do and changes nothing."""

import io
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_tasks_db.models import DBTaskResult

from accounts.hashing import citizen_id_hash
from accounts.models import AddressAttempt
from service_requests import actions
from service_requests.models import (
    DeidentificationReason,
    RetentionRun,
    ServiceAssignment,
    ServiceRequest,
    StatusLookup,
)
from service_requests.workflow import RequestStatus, Role
from tests.accounts.clock import clock_moved
from tests.factories.service_requests import attach_reply, pdf_bytes

S = RequestStatus
PAST_DEFAULT = timedelta(days=settings.REQUEST_RETENTION_DAYS + 1)


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def requests(submit, officer_for, user):
    """A completed request with a reply file, a cancelled one and one still in progress (service
    12), each with its two attachments."""
    officer = officer_for("12")
    completed, cancelled, in_progress = (submit("12") for _ in range(3))
    actions.move_request(actor=officer, service_request=completed, to_status=S.COMPLETED, role=Role.OFFICER)
    attach_reply(ServiceRequest.objects.get(pk=completed.pk), pdf_bytes())
    actions.move_request(actor=user, service_request=cancelled, to_status=S.CANCELLED, role=Role.APPLICANT)
    actions.move_request(
        actor=officer, service_request=in_progress, to_status=S.IN_PROGRESS, role=Role.OFFICER
    )
    return {"completed": completed, "cancelled": cancelled, "in_progress": in_progress}


def files_of(service_request):
    service_request.refresh_from_db()
    names = [attachment.file.name for attachment in service_request.attachments.all()]
    return names + ([service_request.reply_file.name] if service_request.reply_file else [])


def old_log_in_records(age):
    """One row of each kind the job purges, `age` old."""
    moment = timezone.now() - age
    AccessAttempt.objects.create(
        username="1439900285977", ip_address="203.0.113.9", user_agent=f"x{age.days}", failures_since_start=1
    )
    AccessLog.objects.create(username="1439900285977", ip_address="203.0.113.9", user_agent="x")
    AccessFailureLog.objects.create(username="1439900285977", ip_address="203.0.113.9", user_agent="x")
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(attempt_time__gt=moment).update(attempt_time=moment)
    StatusLookup.objects.create(client_hash="a" * 64, created_at=moment)
    AddressAttempt.objects.create(
        kind=AddressAttempt.Kind.LOGIN_FAILURE, client_hash="b" * 64, created_at=moment
    )
    DBTaskResult.objects.create(  # a finished e-mail task keeps its arguments
        task_path="accounts.tasks.email_password_reset_link",
        args_kwargs={"args": ["1439900285977"], "kwargs": {}},
        backend_name="default",
        run_after=moment,
        status="SUCCESSFUL",
        finished_at=moment,
    )


def log_in_record_counts():
    return [
        model.objects.count()
        for model in (AccessAttempt, AccessLog, AccessFailureLog, StatusLookup, AddressAttempt, DBTaskResult)
    ]


def test_closed_requests_past_the_period_are_deidentified_and_their_files_deleted(
    requests, private_files, django_capture_on_commit_callbacks, user
):
    closed_files = files_of(requests["completed"]) + files_of(requests["cancelled"])
    open_files = files_of(requests["in_progress"])
    assert len(closed_files) == 5 and set(closed_files) <= set(private_files())

    with clock_moved(PAST_DEFAULT), django_capture_on_commit_callbacks(execute=True):
        output = run()

    assert "2 requests de-identified" in output
    assert "5 files deleted" in output
    assert private_files() == sorted(open_files)  # the open request's files stay
    for name in ("completed", "cancelled"):
        service_request = ServiceRequest.objects.get(pk=requests[name].pk)
        assert service_request.deidentified_reason == DeidentificationReason.RETENTION
        assert service_request.applicant_first_name == service_request.applicant_phone == ""
        assert service_request.applicant_citizen_id == citizen_id_hash(user.citizen_id)
        assert service_request.status == requests[name].status  # kept for the reports
        assert not service_request.attachments.exists()
    untouched = ServiceRequest.objects.get(pk=requests["in_progress"].pk)
    assert untouched.deidentified_at is None
    assert untouched.applicant_first_name == user.first_name
    assert untouched.attachments.count() == 2


def test_nothing_happens_before_the_period_ends(requests, private_files):
    files = private_files()
    with clock_moved(timedelta(days=settings.REQUEST_RETENTION_DAYS - 1)):
        assert "0 requests de-identified" in run()
    assert not ServiceRequest.objects.filter(deidentified_at__isnull=False).exists()
    assert private_files() == files


def test_an_administrator_sets_a_period_per_service(requests, submit, officer_for):
    ServiceAssignment.objects.filter(service_code="12").update(retention_days=30)
    other = submit("21")
    actions.move_request(
        actor=officer_for("21"), service_request=other, to_status=S.COMPLETED, role=Role.OFFICER
    )

    with clock_moved(timedelta(days=31)):
        run()

    assert set(ServiceRequest.objects.filter(deidentified_at__isnull=False).values_list("pk", flat=True)) == {
        requests["completed"].pk,
        requests["cancelled"].pk,
    }  # service 21 keeps the default period


def test_the_period_is_editable_in_the_admin(client, superuser, officer_for):
    officer_for("12")
    assignment = ServiceAssignment.objects.get(service_code="12")
    client.force_login(superuser)
    url = f"/admin/service_assignments/edit/{assignment.pk}/"
    response = client.post(url, {"group": assignment.group_id, "retention_days": "3650"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.retention_days == 3650


def test_log_in_records_and_counters_older_than_90_days_are_deleted(db):
    old_log_in_records(timedelta(days=91))
    old_log_in_records(timedelta(days=89))
    assert log_in_record_counts() == [2, 2, 2, 2, 2, 2]

    output = run()

    assert log_in_record_counts() == [1, 1, 1, 1, 1, 1]
    assert "1 log-in records (axes) deleted" in output
    assert "1 status-lookup counters deleted" in output
    assert "1 finished background tasks deleted" in output


def test_a_dry_run_changes_nothing(requests, private_files, django_capture_on_commit_callbacks):
    old_log_in_records(timedelta(days=91))
    files, counts = private_files(), log_in_record_counts()

    with clock_moved(PAST_DEFAULT), django_capture_on_commit_callbacks(execute=True):
        output = run("--dry-run")

    assert "Dry run" in output
    assert "2 requests to de-identify" in output
    assert "5 files to delete" in output
    assert "1 log-in records (axes) to delete" in output
    assert private_files() == files
    assert log_in_record_counts() == counts
    assert not ServiceRequest.objects.filter(deidentified_at__isnull=False).exists()
    assert not RetentionRun.objects.exists()
    assert not ModelLogEntry.objects.filter(action="service_requests.apply_retention").exists()


def test_each_run_writes_one_audit_log_entry_with_its_counts(requests):
    with clock_moved(PAST_DEFAULT):
        run()
    entry = ModelLogEntry.objects.get(action="service_requests.apply_retention")
    assert entry.data["requests_deidentified"] == 2
    assert entry.data["files_deleted"] == 5
    assert ModelLogEntry.objects.filter(action="service_requests.deidentify").count() == 2


def test_the_assignments_list_shows_each_services_period_and_the_default(client, superuser, officer_for):
    officer_for("11"), officer_for("12")
    ServiceAssignment.objects.filter(service_code="12").update(retention_days=1825)
    client.force_login(superuser)
    page = client.get("/admin/service_assignments/").content.decode()
    assert "5 ปี (1,825 วัน)" in page  # whole years said in years, with the days counted
    assert "10 ปี (3,650 วัน, ค่าเริ่มต้น)" in page  # an empty period is the portal's default, said as such

    assignment = ServiceAssignment.objects.get(service_code="11")
    form = client.get(f"/admin/service_assignments/edit/{assignment.pk}/").content.decode()
    assert f"เว้นว่าง: ใช้ค่าตั้งต้นของระบบ คือ {settings.REQUEST_RETENTION_DAYS:,} วัน" in form
