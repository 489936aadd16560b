"""service_pages.queries: the live service pages of a language and their downloads, by service."""

import pytest

from service_pages.downloads import downloads_by_service
from service_pages.models import ServiceDocument
from service_pages.queries import live_service_pages
from service_requests.catalogue import builtin_services
from tests.factories.service_pages import ServiceDocumentFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


def test_live_service_pages_are_in_the_trees_order(page_tree, thai_locale):
    pages = live_service_pages(locale=thai_locale)
    assert [page.slug for page in pages] == [service.slug for service in builtin_services()]


def test_unpublished_service_pages_are_left_out(page_tree, thai_locale):
    page_tree.service_pages["certificate"].unpublish()
    slugs = [page.slug for page in live_service_pages(locale=thai_locale)]
    assert "certificate" not in slugs
    assert len(slugs) == len(builtin_services()) - 1


def test_only_the_pages_of_the_asked_language_are_listed(english_tree, thai_locale, english_locale):
    assert [page.pk for page in live_service_pages(locale=english_locale)] == [english_tree.id_card.pk]
    assert len(live_service_pages(locale=thai_locale)) == len(builtin_services())


def test_listing_pages_and_downloads_takes_a_fixed_number_of_queries(
    page_tree, thai_locale, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        groups = downloads_by_service(live_service_pages(locale=thai_locale))
        titles = [item.display_title for group in groups for item in group.manuals + group.blank_forms]
    assert len(titles) == 2 * len(builtin_services())


def test_downloads_are_grouped_by_service_as_manuals_and_blank_forms(page_tree, thai_locale):
    groups = downloads_by_service(live_service_pages(locale=thai_locale))
    assert [group.page.slug for group in groups] == [service.slug for service in builtin_services()]
    for group in groups:
        assert [item.kind for item in group.manuals] == [ServiceDocument.Kind.MANUAL]
        assert [item.kind for item in group.blank_forms] == [ServiceDocument.Kind.BLANK_FORM]
        assert all(item.page_id == group.page.pk for item in group.manuals + group.blank_forms)


def test_downloads_of_one_service_only(page_tree, thai_locale):
    groups = downloads_by_service(live_service_pages(locale=thai_locale), only_slug="meeting-room")
    assert [group.page.slug for group in groups] == ["meeting-room"]


def test_an_unknown_service_slug_shows_every_services_downloads(page_tree, thai_locale):
    groups = downloads_by_service(live_service_pages(locale=thai_locale), only_slug="no-such-service")
    assert len(groups) == len(builtin_services())


def test_a_service_without_documents_is_left_out_of_the_downloads(page_tree, thai_locale):
    ServiceDocument.objects.filter(page=page_tree.service_pages["appointment"]).delete()
    groups = downloads_by_service(live_service_pages(locale=thai_locale))
    assert "appointment" not in [group.page.slug for group in groups]


def test_documents_keep_the_editors_order(page_tree, thai_locale):
    page = page_tree.service_pages["id-card"]
    ServiceDocument.objects.filter(page=page).delete()
    second = ServiceDocumentFactory(page=page, sort_order=2, title="คู่มือ ฉบับย่อ")
    first = ServiceDocumentFactory(page=page, sort_order=1, title="คู่มือ ฉบับเต็ม")
    (group,) = downloads_by_service(live_service_pages(locale=thai_locale), only_slug="id-card")
    assert group.manuals == [first, second]


def test_a_new_service_page_appears_in_the_list(page_tree, thai_locale):
    page_tree.service_pages["appointment"].delete()
    ServicePageFactory(parent=page_tree.services, service_code="32", slug="appointment-with-director")
    slugs = [page.slug for page in live_service_pages(locale=thai_locale)]
    assert slugs[-1] == "appointment-with-director"
