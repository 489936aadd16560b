"""Whether an account may enter the admin, kept between requests (accounts/admin_access.py): no
permission query on an applicant's pages, and a change of groups or permissions counts at once.
Seen here through the privacy notice, which applicants are asked to accept and staff are not."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db

SERVICE = "/services/certificate/"


@pytest.fixture
def notice_pending(user, page_tree):
    """She accepted the notice before the office's current one."""
    page_tree.office.privacy_notice_version = "2569-2"
    page_tree.office.save()
    user.privacy_notice_version = "2569-1"
    user.save()
    return user


@pytest.fixture
def admin_group(db):
    group = Group.objects.create(name="เจ้าหน้าที่ทดสอบ")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def asked_to_accept(client) -> bool:
    response = client.get(SERVICE)
    return response.status_code == 302 and response.url.startswith("/accounts/privacy-notice/")


def test_an_applicants_pages_ask_for_no_permissions_once_known(client, notice_pending):
    client.force_login(notice_pending)
    assert asked_to_accept(client)
    with CaptureQueriesContext(connection) as queries:
        assert asked_to_accept(client)
    assert not [query for query in queries.captured_queries if "auth_permission" in query["sql"]]


def test_joining_and_leaving_a_staff_group_counts_on_the_next_page(client, notice_pending, admin_group):
    client.force_login(notice_pending)
    assert asked_to_accept(client)
    notice_pending.groups.add(admin_group)
    assert not asked_to_accept(client)  # staff: the notice is the applicants'
    notice_pending.groups.remove(admin_group)
    assert asked_to_accept(client)


def test_a_group_losing_the_permission_or_deleted_counts_on_the_next_page(
    client, notice_pending, admin_group
):
    notice_pending.groups.add(admin_group)
    client.force_login(notice_pending)
    assert not asked_to_accept(client)
    admin_group.permissions.clear()
    assert asked_to_accept(client)
    admin_group.permissions.add(Permission.objects.get(codename="access_admin"))
    assert not asked_to_accept(client)
    admin_group.delete()
    assert asked_to_accept(client)


def test_a_permission_given_to_the_account_itself_counts(client, notice_pending):
    client.force_login(notice_pending)
    assert asked_to_accept(client)
    notice_pending.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert not asked_to_accept(client)


def test_an_applicants_service_page_asks_for_no_permissions_and_has_no_user_bar(client, user, page_tree):
    client.force_login(user)
    client.get(SERVICE)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SERVICE)
    assert response.status_code == 200 and "วิลัยวรรณ" in response.content.decode()
    assert not [query for query in queries.captured_queries if "auth_permission" in query["sql"]]
    assert "wagtail-userbar" not in response.content.decode()


def test_staff_see_wagtails_user_bar_on_public_pages(client, user, page_tree, admin_group):
    user.groups.add(admin_group)
    client.force_login(user)
    assert "wagtail-userbar" in client.get(SERVICE).content.decode()
