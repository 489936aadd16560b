"""Service pages: where they go, how they render, one page per e-service per language, downloads."""

from django.core.exceptions import ValidationError

from wagtail.models import Page

import pytest

from home.models import ContentPage, HomePage
from service_pages.models import DownloadsPage, ServiceDocument, ServiceIndexPage, ServicePage
from service_requests.catalogue import builtin_services
from tests.factories.home import DocumentFactory
from tests.factories.service_pages import ServiceDocumentFactory

pytestmark = pytest.mark.django_db


# Where the pages may go


def test_the_services_index_goes_under_the_home_page_and_holds_service_pages(page_tests):
    page_tests.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage})
    page_tests.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage})
    page_tests.assertCanCreateAt(HomePage, ServiceIndexPage)


@pytest.mark.parametrize("parent", [Page, ContentPage, ServiceIndexPage, ServicePage, DownloadsPage])
def test_the_services_index_goes_nowhere_else(page_tests, parent):
    page_tests.assertCanNotCreateAt(parent, ServiceIndexPage)


def test_a_service_page_goes_only_under_the_services_index_and_has_no_children(page_tests):
    page_tests.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
    page_tests.assertAllowedSubpageTypes(ServicePage, set())
    page_tests.assertCanCreateAt(ServiceIndexPage, ServicePage)


@pytest.mark.parametrize("parent", [Page, HomePage, ContentPage, ServicePage, DownloadsPage])
def test_a_service_page_goes_nowhere_else(page_tests, parent):
    page_tests.assertCanNotCreateAt(parent, ServicePage)


def test_the_downloads_page_goes_under_the_home_page_and_has_no_children(page_tests):
    page_tests.assertAllowedParentPageTypes(DownloadsPage, {HomePage})
    page_tests.assertAllowedSubpageTypes(DownloadsPage, set())
    page_tests.assertCanCreateAt(HomePage, DownloadsPage)


@pytest.mark.parametrize("parent", [Page, ContentPage, ServiceIndexPage, ServicePage, DownloadsPage])
def test_the_downloads_page_goes_nowhere_else(page_tests, parent):
    page_tests.assertCanNotCreateAt(parent, DownloadsPage)


@pytest.mark.parametrize("page_type", [ServiceIndexPage, DownloadsPage])
def test_a_home_page_has_one_services_index_and_one_downloads_page(page_tree, page_type):
    assert not page_type.can_create_at(page_tree.home)


# How they render


def test_the_services_index_renders_at_services_and_lists_every_service(client, page_tree, page_tests):
    page_tests.assertPageIsRenderable(page_tree.services)
    assert page_tree.services.url == "/services/"
    html = client.get("/services/").content.decode()
    for service in builtin_services():
        assert f'href="/services/{service.slug}/"' in html


@pytest.mark.parametrize("slug", [service.slug for service in builtin_services()])
def test_each_service_page_renders_at_its_catalogue_slug(page_tree, page_tests, slug):
    page = page_tree.service_pages[slug]
    assert page.url == f"/services/{slug}/"
    page_tests.assertPageIsRoutable(page)
    page_tests.assertPageIsRenderable(page)


def test_a_service_page_shows_its_content_and_flow_diagram(client, page_tree):
    html = client.get("/services/id-card/").content.decode()
    page = page_tree.service_pages["id-card"]
    assert page.title in html
    assert page.summary in html
    assert "เจ้าหน้าที่จะดำเนินการจัดทำข้อมูลภายใน 3-5 วันทำการ" in html
    for stage in ("กรอกคำขอ", "เจ้าหน้าที่ตรวจสอบ", "รับเอกสาร"):
        assert stage in html


def test_a_service_page_links_its_manual_and_blank_form(client, page_tree):
    page = page_tree.service_pages["id-card"]
    html = client.get(page.url).content.decode()
    for item in page.documents.all():
        assert f'href="{item.document.url}"' in html
        assert item.display_title in html


