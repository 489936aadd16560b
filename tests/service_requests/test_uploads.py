"""Attachments: png, jpg or pdf only, judged by content, at most 5 MB; images that decode
completely, at most 40 megapixels; PDFs that parse completely and cannot run anything; refused
ones leave nothing."""

import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import escape

import pytest
from PIL import Image, ImageFile

from service_requests import actions
from service_requests.models import Attachment, ServiceRequest
from service_requests.uploads import MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, MESSAGES, check_upload
from tests.factories.service_requests import (
    contact_of,
    details_for,
    docx_bytes,
    form_data,
    jpg_bytes,
    pdf_bytes,
    png_bytes,
    png_upload,
    upload,
)
from tests.helpers import in_thai
from tests.service_requests.conftest import files_under
from tests.service_requests.hostile_files import GOOD, HOSTILE

CERTIFICATE_URL = "/services/certificate/"
FIVE_MB = 5 * 1024 * 1024
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

# (what it is, file name, bytes, the refusal's code)
REFUSED = [
    ("a PNG renamed .pdf", "บัตรประชาชน.pdf", png_bytes(), "mismatch"),
    ("an HTML file named .png", "บัตรประชาชน.png", HTML, "not_really"),
    ("random bytes named .jpg", "บัตรประชาชน.jpg", b"not a picture at all", "not_really"),
    ("text named .pdf", "บัตรประชาชน.pdf", b"hello", "not_really"),
    ("an SVG", "บัตรประชาชน.svg", SVG, "wrong_type"),
    ("an empty file", "บัตรประชาชน.pdf", b"", "empty"),
    ("a PDF of 5 MB + 1 byte", "บัตรประชาชน.pdf", pdf_bytes(FIVE_MB + 1), "too_large"),
    ("a .docx", "บัตรประชาชน.docx", docx_bytes(), "wrong_type"),
]
ACCEPTED = [
    ("a real png", "บัตรประชาชน.png", png_bytes(), "image/png"),
    ("a real jpg", "บัตรประชาชน.jpg", jpg_bytes(), "image/jpeg"),
    ("a pdf of exactly 5 MB", "บัตรประชาชน.pdf", pdf_bytes(FIVE_MB), "application/pdf"),
]
REFUSED_IDS = [case[0] for case in REFUSED]
ACCEPTED_IDS = [case[0] for case in ACCEPTED]


def thai_message(code, name):
    """The Thai text a refusal shows (an empty file is refused by Django's own file field)."""
    if code == "empty":
        return in_thai(forms.FileField.default_error_messages["empty"])
    return in_thai(MESSAGES[code]) % {"extension": name.rsplit(".", 1)[-1]}


def test_the_limit_is_five_megabytes():
    assert MAX_UPLOAD_BYTES == FIVE_MB


# The check itself


@pytest.mark.parametrize(("case", "name", "content", "code"), REFUSED, ids=REFUSED_IDS)
def test_the_check_refuses(case, name, content, code):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))
    assert refused.value.code == code


@pytest.mark.parametrize(("case", "name", "content", "content_type"), ACCEPTED, ids=ACCEPTED_IDS)
def test_the_check_accepts(case, name, content, content_type):
    assert check_upload(upload(name, content)).content_type == content_type


def test_the_check_judges_the_content_not_the_browsers_content_type():
    with pytest.raises(ValidationError):
        check_upload(upload("บัตร.png", HTML, content_type="image/png"))


def test_a_jpg_may_be_named_jpeg():
    assert check_upload(upload("บัตร.jpeg", jpg_bytes())).extension == "jpg"


def test_a_damaged_image_is_refused():
    damaged = png_bytes()[:40]
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("บัตร.png", damaged))
    assert refused.value.code == "damaged"


# Through the certificate page's form


@pytest.fixture
def post_certificate(client, user, page_tree):
    """Send the certificate form, logged in as the applicant, with one file in the ID-card slot."""
    client.force_login(user)

    def post(name, content, **changes):
        data = form_data("12", user, **changes)
        data["files-id_card_copy"] = upload(name, content)
        return client.post(CERTIFICATE_URL, data)

    return post


@pytest.mark.parametrize(("case", "name", "content", "code"), REFUSED, ids=REFUSED_IDS)
def test_a_refused_file_gets_its_thai_message_on_its_field(post_certificate, case, name, content, code):
    response = post_certificate(name, content)
    assert response.status_code == 200
    errors = response.context["request_forms"].attachments.errors["id_card_copy"]
    assert errors == [thai_message(code, name)]
    assert escape(thai_message(code, name)) in response.content.decode()


@pytest.mark.parametrize(("case", "name", "content", "code"), REFUSED, ids=REFUSED_IDS)
def test_a_refused_file_keeps_what_the_applicant_typed(post_certificate, case, name, content, code):
    response = post_certificate(name, content, **{"details-purpose": "ยื่นประกอบการขอวีซ่า"})
    page = response.content.decode()
    assert 'value="ยื่นประกอบการขอวีซ่า"' in page
    assert 'value="โรงเรียนบ้านหนองบัว"' in page
    assert 'value="32150.00"' in page


