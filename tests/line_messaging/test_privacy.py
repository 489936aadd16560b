"""The applicant's LINE link in their copy of their data, and gone with their account."""

import io
import json
import zipfile

from wagtail.models import ModelLogEntry

import pytest

from line_messaging.models import LineLink
from privacy.models import DataExport
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

EXPORT_URL = "/my/privacy/export/"


def copy_of_data(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EXPORT_URL)
    export = DataExport.objects.get(applicant=user)
    with export.file.open("rb") as stored:
        archive = zipfile.ZipFile(io.BytesIO(stored.read()))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_copy_of_ones_data_holds_the_line_link(client, user, linked, django_capture_on_commit_callbacks):
    entries = copy_of_data(client, user, django_capture_on_commit_callbacks)
    data = json.loads(entries["line.json"])
    assert data["line_user_id"] == linked.line_user_id
    assert data["is_friend"] is True and data["linked_at"]
    assert "line.json" in entries["README.txt"].decode()


def test_without_a_link_the_copy_has_no_line_file(client, user, line, django_capture_on_commit_callbacks):
    entries = copy_of_data(client, user, django_capture_on_commit_callbacks)
    assert "line.json" not in entries
    assert "line.json" in entries["README.txt"].decode()  # the README says what it would be


def test_closing_the_account_forgets_the_line_user_id(client, user, linked):
    client.force_login(user)
    response = client.post("/my/privacy/delete/", {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active
    assert not LineLink.objects.exists()
    assert ModelLogEntry.objects.filter(action="line_messaging.unlink", object_id=str(user.pk)).exists()
