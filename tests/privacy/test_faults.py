"""The data rights' pages when something fails (base/faults.py): deleting the account on a
locked database says so in Thai and deletes nothing; a copy whose file is gone is a Thai 404."""

from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

import pytest

from base.faults import DATABASE_MESSAGE
from privacy.models import DataExport
from tests.factories.privacy import DataExportFactory
from tests.faults import database_locked, fault_records
from tests.helpers import in_thai


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deleting_the_account_on_a_locked_database_deletes_nothing(client, page_tree, user, password, caplog):
    client.force_login(user)
    with database_locked("accounts_user"):
        response = client.post(reverse("privacy:delete_account"), {"password": password, "confirm": "on"})
    assert response.status_code == 503
    assert escape(in_thai(DATABASE_MESSAGE)) in response.content.decode()
    user.refresh_from_db()
    assert user.is_active
    assert fault_records(caplog)


@pytest.mark.django_db
def test_a_copy_whose_file_is_gone_is_a_thai_file_not_found(
    client, page_tree, user, caplog, private_media_root
):
    now = timezone.now()
    export = DataExportFactory(
        applicant=user, status=DataExport.Status.READY, finished_at=now, expires_at=now + timedelta(hours=24)
    )
    export.file.save("copy.zip", ContentFile(b"PK"), save=True)
    Path(export.file.path).unlink()
    client.force_login(user)
    response = client.get(reverse("privacy:export_download", args=[export.key]))
    assert response.status_code == 404
    assert "ไม่พบไฟล์" in response.content.decode()
    assert fault_records(caplog)
