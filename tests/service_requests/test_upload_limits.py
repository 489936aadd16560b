"""The body of a form that takes files is capped by its number of files (5 MB each plus a margin):
a body over it is answered on the form, in Thai, without any of its files being kept. Long file
names are shortened, never answered with HTTP 400."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

import pytest

from service_requests import upload_limits
from service_requests.models import Attachment, ServiceRequest
from service_requests.uploads import MESSAGES, UnreceivedUpload, shortened_name
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import form_data, png_bytes, upload
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

CERTIFICATE_URL = "/services/certificate/"
MB = 1024 * 1024
SIXTEEN_MB = b"\x00" * (16 * MB)


def too_large_message(file_count):
    return in_thai(MESSAGES["body_too_large"]) % {"megabytes": file_count * 5}


@pytest.fixture
def handled_bytes(monkeypatch):
    """Bytes that reached Django's own upload handlers (memory or a temporary file on disk)."""
    received = []
    for handler in (upload_limits.MemoryFileUploadHandler, upload_limits.TemporaryFileUploadHandler):
        original = handler.receive_data_chunk

        def counting(self, raw_data, start, original=original):
            received.append(len(raw_data))
            return original(self, raw_data, start)

        monkeypatch.setattr(handler, "receive_data_chunk", counting)
    return received


def test_a_form_s_limit_is_its_files_at_five_megabytes_plus_a_margin():
    assert upload_limits.body_limit(3) == 15 * MB + upload_limits.FORM_MARGIN_BYTES
    assert upload_limits.FORM_MARGIN_BYTES <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_the_nginx_site_gets_the_limit_of_the_largest_body():
    """deploy/site.env fills client_max_body_size in deploy/nginx/oss-portal.conf."""
    site_values = (Path(settings.BASE_DIR) / "deploy/site.env").read_text(encoding="utf-8")
    stated = int(re.search(r"^REQUEST_BODY_MAX_MB=(\d+)$", site_values, re.M).group(1))
    assert stated == upload_limits.proxy_body_limit_megabytes()
    assert stated * MB >= upload_limits.largest_body_limit()
    assert stated * MB >= settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


# The applicant's service form


@pytest.fixture
def logged_in(client, user, page_tree):
    client.force_login(user)
    return client


def test_a_body_over_the_form_s_limit_keeps_no_file_and_says_why_on_the_form(
    logged_in, user, handled_bytes, private_files
):
    data = form_data("12", user, **{"details-purpose": "ยื่นประกอบการขอวีซ่า"})
    data["files-id_card_copy"] = upload("บัตรประชาชน.pdf", SIXTEEN_MB)

    response = logged_in.post(CERTIFICATE_URL, data)

    assert response.status_code == 200
    assert isinstance(response.wsgi_request.FILES["files-id_card_copy"], UnreceivedUpload)
    assert sum(handled_bytes) == 0  # not a byte in memory or on disk
    message = too_large_message(3)
    assert response.context["request_forms"].attachments.errors["id_card_copy"] == [message]
    page = response.content.decode()
    assert escape(message) in page
    assert 'value="ยื่นประกอบการขอวีซ่า"' in page  # the text fields were read
    assert private_files() == []
    assert not ServiceRequest.objects.exists()


def test_a_body_within_the_limit_is_read_as_usual(logged_in, user, handled_bytes):
    data = form_data("12", user)
    data["files-id_card_copy"] = upload("บัตรประชาชน.png", png_bytes())
    response = logged_in.post(CERTIFICATE_URL, data)
    assert response.status_code == 302
    assert sum(handled_bytes) == len(png_bytes())


def test_a_thousand_character_file_name_is_shortened_keeping_its_extension(logged_in, user):
    data = form_data("12", user)
    long_name = io.BytesIO(png_bytes())
    long_name.name = "สำเนาบัตรประชาชน" * 63 + ".png"  # 1,012 Thai characters, 3 KB in UTF-8
    data["files-id_card_copy"] = long_name

    response = logged_in.post(CERTIFICATE_URL, data)

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert len(attachment.original_name) == 255
    assert attachment.original_name.endswith(".png")
    assert attachment.original_name.startswith("สำเนาบัตรประชาชน")


def test_a_file_name_too_long_to_read_gets_the_form_again_with_a_message(logged_in, user):
    data = form_data("12", user)
    endless_name = io.BytesIO(png_bytes())
    endless_name.name = "ก" * 6000 + ".png"  # 18 KB of part header
    data["files-id_card_copy"] = endless_name

    response = logged_in.post(CERTIFICATE_URL, data)

    assert response.status_code == 302
    assert response.url == CERTIFICATE_URL
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown == [
        in_thai(
            "The form could not be read, perhaps because of a very long file name. Please rename "
            "the file to a shorter name and send the form again."
        )
    ]
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize(
    ("name", "shortened"),
    [
        ("บัตร.png", "บัตร.png"),
        ("ก" * 300 + ".jpeg", "ก" * 250 + ".jpeg"),
        ("ก" * 300, "ก" * 255),
        ("a." + "ก" * 300, "a_" + "ก" * 253),  # no real extension: never a long temporary suffix
        ("สำเนา." + "ก" * 20, "สำเนา_" + "ก" * 20),
        (".png", ".png"),
    ],
)
def test_names_are_shortened_to_255_characters_keeping_a_real_extension(name, shortened):
    assert shortened_name(name) == shortened


# The applicant's edit form and the officer's reply file


def test_the_edit_form_is_capped_by_its_service_s_files(
    logged_in, user, request_in, handled_bytes, private_files
):
    service_request = request_in(RequestStatus.RETURNED, service_code="11")
    stored = private_files()
    data = form_data("11", user, submission_key=service_request.submission_key)
    data["files-id_card_copy"] = upload("บัตรประชาชน.png", SIXTEEN_MB)

    response = logged_in.post(reverse("service_requests:edit", args=[service_request.reference]), data)

    assert response.status_code == 200
    assert response.context["request_forms"].attachments.errors["id_card_copy"] == [too_large_message(3)]
    assert sum(handled_bytes) == 0
    assert private_files() == stored
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RETURNED


def test_the_officer_s_reply_file_is_capped_at_one_file(
    client, request_in, officer_for, handled_bytes, private_files
):
    service_request = request_in(RequestStatus.IN_PROGRESS, service_code="11")
    stored = private_files()
    client.force_login(officer_for("11"))
    six_mb = upload("หนังสือรับรอง.pdf", b"%PDF-" + b"\x00" * (6 * MB))

    response = client.post(
        reverse("service_request_admin:process", args=[service_request.pk]),
        {"to_status": "completed", "message": "", "reply_file": six_mb, "confirm_final": "on"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["reply_file"] == [too_large_message(1)]
    assert sum(handled_bytes) == 0
    assert private_files() == stored
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.IN_PROGRESS
