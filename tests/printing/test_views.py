"""Who may download a printout or a bundle: the applicant their own printout, officers of the
service both; everyone else gets 404 (or the login page) and never the PDF."""

from django.urls import reverse

import pytest

from printing import printout
from tests.factories.accounts import UserFactory

from .conftest import comparable, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(file_request, page_tree):
    return file_request("11")


def printout_url(service_request):
    return reverse("printing:applicant_pdf", args=[service_request.reference])


def admin_url(name, service_request):
    return reverse(f"service_request_admin:{name}", args=[service_request.pk])


def assert_pdf_download(response, filename, *, disposition="attachment"):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'{disposition}; filename="{filename}"'
    assert "no-store" in response["Cache-Control"].split(", ")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"%PDF-")


def test_the_applicants_printout_opens_in_the_browser(client, applicant, filed):
    """ "Print" shows the PDF in the browser's viewer (on a phone too), not in the downloads."""
    client.force_login(applicant)

    response = client.get(printout_url(filed))

    assert_pdf_download(response, f"{filed.reference}.pdf", disposition="inline")
    # The site's policy (object-src 'none') would blank Chrome's PDF viewer.
    assert "Content-Security-Policy" not in response
    assert comparable(filed.reference) in pdf_text(response.content)


def test_the_applicants_pages_link_the_pdf(client, applicant, filed):
    client.force_login(applicant)

    for page in (
        reverse("service_requests:my_requests"),
        reverse("service_requests:detail", args=[filed.reference]),
    ):
        assert printout_url(filed) in client.get(page).content.decode()


def test_another_applicant_gets_404(client, filed):
    client.force_login(UserFactory())

    assert client.get(printout_url(filed)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, filed):
    response = client.get(printout_url(filed))

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_an_officer_prints_from_the_admin_not_from_the_applicants_page(client, officer_for, filed):
    client.force_login(officer_for("11"))

    assert client.get(printout_url(filed)).status_code == 404


def test_the_officer_of_the_service_opens_the_printout_and_downloads_the_bundle(client, officer_for, filed):
    client.force_login(officer_for("11"))

    printout = client.get(admin_url("print_pdf", filed))
    assert_pdf_download(printout, f"{filed.reference}.pdf", disposition="inline")
    assert "Content-Security-Policy" not in printout
    # The bundle holds the applicant's own files: downloaded, never shown by the portal's origin.
    bundle = client.get(admin_url("bundle", filed))
    assert "Content-Security-Policy" in bundle
    assert_pdf_download(bundle, f"{filed.reference}-bundle.pdf")


def test_the_process_page_offers_printout_and_bundle(client, officer_for, filed):
    client.force_login(officer_for("11"))

    page = client.get(admin_url("process", filed)).content.decode()

    assert admin_url("print_pdf", filed) in page
    assert admin_url("bundle", filed) in page


@pytest.mark.parametrize("view", ["print_pdf", "bundle"])
def test_an_officer_of_another_service_gets_404(client, officer_for, filed, view):
    client.force_login(officer_for("21"))

    assert client.get(admin_url(view, filed)).status_code == 404


@pytest.mark.parametrize("view", ["print_pdf", "bundle"])
def test_applicants_and_anonymous_never_reach_the_admin_pdfs(client, applicant, filed, view):
    anonymous = client.get(admin_url(view, filed))
    client.force_login(applicant)
    owner = client.get(admin_url(view, filed))

    assert anonymous.status_code == 302
    assert owner.status_code in (302, 403)
    assert not anonymous.content.startswith(b"%PDF")
    assert not owner.content.startswith(b"%PDF")


# Where the printout's QR code and status link point


@pytest.fixture
def qr_payloads(monkeypatch):
    """What every QR code drawn is made of (the code itself is vector art, not text)."""
    drawn = []
    draw = printout.qr_svg

    def record(payload):
        drawn.append(payload)
        return draw(payload)

    monkeypatch.setattr(printout, "qr_svg", record)
    return drawn


def status_link(host, service_request):
    return f"http://{host}/status/?reference={service_request.reference}"


def test_a_printout_served_at_another_address_links_to_that_address(client, applicant, filed, qr_payloads):
    client.force_login(applicant)

    response = client.get(printout_url(filed), HTTP_HOST="localhost:8104")

    assert comparable(status_link("localhost:8104", filed)) in pdf_text(response.content)
    assert qr_payloads == [status_link("localhost:8104", filed)]
    assert "127.0.0.1:8000" not in pdf_text(response.content)


@pytest.mark.parametrize("view", ["print_pdf", "bundle"])
def test_the_officers_pdfs_link_to_the_address_they_were_served_at(
    client, officer_for, filed, qr_payloads, view
):
    client.force_login(officer_for("11"))

    response = client.get(admin_url(view, filed), HTTP_HOST="localhost:8104")

    assert comparable(status_link("localhost:8104", filed)) in pdf_text(response.content)
    assert qr_payloads == [status_link("localhost:8104", filed)]


def test_with_a_configured_address_printouts_ignore_the_host_asked_for(
    client, applicant, filed, qr_payloads, settings
):
    settings.PORTAL_BASE_URL = "https://oss.example.go.th"
    client.force_login(applicant)

    response = client.get(printout_url(filed), HTTP_HOST="localhost:8104")

    expected = f"https://oss.example.go.th/status/?reference={filed.reference}"
    assert comparable(expected) in pdf_text(response.content)
    assert qr_payloads == [expected]
