"""Deleting a request or an attachment in any way (one row, a queryset, a cascade, a new file in
its place) deletes its file from the private storage, after the commit (django-cleanup)."""

from django.db import transaction

import pytest

from service_requests.models import Attachment, ServiceRequest
from tests.factories.service_requests import attach_reply, pdf_bytes


@pytest.fixture
def filed(submit):
    service_request = submit("12")
    return attach_reply(ServiceRequest.objects.get(pk=service_request.pk), pdf_bytes())


def names(service_request):
    return sorted(
        [a.file.name for a in service_request.attachments.all()] + [service_request.reply_file.name]
    )


def test_deleting_an_attachment_deletes_its_file_after_the_commit(
    filed, private_files, django_capture_on_commit_callbacks
):
    attachment = filed.attachments.first()
    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
        assert attachment.file.name in private_files()  # not before the commit
    assert attachment.file.name not in private_files()


def test_a_queryset_delete_deletes_the_files(filed, private_files, django_capture_on_commit_callbacks):
    stored = [a.file.name for a in filed.attachments.all()]
    with django_capture_on_commit_callbacks(execute=True):
        Attachment.objects.filter(request=filed).delete()
    assert not set(stored) & set(private_files())


def test_deleting_a_request_deletes_its_reply_file_and_its_attachments_files(
    filed, private_files, django_capture_on_commit_callbacks
):
    stored = names(filed)
    assert set(stored) <= set(private_files())
    with django_capture_on_commit_callbacks(execute=True):
        ServiceRequest.objects.filter(pk=filed.pk).delete()  # the attachments go by cascade
    assert private_files() == []


def test_a_rolled_back_delete_keeps_the_files(filed, private_files, django_capture_on_commit_callbacks):
    stored, pk = names(filed), filed.pk
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        filed.delete()
        raise RuntimeError
    assert set(stored) <= set(private_files())
    assert ServiceRequest.objects.filter(pk=pk).exists()


def test_a_new_file_in_its_place_deletes_the_old_one(
    filed, private_files, django_capture_on_commit_callbacks
):
    old = filed.reply_file.name
    with django_capture_on_commit_callbacks(execute=True):
        attach_reply(ServiceRequest.objects.get(pk=filed.pk), pdf_bytes())
    filed.refresh_from_db()
    assert old not in private_files()
    assert filed.reply_file.name in private_files()
