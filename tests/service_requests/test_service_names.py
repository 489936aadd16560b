"""One name per service: the catalogue's. The home page and the services list say what the
confirmation, the applicant's list, the printout and the admin say, and the applicant's search
finds a request by that name or by its service page's title, in Thai or in English."""

import re

from django.utils import translation

import pytest

from service_requests.catalogue import CATALOGUE, builtin_services
from service_requests.queries import requests_of_applicant
from tests.factories.service_requests import ServiceRequestFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

MY_REQUESTS_URL = "/my/requests/"
ID_CARD = CATALOGUE["11"]  # as the code defines it (get_service reads the office's choices)
EDITORS_TITLE = "บัตรประจำตัวเจ้าหน้าที่ของรัฐ"


@pytest.fixture
def editors_wording(page_tree):
    """The editors title the ID-card page otherwise than the catalogue names the service."""
    page = page_tree.service_pages["id-card"]
    page.title = EDITORS_TITLE
    page.save_revision().publish()
    return page


def tile_headings(html):
    return re.findall(r'<h\d class="tile__title"><a [^>]*>(.*?)</a>', html)


def test_the_home_page_and_the_services_list_name_each_service_as_the_catalogue_does(
    client, page_tree, editors_wording
):
    names = [in_thai(service.name) for service in builtin_services()]
    for url in ["/", page_tree.services.url]:
        headings = tile_headings(client.get(url).content.decode())
        assert headings == names
        assert EDITORS_TITLE not in headings


def test_the_downloads_page_names_each_service_as_the_catalogue_does(client, page_tree, editors_wording):
    html = client.get(page_tree.downloads.url).content.decode()
    assert f">{in_thai(ID_CARD.name)}</a></h2>" in html
    assert f">{EDITORS_TITLE}</" not in html


@pytest.mark.parametrize(
    "search",
    [
        EDITORS_TITLE,  # the page's title, as the home page's visitor read it before
        "ประจำตัวเจ้าหน้าที่",  # part of it
        "บัตรข้าราชการ",  # the catalogue's Thai name
        "Government officer ID",  # the catalogue's English name
        "(English)",  # part of the English page's title
    ],
)
def test_the_applicant_finds_a_request_by_any_name_of_its_service(
    user, english_tree, editors_wording, search
):
    id_card = ServiceRequestFactory(applicant=user, service_code="11")
    ServiceRequestFactory(applicant=user, service_code="12")
    with translation.override("th"):
        assert list(requests_of_applicant(user, search=search)) == [id_card]


def test_a_search_naming_no_service_finds_nothing(user, page_tree):
    ServiceRequestFactory(applicant=user, service_code="11")
    assert list(requests_of_applicant(user, search="บัตรเครดิต")) == []


def test_my_requests_page_finds_the_request_by_the_home_pages_name(client, user, editors_wording):
    request = ServiceRequestFactory(applicant=user, service_code="11")
    client.force_login(user)
    html = client.get(MY_REQUESTS_URL, {"q": EDITORS_TITLE}).content.decode()
    assert request.reference in html
