"""accounts.actions: every change to an account, checked and written to Wagtail's audit log."""

from django.core.exceptions import PermissionDenied

from wagtail.models import ModelLogEntry

import pytest

from accounts import actions
from accounts.models import User
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def log_entries(user, action):
    return ModelLogEntry.objects.for_instance(user).filter(action=action)


def register(**overrides):
    details = {
        "citizen_id": "1-4399-00285-97-7",
        "password": "Sarabun-2568-ok",
        "title": "นางสาว",
        "first_name": "วิลัยวรรณ",
        "last_name": "สุภชาติ",
        "phone": "0812345678",
        "personnel_type": "teacher",
        "privacy_notice_version": "2568-1",
    }
    return actions.register_applicant(**{**details, **overrides})


def test_registering_creates_an_applicant_with_the_normalised_citizen_id():
    user = register()
    user.refresh_from_db()
    assert user.citizen_id == "1439900285977"
    assert user.get_full_name() == "นางสาววิลัยวรรณ สุภชาติ"
    assert not user.is_staff
    assert not user.is_superuser


def test_registering_stores_the_password_hashed():
    user = register()
    assert user.password != "Sarabun-2568-ok"
    assert user.check_password("Sarabun-2568-ok")


def test_registering_records_the_privacy_consent_and_its_version():
    user = register(privacy_notice_version="2568-2")
    user.refresh_from_db()
    assert user.privacy_notice_version == "2568-2"
    assert user.privacy_consented_at is not None


def test_registering_is_written_to_the_audit_log():
    user = register()
    entry = log_entries(user, "accounts.register").get()
    assert entry.user_id == user.pk
    assert entry.data == {"privacy_notice_version": "2568-1"}


def test_updating_the_profile_saves_the_changes_and_logs_the_fields():
    user = UserFactory(phone="0812345678")
    actions.update_profile(actor=user, user=user, phone="045511019", email="wilaiwan@example.com")
    user.refresh_from_db()
    assert user.phone == "045511019"
    assert user.email == "wilaiwan@example.com"
    assert log_entries(user, "accounts.edit_profile").get().data == {"fields": ["email", "phone"]}


def test_an_unchanged_profile_is_not_logged():
    user = UserFactory()
    actions.update_profile(actor=user, user=user, phone=user.phone)
    assert not log_entries(user, "accounts.edit_profile").exists()


def test_the_citizen_id_cannot_be_changed_through_the_profile():
    user = UserFactory()
    with pytest.raises(ValueError, match="citizen_id"):
        actions.update_profile(actor=user, user=user, citizen_id="3100600445635")
    assert User.objects.filter(pk=user.pk, citizen_id=user.citizen_id).exists()


def test_nobody_may_edit_someone_elses_profile():
    owner, other = UserFactory(), UserFactory()
    name = owner.first_name  # the factory's names may include any given one: compare with hers
    with pytest.raises(PermissionDenied):
        actions.update_profile(actor=other, user=owner, first_name=f"{name}ใหม่")
    owner.refresh_from_db()
    assert owner.first_name == name


def test_changing_the_password_sets_it_and_logs_it():
    user = UserFactory()
    actions.change_password(actor=user, user=user, new_password="Thai-Silk-2568")
    user.refresh_from_db()
    assert user.check_password("Thai-Silk-2568")
    assert log_entries(user, "accounts.change_password").exists()


def test_nobody_may_change_someone_elses_password():
    owner, other = UserFactory(), UserFactory()
    with pytest.raises(PermissionDenied):
        actions.change_password(actor=other, user=owner, new_password="Thai-Silk-2568")
    owner.refresh_from_db()
    assert not owner.check_password("Thai-Silk-2568")
