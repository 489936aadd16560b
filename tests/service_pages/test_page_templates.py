"""What a visitor sees on the services, service and downloads pages."""

import re

from django.utils.html import escape

import pytest

from service_pages.models import ServiceDocument
from tests.helpers import in_thai, take_offline

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_a_tile_per_service(client, page_tree):
    html = client.get("/").content.decode()
    for page in page_tree.service_pages.values():
        assert f'<a href="{page.url}">{escape(in_thai(page.service.name))}</a>' in html
    assert html.count('class="tile"') == 6


def test_the_services_page_lists_every_service(client, page_tree):
    html = client.get("/services/").content.decode()
    assert html.count('class="tile"') == 6


@pytest.mark.parametrize(("url", "level"), [("/", 3), ("/services/", 2)])
def test_tile_titles_sit_one_level_below_the_heading_above_them(client, page_tree, url, level):
    # On the home page the tiles come under "Services" (h2); on the services page under the h1.
    html = client.get(url).content.decode()
    assert html.count(f'<h{level} class="tile__title">') == 6


def test_a_service_page_offers_its_manual_and_blank_form_with_type_and_size(client, page_tree):
    page = page_tree.service_pages["id-card"]
    html = client.get(page.url).content.decode()
    for item in page.documents.all():
        assert f'<a href="{item.document.url}">{escape(item.display_title)}</a>' in html
    assert "(PDF, 15" in html  # the factory's tiny PDF: 15 bytes


def test_a_visitor_is_asked_to_log_in_or_register_to_apply(client, page_tree):
    page = page_tree.service_pages["certificate"]
    html = client.get(page.url).content.decode()
    assert f'href="/accounts/login/?next={page.url}"' in html
    assert f'href="/accounts/register/?next={page.url}"' in html


def test_a_logged_in_applicant_is_told_online_requests_open_soon(client, page_tree, user, monkeypatch):
    take_offline(monkeypatch, "21")  # a service listed before its online form is written
    client.force_login(user)
    page = page_tree.service_pages["living-pension"]
    html = client.get(page.url).content.decode()
    assert 'name="contact-submission_key"' not in html  # no request form
    assert "/accounts/login/?next=" not in html
    opens_soon = in_thai(
        "Online submission for this service opens soon. Until then, please download the blank form "
        "above and hand it in at the office."
    )
    assert escape(opens_soon) in html


def test_the_downloads_page_filters_by_service(client, page_tree):
    html = client.get("/downloads/?service=certificate").content.decode()
    certificate = page_tree.service_pages["certificate"]
    id_card = page_tree.service_pages["id-card"]
    assert f'<option value="certificate" selected>{escape(certificate.title)}</option>' in html
    assert f">{escape(certificate.title)}</a></h2>" in html
    assert f">{escape(id_card.title)}</a></h2>" not in html


def test_the_downloads_page_shows_every_service_by_default(client, page_tree):
    html = client.get("/downloads/").content.decode()
    assert len(re.findall(r'<section class="card download-group"', html)) == 6
    assert re.search(r'<option value="" selected>', html)


def test_the_downloads_page_says_when_there_is_nothing_to_download(client, page_tree):
    ServiceDocument.objects.all().delete()
    html = client.get("/downloads/").content.decode()
    assert escape(in_thai("There are no documents to download yet.")) in html
