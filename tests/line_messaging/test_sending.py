"""Sending in the background worker: LINE busy (429), failing (5xx) or unreachable is tried again
with the same retry key; LINE refusing (other 4xx) fails at once; each message's record (sent,
failed and why) is what officers see beside the request's status history."""

import importlib
import socket
import uuid

from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup
from django_tasks import default_task_backend

from line_messaging import actions as line_actions
from line_messaging.models import LineFailure, LineLink, LineMessage, LineMessageStatus
from line_messaging.tasks import send_line_message
from tests.helpers import in_thai
from tests.service_requests.helpers import admin_url

pytestmark = pytest.mark.django_db

BUSY = ("500 Internal Server Error", {"message": "An error occurred in the server"})
RATE_LIMITED = (
    "429 Too Many Requests",
    {"message": "The API rate limit has been exceeded. Try again later."},
)
REFUSED = ("400 Bad Request", {"message": "The request body has 1 error(s)"})


def submitted(submit, committed):
    with committed():
        return submit("11")


@pytest.mark.parametrize("trouble", [BUSY, RATE_LIMITED], ids=["500", "429"])
def test_a_busy_line_is_tried_again_with_the_same_retry_key(submit, linked, line, committed, trouble):
    line.answer_pushes(trouble)
    submitted(submit, committed)

    first, second = line.pushes
    assert first["headers"]["X-Line-Retry-Key"] == second["headers"]["X-Line-Retry-Key"]
    assert first["body"] == second["body"]
    record = LineMessage.objects.get()
    assert (record.status, record.attempts, record.error) == (LineMessageStatus.SENT, 2, "")
    assert record.sent_at is not None


def test_a_message_line_already_accepted_counts_as_sent(submit, linked, line, committed):
    line.answer_pushes(
        (
            "409 Conflict",
            {"message": "The retry key is already accepted"},
            [("x-line-accepted-request-id", "abc123")],
        )
    )
    submitted(submit, committed)
    record = LineMessage.objects.get()
    assert (record.status, record.attempts, record.line_request_id) == (LineMessageStatus.SENT, 1, "abc123")


def test_a_refused_message_fails_at_once_with_lines_reason(submit, linked, line, committed):
    line.answer_pushes(REFUSED)
    service_request = submitted(submit, committed)

    assert len(line.pushes) == 1
    record = LineMessage.objects.get()
    assert (record.status, record.attempts, record.failure) == (
        LineMessageStatus.FAILED,
        1,
        LineFailure.OTHER,
    )
    assert record.error == "LINE 400: The request body has 1 error(s)"
    entry = ModelLogEntry.objects.get(action="line_messaging.failed", object_id=str(service_request.pk))
    assert entry.data["reason"] == record.error and entry.data["event"] == "submitted"


def test_line_failing_every_time_is_given_up_after_the_last_attempt(submit, linked, line, committed):
    line.answer_pushes(*[BUSY] * 10)
    submitted(submit, committed)

    assert len(line.pushes) == line_actions.MAX_ATTEMPTS
    record = LineMessage.objects.get()
    assert (record.status, record.attempts) == (LineMessageStatus.FAILED, line_actions.MAX_ATTEMPTS)
    assert record.error == "LINE 500: An error occurred in the server"