@pytest.mark.parametrize(("case", "name", "content", "code"), REFUSED, ids=REFUSED_IDS)
def test_a_refused_file_leaves_nothing_behind(post_certificate, private_files, case, name, content, code):
    post_certificate(name, content)
    assert private_files() == []
    assert not ServiceRequest.objects.exists()
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(("case", "name", "content", "content_type"), ACCEPTED, ids=ACCEPTED_IDS)
def test_an_accepted_file_is_stored_with_the_request(post_certificate, case, name, content, content_type):
    response = post_certificate(name, content)
    service_request = ServiceRequest.objects.get()
    assert response.status_code == 302
    assert response.url == f"/my/requests/{service_request.reference}/submitted/"
    attachment = service_request.attachments.get(slot="id_card_copy")
    assert attachment.content_type == content_type
    assert attachment.size == len(content)
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


# Where and under which names files are stored


def test_stored_names_are_generated(post_certificate):
    post_certificate("สำเนาบัตรประชาชน วิลัยวรรณ.png", png_bytes())
    attachment = Attachment.objects.get()
    assert re.fullmatch(r"attachments/[0-9a-f]{32}\.png", attachment.file.name)
    assert attachment.original_name == "สำเนาบัตรประชาชน วิลัยวรรณ.png"


def test_files_are_stored_in_the_private_storage_never_under_media_root(post_certificate):
    content = png_bytes(colour=(1, 2, 3))
    post_certificate("บัตร.png", content)
    attachment = Attachment.objects.get()
    stored = Path(attachment.file.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    media_root = Path(settings.MEDIA_ROOT)
    assert all((media_root / name).read_bytes() != content for name in files_under(media_root))


def test_a_request_with_a_refused_second_file_keeps_neither(submit, private_files):
    # The first slot's file is written before the second is checked: both must go.
    with pytest.raises(ValidationError):
        submit("11", attachments={"id_card_copy": png_upload(), "other_1": upload("page.png", HTML)})
    assert private_files() == []
    assert not ServiceRequest.objects.exists()


def test_the_action_refuses_a_request_without_the_required_id_card_copy(user, private_files):
    with pytest.raises(ValidationError):
        actions.submit_request(
            applicant=user,
            service_code="11",
            contact=contact_of(user),
            details=details_for("11"),
            attachments={"other_1": png_upload()},
            submission_key="0f9b0c1e-38a4-4c8d-8a0e-2d6f0f7c1a11",
        )
    assert not ServiceRequest.objects.exists()
    assert private_files() == []


# The hostile corpus (tests/service_requests/hostile_files.py): every file refused with its own
# message, by the check and through the applicant's form, and nothing of it stored.

HOSTILE_IDS = [hostile.attack for hostile in HOSTILE]
# A few of each kind through the real form post (the rest through the check alone: same code path).
THROUGH_THE_FORM = [
    hostile
    for hostile in HOSTILE
    if hostile.attack
    in {
        "PDF cut in half",
        "PDF script on open",
        "PDF page action",
        "PDF embedded program",
        "PDF XFA form",
        "PNG of 144 megapixels",
        "JPEG cut in half",
    }
]
GOOD_IDS = [good[0] for good in GOOD]


def test_the_hostile_corpus_has_at_least_fifteen_files_of_every_kind():
    assert len(HOSTILE) >= 15
    assert {hostile.code for hostile in HOSTILE} >= {
        "pdf_damaged",
        "pdf_encrypted",
        "pdf_active",
        "pdf_embedded",
        "too_many_pixels",
        "damaged",
    }


@pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)
def test_the_check_refuses_each_hostile_file_with_its_message(hostile):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(hostile.name, hostile.content))
    assert refused.value.code == hostile.code
    assert in_thai(refused.value.messages[0]) == in_thai(MESSAGES[hostile.code])
    assert re.search("[\u0e00-\u0e7f]", in_thai(MESSAGES[hostile.code]))  # translated


@pytest.mark.parametrize("hostile", THROUGH_THE_FORM, ids=[hostile.attack for hostile in THROUGH_THE_FORM])
def test_a_hostile_file_sent_through_the_form_is_refused_and_not_stored(
    post_certificate, private_files, hostile
):
    response = post_certificate(hostile.name, hostile.content)
    assert response.status_code == 200
    message = in_thai(MESSAGES[hostile.code])
    assert response.context["request_forms"].attachments.errors["id_card_copy"] == [message]
    assert escape(message) in response.content.decode()
    assert private_files() == []
    assert not Attachment.objects.exists()
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize(("case", "name", "make", "content_type"), GOOD, ids=GOOD_IDS)
def test_the_check_accepts_good_files(case, name, make, content_type):
    assert check_upload(upload(name, make())).content_type == content_type


@pytest.mark.parametrize(("case", "name", "make", "content_type"), GOOD[:3], ids=GOOD_IDS[:3])
def test_good_files_are_stored_through_the_form(post_certificate, case, name, make, content_type):
    response = post_certificate(name, make())
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == content_type
    assert attachment.original_name == name


def test_pillow_refuses_more_than_twice_the_limit_anywhere_and_never_loads_cut_images():
    # Set at start-up: the officers' bundle and any other Pillow use are bounded too, and
    # WeasyPrint's process-wide LOAD_TRUNCATED_IMAGES is turned off again.
    assert Image.MAX_IMAGE_PIXELS == MAX_IMAGE_PIXELS == 40_000_000
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
