"""Who sees a request: the applicant their own pages and files, officers of its service the files
and the process page; everyone else gets 404 (or the login page) and never the data."""

from django.urls import reverse

import pytest

from tests.factories.service_requests import attach_reply, pdf_bytes, png_bytes, upload
from tests.printing.conftest import pdf_text
from tests.service_requests.helpers import downloaded

pytestmark = pytest.mark.django_db

ID_CARD_COPY = png_bytes(colour=(11, 22, 33))
REPLY = pdf_bytes(size=2048)

PEOPLE = [
    "owner",
    "another applicant",
    "anonymous",
    "an officer of another service",
    "an officer of this service",
]
URLS = ["detail", "submitted", "edit", "cancel", "print_pdf", "attachment", "reply file", "admin process"]
# Who may open what: the applicant's pages are the owner's alone; officers work in the admin.
ENTITLED = {
    "detail": {"owner"},
    "submitted": {"owner"},
    "edit": {"owner"},
    "cancel": {"owner"},
    "print_pdf": {"owner"},
    "attachment": {"owner", "an officer of this service"},
    "reply file": {"owner", "an officer of this service"},
    "admin process": {"an officer of this service"},
}
DOWNLOADS = {"attachment": ID_CARD_COPY, "reply file": REPLY}


@pytest.fixture
def people(user, other_applicant, officer_for):
    return {
        "owner": user,
        "another applicant": other_applicant,
        "anonymous": None,
        "an officer of another service": officer_for("21"),
        "an officer of this service": officer_for("11"),
    }


@pytest.fixture
def filed(submit, page_tree):
    """The owner's ID-card request with a PNG ID-card copy and the officer's PDF reply file."""
    service_request = submit("11", attachments={"id_card_copy": upload("บัตร.png", ID_CARD_COPY)})
    return attach_reply(service_request, REPLY)


def url_of(name, service_request):
    reference = service_request.reference
    if name == "attachment":
        attachment = service_request.attachments.get(slot="id_card_copy")
        return reverse("service_requests:attachment", args=[reference, attachment.pk])
    if name == "reply file":
        return reverse("service_requests:reply_file", args=[reference])
    if name == "admin process":
        return reverse("service_request_admin:process", args=[service_request.pk])
    if name == "print_pdf":
        return reverse("printing:applicant_pdf", args=[reference])
    return reverse(f"service_requests:{name}", args=[reference])


def open_as(client, person, url):
    if person is not None:
        client.force_login(person)
    return client.get(url)


def body_of(response, url_name) -> bytes:
    body = downloaded(response) if response.streaming else response.content
    if url_name == "print_pdf" and response.status_code == 200:
        return pdf_text(body).encode()  # what the printout says, not how the PDF codes it
    return body


MATRIX = [(url_name, person) for url_name in URLS for person in PEOPLE]


@pytest.mark.parametrize(("url_name", "person"), MATRIX)
def test_only_those_entitled_get_the_request(client, people, filed, url_name, person):
    url = url_of(url_name, filed)
    response = open_as(client, people[person], url)
    # The page may repeat the address asked for (the language switcher does): that is no leak.
    body = body_of(response, url_name).replace(url.encode(), b"")
    if person in ENTITLED[url_name]:
        assert response.status_code == 200
        if url_name in DOWNLOADS:
            assert body == DOWNLOADS[url_name]
        else:
            assert filed.reference.encode() in body
    else:
        assert filed.reference.encode() not in body
        assert filed.applicant_first_name.encode() not in body
        assert ID_CARD_COPY not in body and REPLY not in body
        if url_name == "admin process" and person in ("anonymous", "owner", "another applicant"):
            # Wagtail sends whoever may not use the admin to its login page.
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))
        elif person == "anonymous":
            assert response.status_code == 302
            assert response.url.startswith(f"{reverse('accounts:login')}?next=")
        else:
            assert response.status_code == 404


def test_an_attachment_is_reached_only_through_its_own_request(client, user, submit, page_tree):
    # Both requests are the applicant's; the file id must still belong to the reference asked for.
    first, second = submit("11"), submit("12")
    foreign = second.attachments.get(slot="id_card_copy")
    client.force_login(user)
    response = client.get(reverse("service_requests:attachment", args=[first.reference, foreign.pk]))
    assert response.status_code == 404


def test_the_reply_file_url_is_404_while_there_is_no_reply(client, user, submit, page_tree):
    service_request = submit("11")
    client.force_login(user)
    assert (
        client.get(reverse("service_requests:reply_file", args=[service_request.reference])).status_code
        == 404
    )


# What downloads send


@pytest.mark.parametrize("url_name", ["attachment", "reply file"])
@pytest.mark.parametrize("person", ["owner", "an officer of this service"])
def test_downloads_are_attachments_never_sniffed_nor_cached(client, people, filed, url_name, person):
    response = open_as(client, people[person], url_of(url_name, filed))
    downloaded(response)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


def test_an_attachment_downloads_under_its_original_name_and_type(client, user, filed):
    client.force_login(user)
    response = client.get(url_of("attachment", filed))
    downloaded(response)
    assert response["Content-Type"] == "image/png"
    assert "filename*=utf-8''%E0%B8%9A%E0%B8%B1%E0%B8%95%E0%B8%A3.png" in response["Content-Disposition"]


def test_the_reply_file_downloads_as_a_pdf(client, user, filed):
    client.force_login(user)
    response = client.get(url_of("reply file", filed))
    downloaded(response)
    assert response["Content-Type"] == "application/pdf"
