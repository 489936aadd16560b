"""The identity migration: everyone registered before it typed their citizen ID, so is declared."""

import importlib

from django.apps import apps

import pytest

from accounts.models import IdentityLevel
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_existing_users_become_declared():
    migration = importlib.import_module("accounts.migrations.0003_identity_verification")
    users = [UserFactory(identity_level=IdentityLevel.VERIFIED), UserFactory()]
    migration.existing_users_declared(apps, schema_editor=None)
    for user in users:
        user.refresh_from_db()
        assert user.identity_level == IdentityLevel.DECLARED
