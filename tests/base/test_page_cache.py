"""The whole-page cache for anonymous visitors (base/page_cache.py): public pages come from it,
nothing one person sees is served to another, and a publish or a settings change shows at once."""

import datetime

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from base import page_cache
from base.models import ClosureDay
from base.page_cache import HEADER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

SERVICE = "/services/certificate/"
NAME = "วิลัยวรรณ"


def anonymous_get(path):
    return Client().get(path)


def public_paths(page_tree):
    return [
        page.url
        for page in (
            page_tree.home,
            page_tree.services,
            page_tree.service_pages["certificate"],
            page_tree.downloads,
            page_tree.privacy,
        )
    ]


def test_public_pages_come_from_the_cache_the_second_time_without_a_query(
    page_tree, django_assert_num_queries
):
    assert SERVICE in public_paths(page_tree)
    for path in public_paths(page_tree):
        first = anonymous_get(path)
        assert (first.status_code, first[HEADER]) == (200, "miss")
        with django_assert_num_queries(0):
            second = anonymous_get(path)
        assert (second.status_code, second[HEADER]) == (200, "hit")
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert not second.cookies


def test_a_logged_in_users_page_is_neither_stored_nor_served_from_the_cache(client, user, page_tree):
    client.force_login(user)
    own = client.get(SERVICE)
    html = own.content.decode()
    assert NAME in html and "csrfmiddlewaretoken" in html  # her name, the pre-filled form
    assert HEADER not in own
    anonymous = anonymous_get(SERVICE)
    assert anonymous[HEADER] == "miss"
    for response in (anonymous, anonymous_get(SERVICE)):
        assert NAME not in response.content.decode()
        assert "csrfmiddlewaretoken" not in response.content.decode()
    # Now that the anonymous page is stored, she still gets her own.
    again = client.get(SERVICE)
    assert HEADER not in again and NAME in again.content.decode()


