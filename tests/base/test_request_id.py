"""Every request has an ID, in the response and in each of its log lines, with the user's ID."""

import json
import logging

from django.http import HttpResponse
from django.test import RequestFactory

import pytest

from base.log import JsonFormatter, RequestContextFilter, json_logging
from base.request_id import RequestIdMiddleware
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_the_proxys_request_id_comes_back_in_the_response(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef")
    assert response["X-Request-ID"] == "0123456789abcdef0123456789abcdef"


def test_a_request_without_an_id_gets_one(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


@pytest.mark.parametrize("given", ['"}{"injected', "x" * 200, "short", "line\nbreak-12345"])
def test_an_id_that_could_write_into_the_logs_is_replaced(client, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32


def json_lines(records):
    formatter, context = JsonFormatter(), RequestContextFilter()
    return [json.loads(formatter.format(record)) for record in records if context.filter(record)]


def logging_view(request):
    request.user.is_authenticated  # noqa: B018 - what the authentication middleware's users do
    logging.getLogger("portal.test").warning("something worth knowing")
    return HttpResponse("ok")


def test_log_lines_carry_the_request_id_and_the_users_id_never_their_citizen_id(caplog):
    user = UserFactory()
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="abcdef0123456789")
    request.user = user
    caplog.handler.addFilter(RequestContextFilter())  # as production's handler: while it is logged
    with caplog.at_level(logging.WARNING, logger="portal.test"):
        response = RequestIdMiddleware(logging_view)(request)
    response.close()  # as the WSGI server does when it has sent it: the request is over
    [line] = json_lines(caplog.records)
    assert line["message"] == "something worth knowing"
    assert line["request_id"] == "abcdef0123456789" == response["X-Request-ID"]
    assert line["user_id"] == user.pk
    text = json.dumps(line, ensure_ascii=False)
    assert user.citizen_id not in text
    assert user.first_name not in text


def test_log_lines_outside_a_request_have_no_ids(caplog):
    with caplog.at_level(logging.WARNING, logger="portal.test"):
        logging.getLogger("portal.test").warning("from the worker")
    [line] = json_lines(caplog.records)
    assert (line["request_id"], line["user_id"]) == (None, None)


def test_an_error_is_logged_with_its_traceback(caplog):
    with caplog.at_level(logging.ERROR, logger="portal.test"):
        try:
            raise ValueError("the disk is full")
        except ValueError:
            logging.getLogger("portal.test").exception("Saving failed")
    [line] = json_lines(caplog.records)
    assert line["level"] == "ERROR"
    assert "Traceback (most recent call last)" in line["exception"]
    assert "ValueError: the disk is full" in line["exception"]


def test_a_request_logged_by_django_is_not_written_out():
    """django.request passes the request object as extra: only the listed fields are kept."""
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: /", (), None
    )
    record.request = RequestFactory().post("/", {"citizen_id": "1101700230708"})
    record.status_code = 500
    [line] = json_lines([record])
    assert line["status_code"] == 500
    assert "1101700230708" not in json.dumps(line)


def test_the_production_logging_writes_json_lines_to_stdout():
    configuration = json_logging()
    assert configuration["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    assert configuration["handlers"]["stdout"]["formatter"] == "json"
    assert configuration["root"]["handlers"] == ["stdout"]
