"""A manual or blank form added to a Thai service page shows on its English page too (in Thai,
marked so), until the English page has that document itself."""

import pytest
from bs4 import BeautifulSoup

from service_pages.downloads import downloads_by_service
from service_pages.models import ServiceDocument
from service_pages.queries import live_service_pages
from tests.factories.home import DocumentFactory
from tests.factories.service_pages import ServiceDocumentFactory

pytestmark = pytest.mark.django_db

NEW_MANUAL = "คู่มือฉบับปรับปรุง พ.ศ. 2569"


@pytest.fixture
def new_thai_manual(page_tree, english_tree):
    """Added to the Thai ID-card page after its English translation was made."""
    return ServiceDocumentFactory(
        page=page_tree.service_pages["id-card"],
        kind=ServiceDocument.Kind.MANUAL,
        title=NEW_MANUAL,
        sort_order=9,
    )


def links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [(link.get_text(), link.get("lang")) for link in soup.select("main li a[href*='/documents/']")]


def test_the_english_page_offers_the_manual_added_to_the_thai_page(client, english_tree, new_thai_manual):
    shown = links(client, english_tree.id_card.url)
    assert (NEW_MANUAL, "th") in shown
    own = [item.display_title for item in english_tree.id_card.own_documents()]
    assert [text for text, lang in shown if lang is None] == own
    assert len(shown) == len(own) + 1  # the documents both pages have show once


def test_an_english_page_without_documents_offers_all_the_thai_ones(client, page_tree, english_tree):
    english_tree.id_card.documents.all().delete()
    thai = page_tree.service_pages["id-card"].own_documents()
    assert links(client, english_tree.id_card.url) == [(item.display_title, "th") for item in thai]


def test_a_document_the_english_page_has_itself_is_not_repeated(client, page_tree, english_tree):
    thai_page = page_tree.service_pages["id-card"]
    shared = DocumentFactory(title="Shared")
    ServiceDocumentFactory(
        page=thai_page, kind=ServiceDocument.Kind.BLANK_FORM, document=shared, title="แบบฟอร์มใหม่"
    )
    ServiceDocumentFactory(
        page=english_tree.id_card, kind=ServiceDocument.Kind.BLANK_FORM, document=shared, title="New form"
    )
    shown = links(client, english_tree.id_card.url)
    assert ("New form", None) in shown
    assert ("แบบฟอร์มใหม่", "th") not in shown


def test_the_thai_page_does_not_borrow_from_the_english_one(client, page_tree, english_tree):
    ServiceDocumentFactory(page=english_tree.id_card, kind=ServiceDocument.Kind.MANUAL, title="English only")
    assert ("English only", None) not in links(client, page_tree.service_pages["id-card"].url)
    assert all(lang is None for _text, lang in links(client, page_tree.service_pages["id-card"].url))


def test_the_english_downloads_list_offers_it_too(english_tree, english_locale, new_thai_manual):
    english_tree.id_card.documents.all().delete()
    (group,) = downloads_by_service(live_service_pages(locale=english_locale), only_slug="id-card")
    assert NEW_MANUAL in [item.display_title for item in group.manuals]
    assert all(item.language == "th" for item in group.manuals)