def test_line_unreachable_is_tried_again_then_given_up(submit, linked, line, committed, settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        settings.LINE_API_HOST = f"http://127.0.0.1:{closed.getsockname()[1]}"
    submitted(submit, committed)
    record = LineMessage.objects.get()
    assert (record.status, record.attempts) == (LineMessageStatus.FAILED, line_actions.MAX_ATTEMPTS)
    assert record.error.startswith("LINE could not be reached")


def test_in_the_worker_the_next_attempt_waits(submit, linked, line, committed, settings):
    """A backend that can defer (the database queue in production) gets the retry for later."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    line.answer_pushes(BUSY)
    submitted(submit, committed)
    [queued] = [r for r in default_task_backend.results if r.task.name == send_line_message.name]
    assert line.pushes == []  # nothing sent before the worker runs it

    before = timezone.now()
    send_line_message.call(*queued.args)

    [_first, retry] = [r for r in default_task_backend.results if r.task.name == send_line_message.name]
    assert retry.args == queued.args
    waits = (retry.task.run_after - before).total_seconds()
    assert line_actions.RETRY_DELAYS_SECONDS[0] - 1 <= waits <= line_actions.RETRY_DELAYS_SECONDS[0] + 5
    record = LineMessage.objects.get()
    assert (record.status, record.attempts) == (LineMessageStatus.QUEUED, 1)
    assert record.error == "LINE 500: An error occurred in the server"


def test_a_message_waiting_when_the_applicant_unlinks_is_not_sent(
    submit, user, linked, line, committed, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    submitted(submit, committed)
    [queued] = [r for r in default_task_backend.results if r.task.name == send_line_message.name]
    line_actions.unlink_line_account(actor=user, user=user)

    send_line_message.call(*queued.args)

    assert line.pushes == []
    record = LineMessage.objects.get()
    assert (record.status, record.failure, record.error) == (
        LineMessageStatus.FAILED,
        LineFailure.UNLINKED,
        "",
    )


# What officers see


def line_outcome(page) -> str:
    """The text of the "outcome" cell of the first LINE message on the process page."""
    panel = BeautifulSoup(page, "html.parser").select_one("#line-messages-content")
    return panel.select("tbody tr")[0].select("td")[2].get_text(" ", strip=True)


def wrong_token(settings):
    settings.LINE_CHANNEL_ACCESS_TOKEN = "a-token-line-does-not-know"


def blocked(settings):
    LineLink.objects.update(is_friend=False)  # LINE's unfollow event


def unlinked(settings):
    LineLink.objects.all().delete()


def unreachable(settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        settings.LINE_API_HOST = f"http://127.0.0.1:{closed.getsockname()[1]}"


@pytest.mark.parametrize(
    ("trouble", "pushes", "thai", "detail"),
    [
        (wrong_token, [], "โทเค็น", "LINE 401: Authentication failed."),
        (None, [RATE_LIMITED] * 10, "ส่งข้อความมากเกินกำหนด", "LINE 429: The API rate limit"),
        (None, [BUSY] * 10, "ระบบของ LINE ขัดข้อง", "LINE 500: An error occurred"),
        (unreachable, [], "ติดต่อระบบของ LINE ไม่ได้", "LINE could not be reached"),
        (blocked, [], "บล็อกบัญชี LINE ของสำนักงาน", None),
    ],
    ids=["401", "429", "500", "unreachable", "blocked"],
)
def test_the_officer_reads_why_in_thai_with_lines_words_after_it(
    submit, linked, line, committed, officer_for, client, settings, trouble, pushes, thai, detail
):
    if trouble:
        trouble(settings)
    line.answer_pushes(*pushes)
    service_request = submitted(submit, committed)
    assert LineMessage.objects.get().status == LineMessageStatus.FAILED
    client.force_login(officer_for("11"))

    outcome = line_outcome(client.get(admin_url("process", service_request)).content.decode())
    assert thai in outcome
    if detail:
        assert outcome.index(thai) < outcome.index("คำตอบจาก LINE: ") < outcome.index(detail)
    else:
        assert "คำตอบจาก LINE" not in outcome  # LINE was not asked
    history = BeautifulSoup(
        client.get(admin_url("history", service_request)).content.decode(), "html.parser"
    ).get_text(" ", strip=True)
    assert "ส่งข้อความ LINE ถึงผู้ยื่นคำขอไม่สำเร็จ: " in history and thai in history
    if detail:
        assert detail in history


def test_a_message_tried_again_shows_why_it_waits(
    submit, linked, line, committed, officer_for, client, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    line.answer_pushes(BUSY)
    service_request = submitted(submit, committed)
    [queued] = [r for r in default_task_backend.results if r.task.name == send_line_message.name]
    send_line_message.call(*queued.args)
    client.force_login(officer_for("11"))

    outcome = line_outcome(client.get(admin_url("process", service_request)).content.decode())
    assert in_thai("Waiting to be sent") in outcome and "ระบบของ LINE ขัดข้อง" in outcome


def test_the_process_page_lists_the_line_messages_with_their_outcome(
    submit, linked, line, committed, officer_for, client
):
    line.answer_pushes(REFUSED)
    service_request = submitted(submit, committed)
    client.force_login(officer_for("11"))

    page = client.get(admin_url("process", service_request)).content.decode()

    assert "ข้อความ LINE ถึงผู้ยื่นคำขอ" in page
    assert service_request.reference in page
    assert in_thai("Not sent") in page
    outcome = line_outcome(page)
    # A Thai reason first, LINE's own words after it as the detail.
    assert outcome.index("LINE ไม่รับข้อความนี้") < outcome.index("LINE 400: The request body has 1 error(s)")


def test_the_history_shows_each_line_message(submit, linked, line, committed, officer_for, client):
    service_request = submitted(submit, committed)
    client.force_login(officer_for("11"))

    process = client.get(admin_url("process", service_request)).content.decode()
    assert in_thai("Sent") in process
    history = client.get(admin_url("history", service_request)).content.decode()
    assert "ส่งข้อความ LINE ถึงผู้ยื่นคำขอ" in history


def test_no_line_panel_without_line_messages(submit, line, committed, officer_for, client):
    service_request = submitted(submit, committed)
    client.force_login(officer_for("11"))
    assert "ข้อความ LINE ถึงผู้ยื่นคำขอ" not in client.get(admin_url("process", service_request)).content.decode()


def test_retry_keys_differ_between_messages(submit, linked, line, committed):
    submitted(submit, committed)
    submitted(submit, committed)
    keys = {push["headers"]["X-Line-Retry-Key"] for push in line.pushes}
    assert len(keys) == 2 and all(uuid.UUID(key) for key in keys)


@pytest.mark.parametrize(
    ("recorded", "kind", "detail"),
    [
        ("The applicant has unlinked LINE", LineFailure.UNLINKED, ""),
        ("The applicant has blocked or not added the office's LINE account", LineFailure.BLOCKED, ""),
        ("LINE 401: Authentication failed.", LineFailure.TOKEN, "LINE 401: Authentication failed."),
        ("LINE 429: You have reached your monthly limit.", LineFailure.TOO_MANY, None),
        ("LINE 503 Service Unavailable", LineFailure.LINE_ERROR, None),
        ("LINE could not be reached (MaxRetryError)", LineFailure.UNREACHABLE, None),
        ("LINE 400: The request body has 1 error(s)", LineFailure.OTHER, None),
    ],
)
def test_reasons_recorded_before_the_kinds_get_their_kind(recorded, kind, detail):
    migration = importlib.import_module("line_messaging.migrations.0002_failure_kinds")
    assert migration.kind_of(recorded) == (kind, recorded if detail is None else detail)
