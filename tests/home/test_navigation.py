"""The public site's header and footer: menu, language switcher, office details (home.templatetags.navigation)."""

import re

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from tests.helpers import in_thai

pytestmark = pytest.mark.django_db


def menu_links(html):
    """(text, href) of each link in the main menu, in order."""
    menu = re.search(r'<nav id="site-menu".*?</nav>', html, re.S).group(0)
    return [(text.strip(), href) for href, text in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', menu)]


def language_link(html, code):
    return re.search(rf'<a href="([^"]*)" lang="{code}" hreflang="{code}"', html).group(1)


def publish_english_translation(page, english_locale):
    translated = page.copy_for_translation(english_locale, copy_parents=True)
    translated.save_revision().publish()
    return translated


def test_a_visitor_sees_the_public_menu_of_the_spec(client, page_tree):
    html = client.get("/").content.decode()
    assert menu_links(html) == [
        (in_thai("Home"), "/"),
        (in_thai("Services"), "/services/"),
        (in_thai("Check status"), "/status/"),
        (in_thai("Log in"), "/accounts/login/"),
        (in_thai("Register"), "/accounts/register/"),
    ]


def test_a_logged_in_user_sees_the_account_menu_and_their_full_name(client, page_tree, user):
    client.force_login(user)
    html = client.get("/").content.decode()
    labels = [label for label, _href in menu_links(html)]
    assert labels == [
        in_thai("Home"),
        in_thai("Services"),
        in_thai("Check status"),
        in_thai("My requests"),
        in_thai("Profile"),
        in_thai("Change password"),
    ]
    # Logging out is a POST with the CSRF token, never a link a crawler could follow.
    assert re.search(
        r'<form method="post" action="/accounts/logout/">\s*<input type="hidden" name="csrfmiddlewaretoken"',
        html,
    )
    assert "( นางสาววิลัยวรรณ สุภชาติ )" in html


def test_the_menu_marks_the_page_shown_and_the_section_it_is_in(client, page_tree):
    html = client.get("/services/id-card/").content.decode()
    assert f'<a href="/services/" aria-current="true">{in_thai("Services")}</a>' in html
    assert '<a href="/" aria-current' not in html
    html = client.get("/status/").content.decode()
    assert f'<a href="/status/" aria-current="page">{in_thai("Check status")}</a>' in html


def test_the_language_switcher_links_a_page_to_its_english_translation(client, page_tree, english_locale):
    publish_english_translation(page_tree.service_pages["id-card"], english_locale)
    html = client.get("/services/id-card/").content.decode()
    assert language_link(html, "en") == "/en/services/id-card/"
    assert re.search(r'lang="th" hreflang="th" aria-current="true"', html)

    english = client.get("/en/services/id-card/").content.decode()
    assert '<html lang="en"' in english
    assert language_link(english, "th") == "/services/id-card/"


def test_an_untranslated_page_switches_to_the_english_home_page(client, page_tree, english_locale):
    publish_english_translation(page_tree.home, english_locale)
    html = client.get("/services/certificate/").content.decode()
    assert language_link(html, "en") == "/en/"


def test_the_language_switcher_keeps_the_filter_of_the_downloads_page(client, page_tree, english_locale):
    publish_english_translation(page_tree.downloads, english_locale)
    html = client.get("/downloads/?service=certificate").content.decode()
    assert language_link(html, "en") == "/en/downloads/?service=certificate"


def test_the_language_switcher_on_an_account_page_keeps_the_address(client, page_tree):
    html = client.get("/accounts/login/?next=/services/id-card/").content.decode()
    assert language_link(html, "en") == "/en/accounts/login/?next=/services/id-card/"
    english = client.get("/en/accounts/login/").content.decode()
    assert language_link(english, "th") == "/accounts/login/"


def test_english_visitors_get_the_english_menu_pages(client, page_tree, english_locale):
    publish_english_translation(page_tree.services, english_locale)
    html = client.get("/en/accounts/login/").content.decode()
    assert ("Services", "/en/services/") in menu_links(html)
    assert ("Home", "/en/") in menu_links(html)


def test_the_menu_pages_are_found_in_one_query_and_remembered(page_tree, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.site = page_tree.site
    template = Template(
        "{% load navigation %}{% menu_pages as m %}{{ m.services_url }}|{{ m.downloads_url }}"
    )
    with translation.override("th"):
        template.render(Context({"request": request}))  # warms Wagtail's site-root cache
        del request._menu_pages
        with django_assert_num_queries(1):
            rendered = template.render(Context({"request": request}))
        with django_assert_num_queries(0):
            template.render(Context({"request": request}))
    assert rendered == "/services/|/downloads/"


def test_the_footer_shows_the_office_from_its_settings(client, page_tree, english_locale):
    html = client.get("/").content.decode()
    office = page_tree.office
    for detail in (office.name_th, office.address_th, office.phones, office.fax, office.email):
        assert detail in html
    assert f'<a href="/privacy/">{in_thai("Privacy policy")}</a>' in html
    # A landmark named apart from the home page's hero, which the office name heads too.
    assert f'<section aria-label="{in_thai("Contact the office")}">' in html

    publish_english_translation(page_tree.privacy, english_locale)
    english = client.get("/en/accounts/login/").content.decode()
    assert office.name_en in english
    assert office.address_en in english
    assert '<a href="/en/privacy/">Privacy policy</a>' in english


def test_a_logged_in_page_finds_the_menu_and_translations_without_a_query_once_kept(
    client, page_tree, user, english_locale, page_cache_on
):
    publish_english_translation(page_tree.service_pages["id-card"], english_locale)
    client.force_login(user)
    client.get("/services/id-card/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/services/id-card/").content.decode()
    assert language_link(html, "en") == "/en/services/id-card/"
    assert (in_thai("Services"), "/services/") in menu_links(html)
    menu_or_translation_reads = [
        query["sql"]
        for query in queries.captured_queries
        if '"content_type_id" IN' in query["sql"] or '"translation_key" = ' in query["sql"]
    ]
    assert menu_or_translation_reads == []


def test_a_translation_published_later_is_linked_at_once_with_the_cache_on(
    client, page_tree, english_locale, user, page_cache_on
):
    publish_english_translation(page_tree.home, english_locale)
    client.force_login(user)
    assert language_link(client.get("/services/id-card/").content.decode(), "en") == "/en/"
    publish_english_translation(page_tree.service_pages["id-card"], english_locale)
    assert language_link(client.get("/services/id-card/").content.decode(), "en") == "/en/services/id-card/"
