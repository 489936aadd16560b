"""manage.py backup_portal and restore_portal on the test database: SQLite's online backup when the
suite runs on SQLite, pg_dump / pg_restore when it runs on PostgreSQL (CI runs both).

Committed for real (transaction=True): the dump is read by another program (pg_dump) or through
SQLite's backup API, and the restore replaces the whole database. serialized_rollback brings back
what the migrations made for the tests after these."""

import datetime
import json
import shutil
import uuid
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.documents.models import Document

import pytest

from backups import archive
from service_requests import actions
from service_requests.models import Attachment, ServiceRequest
from tests.factories.accounts import UserFactory
from tests.factories.home import DocumentFactory
from tests.factories.service_requests import attach_reply, attachments_for, contact_of, details_for, pdf_bytes
from tests.s3 import object_names, private_storage_in, s3_server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def empty_storages():
    """Both storages start empty, so the backup holds exactly what the test made."""
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(root, ignore_errors=True)
        Path(root).mkdir(parents=True, exist_ok=True)


@pytest.fixture
def portal_data():
    """Two requests with their attachments (one with an officer's reply) and a public document."""
    requests = []
    for _ in range(2):
        applicant = UserFactory()
        requests.append(
            actions.submit_request(
                applicant=applicant,
                service_code="11",
                contact=contact_of(applicant),
                details=details_for("11"),
                attachments=attachments_for("11"),
                submission_key=uuid.uuid4(),
            )
        )
    attach_reply(requests[0], pdf_bytes())
    document = DocumentFactory(title="คู่มือการขอหนังสือรับรอง")
    return requests, document


