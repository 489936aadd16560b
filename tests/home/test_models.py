"""The home app's pages and the office's settings."""

from django.utils import translation

from wagtail.models import Page, Site

import pytest

from base.models import OfficeSettings
from home.models import ContentPage, HomePage
from service_pages.models import DownloadsPage, ServiceIndexPage, ServicePage
from tests.factories.home import ContentPageFactory, OfficeSettingsFactory

pytestmark = pytest.mark.django_db


# Where the pages may go


def test_the_home_page_sits_directly_under_the_root(page_tests):
    page_tests.assertAllowedParentPageTypes(HomePage, {Page})
    page_tests.assertCanCreateAt(Page, HomePage)


def test_the_home_page_holds_services_downloads_and_content_pages(page_tests):
    page_tests.assertAllowedSubpageTypes(HomePage, {ServiceIndexPage, DownloadsPage, ContentPage})


@pytest.mark.parametrize("parent", [HomePage, ContentPage, ServiceIndexPage, ServicePage, DownloadsPage])
def test_a_home_page_cannot_be_nested_in_another_page(page_tests, parent):
    page_tests.assertCanNotCreateAt(parent, HomePage)


def test_a_content_page_goes_under_the_home_page_or_another_content_page(page_tests):
    page_tests.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
    page_tests.assertAllowedSubpageTypes(ContentPage, {ContentPage})


@pytest.mark.parametrize("parent", [ServiceIndexPage, ServicePage, DownloadsPage])
def test_a_content_page_cannot_go_under_the_service_pages(page_tests, parent):
    page_tests.assertCanNotCreateAt(parent, ContentPage)


def test_a_second_home_page_cannot_be_created_beside_the_first(page_tree):
    assert not HomePage.can_create_at(Page.get_first_root_node())


# How they render


def test_the_home_page_renders_at_the_site_root(client, page_tree, page_tests):
    page_tests.assertPageIsRoutable(page_tree.home)
    page_tests.assertPageIsRenderable(page_tree.home)
    assert page_tree.home.url == "/"


def test_the_home_page_shows_the_office_name_and_a_tile_per_service(client, page_tree):
    html = client.get("/").content.decode()
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ" in html
    for page in page_tree.service_pages.values():
        assert f'href="{page.url}"' in html
        assert page.title in html


def test_the_home_page_leaves_out_unpublished_services(client, page_tree):
    hidden = page_tree.service_pages["appointment"]
    hidden.unpublish()
    html = client.get("/").content.decode()
    assert f'href="{hidden.url}"' not in html
    assert f'href="{page_tree.service_pages["id-card"].url}"' in html


def test_the_privacy_page_renders_its_body(client, page_tree, page_tests):
    page_tests.assertPageIsRenderable(page_tree.privacy)
    html = client.get("/privacy/").content.decode()
    assert "นโยบายคุ้มครองข้อมูลส่วนบุคคล" in html
    assert "สำนักงานเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็นต่อการให้บริการ" in html


def test_a_content_page_under_a_content_page_renders(client, page_tree, page_tests):
    child = ContentPageFactory(parent=page_tree.privacy, title="คุกกี้", slug="cookies")
    page_tests.assertPageIsRenderable(child)
    assert child.url == "/privacy/cookies/"


def test_the_footer_links_the_privacy_policy_from_the_settings(client, page_tree):
    assert f'href="{page_tree.privacy.url}"' in client.get("/").content.decode()


def test_the_english_home_page_renders_under_en(client, english_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.context["page"] == english_tree.home
    assert "Amnat Charoen Primary Educational Service Area Office" in response.content.decode()


def test_the_english_home_page_shows_only_english_services(client, english_tree):
    response = client.get("/en/")
    assert [page.pk for page in response.context["service_pages"]] == [english_tree.id_card.pk]


# The office's settings


def test_the_office_name_and_address_follow_the_language(page_tree):
    office = OfficeSettings.for_site(page_tree.site)
    with translation.override("th"):
        assert office.name == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ"
        assert office.address.startswith("230 ถนนสุขาภิบาล 1")
    with translation.override("en"):
        assert office.name == "Amnat Charoen Primary Educational Service Area Office"
        assert office.address.startswith("230 Sukhaphiban 1 Road")


def test_the_thai_name_stands_in_when_there_is_no_english_one(page_tree):
    office = page_tree.office
    office.name_en = ""
    office.address_en = ""
    with translation.override("en"):
        assert office.name == office.name_th
        assert office.address == office.address_th


def test_each_site_has_its_own_office(page_tree):
    other_site = Site.objects.create(hostname="other.example", port=80, root_page=page_tree.home)
    OfficeSettingsFactory(site=other_site, name_th="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 1")
    assert OfficeSettings.for_site(page_tree.site).name_th.endswith("อำนาจเจริญ")
    assert OfficeSettings.for_site(other_site).name_th.endswith("เขต 1")


# How a path finds its page


def test_a_page_three_levels_down_is_found_in_one_query(page_tree, rf, django_assert_num_queries):
    about = ContentPageFactory(parent=page_tree.home, title="เกี่ยวกับ", slug="about")
    history = ContentPageFactory(parent=about, title="ประวัติ", slug="history")
    page = ContentPageFactory(parent=history, title="ผู้บริหาร", slug="executives")
    home = HomePage.objects.get(pk=page_tree.home.pk)

    with django_assert_num_queries(2):  # the page, and its own fields (.specific)
        found, _args, _kwargs = home.route(
            rf.get("/about/history/executives/"), ["about", "history", "executives"]
        )

    assert found == page
    assert isinstance(found, ContentPage)


def test_a_draft_under_a_live_page_is_not_found_and_a_live_page_under_a_draft_is(client, page_tree):
    about = ContentPageFactory(parent=page_tree.home, title="เกี่ยวกับ", slug="about")
    draft = ContentPageFactory(parent=about, title="ร่าง", slug="draft", live=False)
    ContentPageFactory(parent=draft, title="ภายใต้ร่าง", slug="below")

    # As Wagtail's own walk answers: a page is served when it is live, whatever its parents are.
    assert client.get("/about/draft/").status_code == 404
    assert client.get("/about/draft/below/").status_code == 200
    assert client.get("/about/nothing-here/").status_code == 404
