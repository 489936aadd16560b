"""LINE against its stand-in on 127.0.0.1 (line_stand_in.py): the portal's LINE Login client and the
SDK's Messaging API client talk HTTP to it; nothing of ours is mocked. The request fixtures (filing
through the real action, officers) come from the service_requests tests."""

import pytest

from line_messaging import actions
from tests.line_messaging.line_stand_in import (
    CHANNEL_ACCESS_TOKEN,
    CHANNEL_SECRET,
    LOGIN_CHANNEL_ID,
    LOGIN_CHANNEL_SECRET,
    LineStandIn,
)
from tests.service_requests.conftest import (  # noqa: F401 (fixtures)
    empty_private_storage,
    officer_for,
    other_applicant,
    private_files,
    private_media_root,
    request_in,
    submit,
)


@pytest.fixture(scope="session")
def running_line():
    stand_in = LineStandIn().start()
    yield stand_in
    stand_in.stop()


@pytest.fixture
def line(running_line, settings):
    """LINE configured, both hosts the stand-in's."""
    settings.LINE_LOGIN_CHANNEL_ID = LOGIN_CHANNEL_ID
    settings.LINE_LOGIN_CHANNEL_SECRET = LOGIN_CHANNEL_SECRET
    settings.LINE_CHANNEL_SECRET = CHANNEL_SECRET
    settings.LINE_CHANNEL_ACCESS_TOKEN = CHANNEL_ACCESS_TOKEN
    settings.LINE_API_HOST = settings.LINE_ACCESS_HOST = running_line.url
    running_line.reset()
    yield running_line
    running_line.reset()


@pytest.fixture
def linked(user, line):
    """The applicant (`user`) has linked their LINE account."""
    return actions.link_line_account(actor=user, user=user, line_user_id=line.line_user_id, is_friend=True)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the actions schedule for after the commit (the test's transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
