"""Staff e-mail addresses stay with the office: no admin page sends their hash to gravatar.com
(WAGTAIL_GRAVATAR_PROVIDER_URL = None; Wagtail then shows initials)."""

from django.urls import reverse

import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_home",
        "wagtailusers_users:index",
        "wagtailadmin_account",
        "wagtailadmin_reports:site_history",
    ],
)
def test_no_admin_page_references_gravatar(client, superuser, url_name):
    superuser.email = "officer@example.go.th"
    superuser.save()
    UserFactory(email="applicant@example.go.th")
    client.force_login(superuser)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
