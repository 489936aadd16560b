"""The address links leaving the browser start with: the configured public one when there is one
(production requires it), else the address the portal was reached at (development)."""

from django.test import RequestFactory
from django.utils import translation

from base.links import absolute_url, email_url, portal_base_url


def test_without_a_configured_address_links_use_the_address_the_portal_was_reached_at(settings):
    settings.PORTAL_BASE_URL = ""
    request = RequestFactory().get("/", HTTP_HOST="localhost:8104")

    assert portal_base_url(request) == "http://localhost:8104"


def test_the_configured_address_wins_over_the_host_a_request_names(settings):
    settings.PORTAL_BASE_URL = "https://oss.example.go.th/"
    request = RequestFactory().get("/", HTTP_HOST="localhost:8104")

    assert portal_base_url(request) == "https://oss.example.go.th"
    assert portal_base_url() == "https://oss.example.go.th"


def test_without_a_request_or_a_configured_address_links_use_wagtails_base_url(settings):
    settings.PORTAL_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000/"

    assert absolute_url("/status/") == "http://127.0.0.1:8000/status/"
    assert absolute_url("/status/", base_url="http://localhost:8104") == "http://localhost:8104/status/"


def test_an_email_link_is_in_the_emails_language_whatever_language_is_active(settings):
    settings.PORTAL_BASE_URL = "https://oss.example.go.th"
    with translation.override("en"):
        url = email_url("service_requests:detail", args=["1120261201000001"], fragment="payment")

    assert url == "https://oss.example.go.th/my/requests/1120261201000001/#payment"
