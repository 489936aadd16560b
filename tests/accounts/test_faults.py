"""Registration and the profile on a database that stays locked (base/faults.py): a Thai
message, 503, the form again with what was typed, nothing saved, the fault logged."""

from django.utils.html import escape

import pytest

from accounts.models import User
from base.faults import DATABASE_MESSAGE
from tests.faults import database_locked, fault_records
from tests.helpers import in_thai

REGISTER_URL = "/accounts/register/"
PROFILE_URL = "/accounts/profile/"

# Committed for real: the other connection must be able to take the lock.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_registering_on_a_locked_database_keeps_what_was_typed(client, page_tree, registration_data, caplog):
    with database_locked("accounts_user"):
        response = client.post(REGISTER_URL, registration_data)
    assert response.status_code == 503
    page = response.content.decode()
    assert escape(in_thai(DATABASE_MESSAGE)) in page
    for name in ("first_name", "last_name"):
        assert f'value="{registration_data[name]}"' in page
    assert registration_data["password1"] not in page  # passwords are typed again
    assert not User.objects.filter(first_name=registration_data["first_name"]).exists()
    records = fault_records(caplog)
    assert records and all(record.exc_info for record in records)
    assert all(registration_data["first_name"] not in record.getMessage() for record in records)


def test_the_profile_on_a_locked_database_keeps_what_was_typed(client, page_tree, user, caplog):
    client.force_login(user)
    data = {
        "title": user.title,
        "first_name": user.first_name,
        "last_name": "ศรีสุข",
        "phone": "045511019",
        "personnel_type": user.personnel_type,
        "email": user.email,
    }
    with database_locked("accounts_user"):
        response = client.post(PROFILE_URL, data)
    assert response.status_code == 503
    page = response.content.decode()
    assert escape(in_thai(DATABASE_MESSAGE)) in page
    assert 'value="ศรีสุข"' in page
    user.refresh_from_db()
    assert user.last_name != "ศรีสุข"
    assert fault_records(caplog)
