"""A new version of the privacy notice: a returning applicant is asked once to read and accept it;
staff, the accept page itself, logging out, the notice and files are never in the way."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from accounts.actions import accept_privacy_notice
from tests.factories.accounts import SuperuserFactory, UserFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

ACCEPT_URL = "/accounts/privacy-notice/"


@pytest.fixture
def new_notice(page_tree):
    """The office publishes version 2568-2; the applicants accepted 2568-1 (the factories')."""
    page_tree.office.privacy_notice_version = "2568-2"
    page_tree.office.save()
    return page_tree


@pytest.fixture
def returning(client, new_notice):
    applicant = UserFactory(privacy_notice_version="2568-1")
    client.force_login(applicant)
    return applicant


def test_a_returning_applicant_is_sent_to_the_new_notice_with_where_they_were_going(client, returning):
    response = client.get("/my/requests/")
    assert response.status_code == 302
    assert response["Location"] == f"{ACCEPT_URL}?next=%2Fmy%2Frequests%2F"


def test_the_page_links_the_notice_and_names_the_versions_and_the_way_out(client, returning, new_notice):
    response = client.get(f"{ACCEPT_URL}?next=/my/requests/")
    assert response.status_code == 200
    html = response.content.decode()
    assert in_thai("New privacy notice") in html
    assert "2568-2" in html and "2568-1" in html
    assert f'href="{new_notice.privacy.url}"' in html
    assert 'href="/my/privacy/export/"' in html
    assert 'href="/my/privacy/delete/"' in html
    assert 'action="/accounts/logout/"' in html


def test_accepting_records_the_version_and_time_once_and_goes_on(client, returning):
    before = timezone.now()
    response = client.post(ACCEPT_URL, {"next": "/my/requests/"})
    assert response.status_code == 302
    assert response["Location"] == "/my/requests/"
    returning.refresh_from_db()
    assert returning.privacy_notice_version == "2568-2"
    assert before <= returning.privacy_consented_at <= timezone.now()
    entry = ModelLogEntry.objects.get(action="accounts.accept_privacy_notice")
    assert entry.data == {"privacy_notice_version": "2568-2", "previous_version": "2568-1"}
    # Asked once: from now on the pages open, and the accept page sends them on.
    assert client.get("/my/requests/").status_code == 200
    assert client.get(ACCEPT_URL)["Location"] == "/"
    assert client.post(ACCEPT_URL).status_code == 302
    assert ModelLogEntry.objects.filter(action="accounts.accept_privacy_notice").count() == 1


def test_a_next_to_another_site_is_not_followed(client, returning):
    response = client.post(ACCEPT_URL, {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_english_visitors_are_asked_in_english(client, returning):
    response = client.get("/en/my/requests/")
    assert response["Location"] == "/en/accounts/privacy-notice/?next=%2Fen%2Fmy%2Frequests%2F"
    html = client.get(response["Location"]).content.decode()
    assert "New privacy notice" in html
    assert 'href="/en/my/privacy/export/"' in html


def test_the_notice_logging_out_and_the_data_rights_pages_stay_open(client, returning, new_notice):
    assert client.get(new_notice.privacy.url).status_code == 200
    assert client.get("/robots.txt").status_code == 200
    assert not client.get("/my/privacy/export/").get("Location", "").startswith(ACCEPT_URL)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/my/requests/")["Location"].startswith("/accounts/login/")


def test_a_form_posted_as_the_notice_changed_is_not_turned_away(client, returning):
    response = client.post("/accounts/profile/", {})
    assert not response.get("Location", "").startswith(ACCEPT_URL)


def test_an_applicant_who_accepted_the_current_version_is_not_asked(client, new_notice):
    client.force_login(UserFactory(privacy_notice_version="2568-2"))
    assert client.get("/my/requests/").status_code == 200


def test_visitors_who_are_not_logged_in_are_not_asked(client, new_notice):
    assert client.get("/").status_code == 200


def test_staff_are_not_asked_in_the_admin_or_elsewhere(client, new_notice):
    client.force_login(SuperuserFactory(privacy_notice_version=""))
    assert client.get("/admin/").status_code == 200
    assert client.get("/").status_code == 200


def test_no_notice_published_means_nothing_to_accept(client, new_notice):
    new_notice.office.privacy_policy_page = None
    new_notice.office.save()
    client.force_login(UserFactory(privacy_notice_version="2568-1"))
    assert client.get("/my/requests/").status_code == 200


def test_nobody_accepts_a_notice_for_someone_else():
    applicant, other = UserFactory(), UserFactory()
    with pytest.raises(PermissionDenied):
        accept_privacy_notice(actor=other, user=applicant, version="2568-2")
    applicant.refresh_from_db()
    assert applicant.privacy_notice_version == "2568-1"
