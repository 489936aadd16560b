"""The request's site and office settings from the cache (base/site_cache.py): a logged-in page
asks the database for neither once they are kept, and an editor's change shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.helpers import in_thai

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

SERVICE = "/services/certificate/"


def tables_read(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in queries.captured_queries), response.content.decode()


def test_a_logged_in_page_reads_neither_the_site_nor_the_settings_once_kept(client, user, page_tree):
    client.force_login(user)
    first_sql, first_html = tables_read(client, SERVICE)
    assert "wagtailcore_site" in first_sql and "base_officesettings" in first_sql
    second_sql, second_html = tables_read(client, SERVICE)
    assert "wagtailcore_site" not in second_sql
    assert "base_officesettings" not in second_sql
    assert page_tree.office.name_th in second_html  # the header still names the office
    assert "วิลัยวรรณ" in second_html  # and the form is still hers


def test_without_the_cache_every_request_reads_them(client, user, page_tree, settings):
    settings.ANONYMOUS_PAGE_CACHE = False
    client.force_login(user)
    tables_read(client, SERVICE)
    sql, _html = tables_read(client, SERVICE)
    assert "wagtailcore_site" in sql and "base_officesettings" in sql


def test_a_new_office_name_shows_on_the_next_page(client, user, page_tree):
    client.force_login(user)
    tables_read(client, SERVICE)
    page_tree.office.name_th = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบใหม่"
    page_tree.office.save()
    _sql, html = tables_read(client, SERVICE)
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบใหม่" in html


def test_a_new_privacy_notice_is_asked_for_at_once(client, user, page_tree):
    user.privacy_notice_version = page_tree.office.privacy_notice_version = "2569-1"
    user.save()
    page_tree.office.save()
    client.force_login(user)
    assert client.get(SERVICE).status_code == 200
    page_tree.office.privacy_notice_version = "2569-2"
    page_tree.office.save()
    response = client.get(SERVICE)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/privacy-notice/")
    assert in_thai("Privacy notice") in client.get(response.url).content.decode()


def test_another_host_gets_its_own_site(client, user, page_tree):
    """Two names of one server (the office's and a test host) are kept apart."""
    client.force_login(user)
    tables_read(client, SERVICE)
    other_sql, _html = tables_read(client.__class__(HTTP_HOST="127.0.0.1"), "/")
    assert "wagtailcore_site" in other_sql