def test_a_service_page_invites_visitors_to_log_in_to_apply(client, page_tree):
    html = client.get("/services/id-card/").content.decode()
    assert "/accounts/login/?next=/services/id-card/" in html


def test_the_downloads_page_renders_at_downloads(page_tree, page_tests):
    assert page_tree.downloads.url == "/downloads/"
    page_tests.assertPageIsRenderable(page_tree.downloads)
    page_tests.assertPageIsRenderable(page_tree.downloads, query_data={"service": "id-card"})


def test_the_downloads_page_lists_every_services_documents(client, page_tree):
    html = client.get("/downloads/").content.decode()
    for page in page_tree.service_pages.values():
        for item in page.documents.all():
            assert f'href="{item.document.url}"' in html, item.display_title


def test_the_downloads_page_filtered_by_service_shows_only_that_services_documents(client, page_tree):
    response = client.get("/downloads/", {"service": "living-pension"})
    html = response.content.decode()
    assert response.context["selected_service"] == "living-pension"
    for slug, page in page_tree.service_pages.items():
        for item in page.documents.all():
            assert (f'href="{item.document.url}"' in html) == (slug == "living-pension"), item.display_title


def test_the_downloads_page_offers_each_service_in_its_filter(client, page_tree):
    html = client.get("/downloads/").content.decode()
    for slug in page_tree.service_pages:
        assert f'<option value="{slug}"' in html


# One page per e-service and language


def test_a_second_page_for_the_same_service_is_refused(page_tree):
    duplicate = ServicePage(title="บัตรข้าราชการ (ซ้ำ)", slug="id-card-again", service_code="11", summary="ซ้ำ")
    with pytest.raises(ValidationError) as refused:
        page_tree.services.add_child(instance=duplicate)
    assert "service_code" in refused.value.message_dict
    assert ServicePage.objects.filter(service_code="11").count() == 1


def test_clean_names_the_service_field_for_the_editor(page_tree, thai_locale):
    duplicate = ServicePage(title="ซ้ำ", slug="again", service_code="21", summary="ซ้ำ", locale=thai_locale)
    with pytest.raises(ValidationError) as refused:
        duplicate.clean()
    assert list(refused.value.message_dict) == ["service_code"]


def test_a_service_page_may_be_saved_again(page_tree):
    page = page_tree.service_pages["certificate"]
    page.summary = "ขอหนังสือรับรองทางออนไลน์"
    page.full_clean()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.summary == "ขอหนังสือรับรองทางออนไลน์"


def test_the_english_translation_of_a_service_page_is_not_a_duplicate(english_tree):
    assert english_tree.id_card.service_code == "11"
    assert english_tree.id_card.locale.language_code == "en"
    english_tree.id_card.full_clean()


def test_the_english_service_page_renders_under_en(client, english_tree):
    response = client.get("/en/services/id-card/")
    assert response.status_code == 200
    assert response.context["page"] == english_tree.id_card


# Documents


def test_manuals_and_blank_forms_are_told_apart(page_tree):
    page = page_tree.service_pages["school-record-forms"]
    extra_form = ServiceDocumentFactory(page=page, kind=ServiceDocument.Kind.BLANK_FORM)
    assert [item.kind for item in page.manuals()] == [ServiceDocument.Kind.MANUAL]
    assert len(page.blank_forms()) == 2
    assert extra_form in page.blank_forms()


def test_a_document_link_uses_its_own_text_or_the_documents_title(page_tree):
    page = page_tree.service_pages["meeting-room"]
    document = DocumentFactory(title="แบบขอใช้ห้องประชุม.pdf")
    untitled = ServiceDocumentFactory(page=page, document=document)
    titled = ServiceDocumentFactory(page=page, document=document, title="แบบฟอร์มขอใช้ห้องประชุม")
    assert untitled.display_title == "แบบขอใช้ห้องประชุม.pdf"
    assert titled.display_title == "แบบฟอร์มขอใช้ห้องประชุม"
    assert str(titled) == "แบบฟอร์มขอใช้ห้องประชุม"
