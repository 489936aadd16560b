"""One definition of what a private download sends (service_requests.downloads) and of the
content type a stored file is served with (uploads.ACCEPTED_TYPES)."""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile

import pytest

from service_requests.downloads import content_download, file_download
from service_requests.models import ServiceRequest
from service_requests.uploads import ACCEPTED_TYPES, content_type_for

from .helpers import downloaded

HEADERS = ("no-store", "nosniff")


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("reply.pdf", "application/pdf"),
        ("reply.png", "image/png"),
        ("reply.jpg", "image/jpeg"),
        ("scan.JPEG", "image/jpeg"),
        ("reply.html", "application/octet-stream"),
        ("reply", "application/octet-stream"),
    ],
)
def test_a_stored_name_s_content_type_comes_from_the_accepted_types(name, content_type):
    assert content_type_for(name) == content_type


def test_every_accepted_type_is_served_as_itself():
    for accepted in ACCEPTED_TYPES.values():
        assert {content_type_for(f"x.{name}") for name in accepted.names} == {accepted.content_type}


@pytest.mark.django_db  # closing a response closes old database connections
def test_a_stored_file_downloads_as_a_private_attachment():
    reply_field = ServiceRequest._meta.get_field("reply_file")
    name = reply_field.storage.save("replies/reply.png", ContentFile(b"\x89PNG"))
    field_file = FieldFile(None, reply_field, name)

    response = file_download(field_file, "หนังสือรับรอง.png")

    assert downloaded(response) == b"\x89PNG"
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (response["Cache-Control"], response["X-Content-Type-Options"]) == HEADERS
    reply_field.storage.delete(name)


def test_made_content_downloads_as_a_private_attachment():
    response = content_download(b"BEGIN:VCALENDAR", "1120250331111014.ics", "text/calendar; charset=utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="1120250331111014.ics"'
    assert (response["Cache-Control"], response["X-Content-Type-Options"]) == HEADERS


def test_no_other_module_sets_the_download_headers():
    # The applicants' downloads, the calendar file and the printing app's PDFs all use downloads.py.
    sources = [
        path
        for app in ("service_requests", "printing")
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
        if path.name != "downloads.py"
    ]
    assert [str(path) for path in sources if "nosniff" in path.read_text(encoding="utf-8")] == []
