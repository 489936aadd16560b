"""The page a path names and its view restrictions from the cache (base/route_cache.py): a
logged-in page finds neither in the database once they are kept, each path and language keeps its
own page, and publishing, unpublishing, moving a page or changing its privacy shows at once."""

import pickle

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from accounts.models import User
from base.route_cache import KeptViewRestrictions
from tests.factories.home import ContentPageFactory
from tests.portal.test_layers import APPS as PROJECT_APPS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

SERVICE = "/services/certificate/"
NAME = "วิลัยวรรณ"
ROUTING_TABLES = ("wagtailcore_page", "wagtailcore_locale", "wagtailcore_pageviewrestriction")


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, " ".join(query["sql"] for query in queries.captured_queries)


def test_a_logged_in_page_is_found_without_the_database_once_kept(client, user, page_tree):
    client.force_login(user)
    _first, first_sql = get(client, SERVICE)
    assert "wagtailcore_page" in first_sql and "wagtailcore_pageviewrestriction" in first_sql
    response, sql = get(client, SERVICE)
    assert response.status_code == 200
    for table in ROUTING_TABLES:
        assert f'"{table}"' not in sql
    html = response.content.decode()
    assert page_tree.service_pages["certificate"].title in html
    assert NAME in html and "csrfmiddlewaretoken" in html  # still her own form


def test_a_logged_in_service_page_costs_only_her_session_and_user_once_kept(
    client, user, page_tree, django_assert_num_queries
):
    """Nine queries without the cache (the session, the user, the locale, the home page, the page
    in two, its restrictions in two, the office's ID-card choices); two with it."""
    client.force_login(user)
    client.get(SERVICE)
    with django_assert_num_queries(2):  # the test settings keep sessions in the database
        response = client.get(SERVICE)
    assert NAME in response.content.decode()


def test_each_path_keeps_its_own_page(client, user, page_tree):
    client.force_login(user)
    for _round in range(2):
        for page in (
            page_tree.home,
            page_tree.services,
            *page_tree.service_pages.values(),
            page_tree.privacy,
        ):
            response = client.get(page.url)
            assert response.status_code == 200
            assert response.context["page"] == page.specific


def test_each_language_keeps_its_own_page(client, user, english_tree):
    client.force_login(user)
    for _round in range(2):
        assert client.get("/services/").context["page"].locale.language_code == "th"
        assert client.get("/en/services/").context["page"] == english_tree.services


def test_a_path_that_names_no_page_still_answers_not_found(client, user, page_tree):
    client.force_login(user)
    for _round in range(2):
        assert client.get("/services/no-such-service/").status_code == 404


def test_what_is_kept_carries_no_request_and_no_user(client, user, page_tree):
    client.force_login(user)
    for path in ("/", "/services/", SERVICE):
        client.get(path)
        client.get(path)  # served (her name, her form rendered) from what was kept
    # The test settings' cache is the process's memory; its keys are ":<version>:<key>".
    kept = [cache.get(key.split(":", 2)[2]) for key in list(cache._cache) if ":route:" in key]
    assert len(kept) == 3
    for page, restrictions in kept:
        for value in (*vars(page).values(), *restrictions):
            assert not isinstance(value, (HttpRequest, User))
        assert NAME.encode() not in pickle.dumps((page, restrictions))
        assert user.citizen_id.encode() not in pickle.dumps((page, restrictions))


def test_a_published_change_shows_on_the_next_request(client, user, page_tree):
    client.force_login(user)
    client.get(SERVICE)
    page = page_tree.service_pages["certificate"]
    page.title = "หนังสือรับรอง (ฉบับปรับปรุง)"
    page.save_revision().publish()
    assert "หนังสือรับรอง (ฉบับปรับปรุง)" in client.get(SERVICE).content.decode()


def test_an_unpublished_page_is_not_found_on_the_next_request(client, user, page_tree):
    client.force_login(user)
    assert client.get(SERVICE).status_code == 200
    page_tree.service_pages["certificate"].unpublish()
    assert client.get(SERVICE).status_code == 404


def test_a_moved_page_is_served_at_its_new_address_only(client, user, page_tree):
    about = ContentPageFactory(parent=page_tree.home, title="เกี่ยวกับ", slug="about")
    page = ContentPageFactory(parent=page_tree.home, title="ผู้บริหาร", slug="executives")
    client.force_login(user)
    assert client.get("/executives/").status_code == 200
    page.move(about, pos="last-child")
    old = client.get("/executives/")  # Wagtail's redirect from where it was
    assert old.status_code == 301 and old.url == "/about/executives/"
    response = client.get("/about/executives/")
    assert response.status_code == 200
    assert response.context["page"] == page


def test_a_new_password_on_the_page_asks_for_it_on_the_next_request(client, user, page_tree):
    client.force_login(user)
    assert client.get(SERVICE).status_code == 200
    PageViewRestriction.objects.create(
        page=page_tree.service_pages["certificate"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="ลับ",
    )
    for _round in range(2):  # and again once the restriction is kept
        response = client.get(SERVICE)
        assert response.status_code == 200
        assert 'name="password"' in response.content.decode()
        assert NAME not in response.content.decode()


def test_a_restriction_on_an_ancestor_sends_her_to_log_in_and_lifting_it_lets_her_in(client, user, page_tree):
    client.force_login(user)
    assert client.get(SERVICE).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page_tree.services, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="เจ้าหน้าที่เท่านั้น"))
    for _round in range(2):
        response = client.get(SERVICE)
        assert response.status_code == 302
        assert "next=/services/certificate/" in response.url
    restriction.delete()
    assert client.get(SERVICE).status_code == 200


def test_without_the_cache_every_request_finds_its_page_in_the_database(client, user, page_tree, settings):
    settings.ANONYMOUS_PAGE_CACHE = False
    client.force_login(user)
    get(client, SERVICE)
    _response, sql = get(client, SERVICE)
    assert '"wagtailcore_page"' in sql and '"wagtailcore_pageviewrestriction"' in sql


def test_every_page_model_of_the_portal_can_be_kept_with_its_restrictions():
    """A page model without base.route_cache.KeptViewRestrictions would be found the slow way."""
    project_pages = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model.__module__.split(".")[0] in PROJECT_APPS
    ]
    assert project_pages
    assert [model for model in project_pages if not issubclass(model, KeptViewRestrictions)] == []
