"""Uploads by applicants are private; what editors publish is public."""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages

import pytest

from service_requests.storage import private_storage
from tests.factories.home import DocumentFactory


def test_private_files_are_stored_outside_the_public_media_folder():
    private_location = Path(storages["private"].location).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert not private_location.is_relative_to(media_root)
    assert not media_root.is_relative_to(private_location)


def test_a_private_file_has_no_url():
    storage = private_storage()
    name = storage.save("requests/id-card.pdf", ContentFile(b"%PDF-1.4\n"))
    try:
        with pytest.raises(ValueError):
            storage.url(name)
    finally:
        storage.delete(name)


def test_a_private_file_is_written_under_the_private_root():
    storage = private_storage()
    name = storage.save("requests/pay-slip.pdf", ContentFile(b"%PDF-1.4\n"))
    try:
        path = Path(storage.path(name)).resolve()
        assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
        assert path.read_bytes() == b"%PDF-1.4\n"
    finally:
        storage.delete(name)


def test_public_media_have_a_url_under_media_url():
    assert default_storage.url("documents/manual.pdf") == f"{settings.MEDIA_URL}documents/manual.pdf"


@pytest.mark.django_db
def test_wagtail_documents_are_public(client):
    document = DocumentFactory(title="คู่มือการขอมีบัตร")
    assert document.file.url.startswith(settings.MEDIA_URL)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n%%EOF\n"