def test_a_page_that_holds_a_csrf_token_is_never_stored(page_tree):
    PageViewRestriction.objects.create(
        page=page_tree.privacy, restriction_type=PageViewRestriction.PASSWORD, password="ลับ"
    )
    visitor = Client()
    for _ in range(2):
        response = visitor.get(page_tree.privacy.url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert HEADER not in response
        assert "csrftoken" in response.cookies


def with_message(client, text):
    """The client carries a pending message in django.contrib.messages' cookie."""
    response = HttpResponse()
    storage = CookieStorage(request=None)
    storage._store([Message(constants.SUCCESS, text)], response)
    client.cookies["messages"] = response.cookies["messages"].value
    return client


def test_a_message_is_shown_to_its_visitor_only(page_tree):
    anonymous_get(page_tree.home.url)  # the home page is stored
    visitor = with_message(Client(), "ออกจากระบบแล้ว")
    assert "ออกจากระบบแล้ว" in visitor.get(page_tree.home.url).content.decode()
    for response in (anonymous_get(page_tree.home.url), visitor.get(page_tree.home.url)):
        assert "ออกจากระบบแล้ว" not in response.content.decode()


def test_publishing_a_page_shows_the_new_title_at_once(page_tree):
    page = page_tree.service_pages["certificate"]
    assert anonymous_get(SERVICE)[HEADER] == "miss"
    assert anonymous_get(SERVICE)[HEADER] == "hit"
    page.title = "หนังสือรับรอง (ฉบับปรับปรุง)"
    page.save_revision().publish()
    response = anonymous_get(SERVICE)
    assert response[HEADER] == "miss"
    assert "หนังสือรับรอง (ฉบับปรับปรุง)" in response.content.decode()


def test_unpublishing_a_page_takes_it_away_at_once(page_tree):
    assert anonymous_get(SERVICE).status_code == 200
    page_tree.service_pages["certificate"].unpublish()
    assert anonymous_get(SERVICE).status_code == 404


def test_a_draft_is_not_shown_before_it_is_published(page_tree):
    page = page_tree.service_pages["certificate"]
    anonymous_get(SERVICE)
    page.title = "ร่างที่ยังไม่เผยแพร่"
    page.save_revision()
    assert "ร่างที่ยังไม่เผยแพร่" not in anonymous_get(SERVICE).content.decode()


def test_changing_the_office_settings_shows_at_once(page_tree):
    assert page_tree.office.name_th in anonymous_get(page_tree.home.url).content.decode()
    page_tree.office.name_th = "สำนักงานเขตพื้นที่การศึกษาทดสอบ"
    page_tree.office.save()
    assert "สำนักงานเขตพื้นที่การศึกษาทดสอบ" in anonymous_get(page_tree.home.url).content.decode()


def test_a_closure_day_purges_the_pages(page_tree):
    anonymous_get(SERVICE)
    assert anonymous_get(SERVICE)[HEADER] == "hit"
    ClosureDay.objects.create(date=datetime.date(2025, 4, 18), reason="ปิดสำนักงาน")
    assert anonymous_get(SERVICE)[HEADER] == "miss"


def test_each_language_has_its_own_page(english_tree):
    thai = anonymous_get("/")
    english = anonymous_get("/en/")
    assert english.status_code == 200
    assert english.content != thai.content
    assert anonymous_get("/en/").content == english.content
    assert anonymous_get("/").content == thai.content


def test_the_cache_can_be_turned_off(settings, page_tree):
    settings.ANONYMOUS_PAGE_CACHE = False
    anonymous_get(SERVICE)
    assert HEADER not in anonymous_get(SERVICE)


# The parts of pages kept for everyone (base/templatetags/page_fragments.py)


def test_a_logged_in_user_sees_the_published_change_at_once_and_her_own_form(client, user, page_tree):
    page = page_tree.service_pages["certificate"]
    client.force_login(user)
    assert page.title in client.get(SERVICE).content.decode()
    page.title = "หนังสือรับรอง (ฉบับปรับปรุง)"
    page.save_revision().publish()
    html = client.get(SERVICE).content.decode()
    assert "หนังสือรับรอง (ฉบับปรับปรุง)" in html
    assert NAME in html and "csrfmiddlewaretoken" in html


def test_the_office_name_changes_in_the_footer_of_logged_in_pages_too(client, user, page_tree):
    client.force_login(user)
    client.get(SERVICE)
    page_tree.office.name_th = "สำนักงานเขตพื้นที่การศึกษาทดสอบ"
    page_tree.office.save()
    assert "สำนักงานเขตพื้นที่การศึกษาทดสอบ" in client.get(SERVICE).content.decode()


def test_an_editors_preview_shows_the_draft_and_never_keeps_it(page_tree):
    page = page_tree.service_pages["certificate"]
    anonymous_get(SERVICE)  # the published parts are kept
    page.description = "<p>คำอธิบายฉบับร่าง</p>"
    page.save_revision()
    draft = page.get_latest_revision_as_object()
    preview = draft.make_preview_request()
    assert "คำอธิบายฉบับร่าง" in preview.content.decode()
    for client in (Client(), Client()):
        assert "คำอธิบายฉบับร่าง" not in client.get(SERVICE).content.decode()


def test_a_cached_page_keeps_its_headers_but_gets_its_own_request_id(page_tree, rf):
    first = anonymous_get(SERVICE)
    request = rf.get(SERVICE)
    _, _, stored_headers, _ = cache.get(page_cache._key(request, "th"))
    second = anonymous_get(SERVICE)

    stored = {name.lower() for name, _ in stored_headers}
    # What the middleware further in gave the page is stored with it: the same for every visitor.
    assert {"content-security-policy", "permissions-policy", "x-frame-options", "content-language"} <= stored
    # Made afresh for each visitor, outside the cache.
    assert stored.isdisjoint({"x-request-id", "set-cookie"})
    assert second[HEADER] == "hit"
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Vary",
        "Content-Language",
    ):
        assert second[name] == first[name]
    assert "default-src" in second["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]
    assert second["X-Content-Type-Options"] == "nosniff"


def test_a_page_that_used_a_csp_nonce_is_not_stored(rf):
    """A nonce is for one response only: a page whose template asked for one is served, not kept."""

    def page_with_inline_script(request):
        request.LANGUAGE_CODE = "th"
        request.resolver_match = type("Match", (), {"url_name": "wagtail_serve"})()
        request._csp_nonce = "made-for-this-response"
        return HttpResponse('<script nonce="made-for-this-response"></script>')

    middleware = page_cache.AnonymousPageCacheMiddleware(page_with_inline_script)
    for _ in range(2):
        response = middleware(rf.get(SERVICE))
        assert HEADER not in response
    assert cache.get(page_cache._key(rf.get(SERVICE), "th")) is None


def test_a_page_made_private_is_no_longer_served_from_the_cache(page_tree):
    assert anonymous_get(SERVICE).status_code == 200
    assert anonymous_get(SERVICE)[HEADER] == "hit"
    PageViewRestriction.objects.create(
        page=page_tree.service_pages["certificate"], restriction_type=PageViewRestriction.LOGIN
    )
    response = anonymous_get(SERVICE)
    assert response.status_code == 302
    assert "next=/services/certificate/" in response.url


def test_a_purge_starts_another_generation_once_its_change_is_committed(django_capture_on_commit_callbacks):
    """What a request reads between the change and its commit (the old rows) is kept under the
    first new generation only: the commit starts another."""
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.purge()
        before_commit = page_cache.current_generation()
    assert page_cache.current_generation() != before_commit