def run(command, *arguments):
    out, err = StringIO(), StringIO()
    call_command(command, *arguments, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def stored_files():
    """{(storage, name): bytes} of everything in both storages."""
    found = {}
    for alias in archive.STORAGE_ALIASES:
        root = Path(storages[alias].location)
        for path in root.rglob("*"):
            if path.is_file():
                found[(alias, path.relative_to(root).as_posix())] = path.read_bytes()
    return found


def back_up(tmp_path):
    output, _ = run("backup_portal", "--to", str(tmp_path / "backups"))
    folder = Path(output.strip().splitlines()[-1])
    return folder, json.loads((folder / "manifest.json").read_text()), output


def wipe():
    """What a lost server leaves: no rows in any table, no files."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(root)
    assert not ServiceRequest.objects.exists()
    assert stored_files() == {}


def test_a_backup_brings_back_the_requests_files_and_documents_after_a_wipe(tmp_path, portal_data):
    requests, document = portal_data
    before = stored_files()
    references = sorted(request.reference for request in requests)

    folder, manifest, output = back_up(tmp_path)

    assert folder.parent == tmp_path / "backups"
    assert folder.name.startswith("oss-portal-")
    assert "private storage: 5 files" in output  # 2 × (ID card + PDF) + the reply
    assert "default storage: 1 files" in output
    dump = manifest["database"]
    assert dump["engine"] == connection.vendor
    dump_bytes = (folder / dump["dump"]).read_bytes()
    # pg_dump's custom format, or an SQLite database file.
    assert dump_bytes.startswith(b"PGDMP" if connection.vendor == "postgresql" else b"SQLite format 3\0")
    assert dump["tables"][ServiceRequest._meta.db_table] == 2
    assert dump["tables"][Attachment._meta.db_table] == 4
    assert dump["tables"][Document._meta.db_table] == 1
    assert {(entry["storage"], entry["name"]) for entry in manifest["files"]} == set(before)
    assert manifest["app_version"] == archive.app_version() != ""
    assert manifest["files_vanished"] == 0

    wipe()
    output, _ = run("restore_portal", "--from", str(folder), "--yes")

    assert "Every table's row count and every file's checksum match the backup." in output
    assert sorted(ServiceRequest.objects.values_list("reference", flat=True)) == references
    assert stored_files() == before
    restored = ServiceRequest.objects.get(pk=requests[0].pk)
    assert restored.reply_file.read() == pdf_bytes()
    for attachment in restored.attachments.all():
        assert attachment.file.read() == before[("private", attachment.file.name)]
    assert Document.objects.get(pk=document.pk).file.read() == before[("default", document.file.name)]


def test_a_damaged_file_in_the_backup_is_refused_before_anything_is_restored(tmp_path, portal_data):
    requests, _ = portal_data
    folder, manifest, _ = back_up(tmp_path)
    damaged = next(entry for entry in manifest["files"] if entry["storage"] == "private")
    path = folder / "files" / "private" / damaged["name"]
    path.write_bytes(path.read_bytes()[:-1] + b"!")
    requests[1].delete()

    with pytest.raises(CommandError, match="damaged or incomplete"):
        out, err = StringIO(), StringIO()
        try:
            call_command("restore_portal", "--from", str(folder), "--yes", stdout=out, stderr=err)
        finally:
            assert f"private:{damaged['name']}: damaged" in err.getvalue()

    # Nothing was put back: the deleted request stays deleted.
    assert list(ServiceRequest.objects.values_list("pk", flat=True)) == [requests[0].pk]


def test_a_missing_dump_is_refused(tmp_path, portal_data):
    folder, manifest, _ = back_up(tmp_path)
    (folder / manifest["database"]["dump"]).unlink()

    with pytest.raises(CommandError, match="damaged or incomplete"):
        run("restore_portal", "--from", str(folder), "--yes")


def test_restoring_over_a_database_with_data_needs_yes(tmp_path, portal_data):
    requests, _ = portal_data
    folder, _, _ = back_up(tmp_path)
    requests[1].delete()

    with pytest.raises(CommandError, match="Not restoring: the database has tables.*--yes"):
        run("restore_portal", "--from", str(folder))

    assert ServiceRequest.objects.count() == 1
    run("restore_portal", "--from", str(folder), "--yes")
    assert ServiceRequest.objects.count() == 2


def test_a_restore_that_does_not_match_the_manifest_fails(tmp_path, portal_data):
    folder, manifest, _ = back_up(tmp_path)
    # A manifest claiming a row the dump does not hold: the comparison after the restore sees it.
    manifest["database"]["tables"][ServiceRequest._meta.db_table] = 3
    (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="does not match the backup"):
        out, err = StringIO(), StringIO()
        try:
            call_command("restore_portal", "--from", str(folder), "--yes", stdout=out, stderr=err)
        finally:
            assert f"table {ServiceRequest._meta.db_table}: 2 rows, the backup has 3" in err.getvalue()


def test_a_manifest_cannot_point_outside_its_backup(tmp_path, portal_data):
    folder, manifest, _ = back_up(tmp_path)
    manifest["files"][0]["name"] = "../../etc/passwd"
    (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="damaged or incomplete"):
        run("restore_portal", "--from", str(folder), "--yes")


def test_a_malformed_manifest_is_refused(tmp_path, portal_data):
    folder, manifest, _ = back_up(tmp_path)
    del manifest["files"]
    (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="damaged or incomplete"):
        out, err = StringIO(), StringIO()
        try:
            call_command("restore_portal", "--from", str(folder), "--yes", stdout=out, stderr=err)
        finally:
            assert "manifest.json is malformed" in err.getvalue()


def test_from_a_folder_of_backups_the_newest_is_restored_and_keep_deletes_the_oldest(tmp_path, portal_data):
    requests, _ = portal_data
    destination = tmp_path / "backups"
    older, _ = archive.create_backup(destination, now=archive_moment("20261128T021500"))
    requests[1].delete()
    newest, _ = archive.create_backup(destination, now=archive_moment("20261129T021500"))
    (destination / ".oss-portal-20261130T021500Z.partial").mkdir()  # an unfinished one

    run("restore_portal", "--from", str(destination), "--yes")
    assert ServiceRequest.objects.count() == 1

    output, _ = run("backup_portal", "--to", str(destination), "--keep", "2")
    assert f"Deleted the old backup {older}" in output
    kept = sorted(path.name for path in destination.glob("oss-portal-*"))
    assert kept[0] == newest.name
    assert len(kept) == 2


def test_a_backup_copied_to_a_bucket_and_back_restores(tmp_path, portal_data):
    """What --to s3://bucket/prefix does, with a file-system storage standing for the bucket."""
    requests, _ = portal_data
    bucket = FileSystemStorage(location=tmp_path / "bucket")
    folder, manifest = archive.create_backup(tmp_path / "local")
    archive.upload(folder, bucket, "daily")
    requests[1].delete()

    copy = archive.download(bucket, "daily", tmp_path / "downloaded")

    assert copy.name == folder.name
    restored_manifest, problems = archive.verify_backup(copy)
    assert (problems, restored_manifest) == ([], manifest)
    run("restore_portal", "--from", str(copy), "--yes")
    assert ServiceRequest.objects.count() == 2


def test_backups_in_a_bucket_use_the_private_storages_s3_service(tmp_path, settings):
    """Production's private storage (PrivateS3Storage) on an S3 service of the office's own (here
    moto's server on 127.0.0.1): `--to s3://…` and `--from s3://…` reach that service with its
    endpoint and keys, not AWS."""
    with s3_server("oss-private", "oss-backups") as s3:
        private_storage_in(settings, s3.endpoint, "oss-private")
        name = storages["private"].save("attachments/id-card.pdf", ContentFile(pdf_bytes()))
        requests_before = ServiceRequest.objects.count()

        output, _ = run("backup_portal", "--to", "s3://oss-backups/daily")

        assert "private storage: 1 files" in output
        backed_up = object_names(s3.client, "oss-backups")
        assert backed_up and all(key.startswith("daily/oss-portal-") for key in backed_up)
        assert any(key.endswith("/manifest.json") for key in backed_up)
        storages["private"].delete(name)
        assert object_names(s3.client, "oss-private") == []

        output, _ = run("restore_portal", "--from", "s3://oss-backups/daily", "--yes")

        assert "Every table's row count and every file's checksum match the backup." in output
        assert object_names(s3.client, "oss-private") == [f"private/{name}"]
        with storages["private"].open(name, "rb") as restored:
            assert restored.read() == pdf_bytes()
        assert ServiceRequest.objects.count() == requests_before


def test_a_bucket_the_s3_service_does_not_have_is_a_clear_failure(settings):
    with s3_server("oss-private") as s3:
        private_storage_in(settings, s3.endpoint, "oss-private")
        with pytest.raises(CommandError, match="Backup failed: .*NoSuchBucket"):
            run("backup_portal", "--to", "s3://no-such-bucket/daily")


def archive_moment(stamp):
    return datetime.datetime.strptime(stamp + "+0000", "%Y%m%dT%H%M%S%z")
