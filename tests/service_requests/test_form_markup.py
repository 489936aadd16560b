"""A service page's request form rendered once and filled in for each applicant
(service_requests/form_markup.py): the same markup Django renders, each applicant's own values, a
form that still submits, and no applicant's details kept in the cache."""

import pickle
import re

from django.core.cache import cache
from django.test import Client

import pytest

from accounts.models import Title
from service_requests.catalogue import builtin_services
from service_requests.models import ServiceRequest
from tests.factories.accounts import UserFactory
from tests.factories.service_forms import EVERY_FIELD, publish_version
from tests.factories.service_pages import ConfiguredServicePageFactory
from tests.factories.service_requests import form_data, png_upload

pytestmark = pytest.mark.django_db

CERTIFICATE_URL = "/services/certificate/"
FORM = re.compile(r'<form class="request-form".*?</form>', re.S)
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
KEY = re.compile(r'(name="contact-submission_key" value=")[^"]+')


def form_of(client, url=CERTIFICATE_URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return FORM.search(response.content.decode()).group(0)


def comparable(markup: str) -> str:
    """The markup without what differs on every rendering (the CSRF token, the submission key)."""
    return KEY.sub(r"\1KEY", TOKEN.sub(r"\1TOKEN", markup))


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def kept_in_cache() -> str:
    """Everything the local-memory cache of the test settings holds, as text."""
    return "".join(repr(pickle.loads(value)) for value in cache._cache.values())  # noqa: S301 - our own cache


@pytest.fixture
def awkward_applicant():
    """Details that HTML must escape, in every field the form fills in."""
    return UserFactory(
        title=Title.MRS,
        first_name="สม<b>\"ใจ'",
        last_name="ดี & <i>มาก</i>",
        phone="0812345678",
        email="som&jai@example.com",
    )


@pytest.mark.parametrize("slug", [service.slug for service in builtin_services()])
def test_every_service_page_gives_the_markup_django_renders(slug, page_tree, settings, awkward_applicant):
    url = page_tree.service_pages[slug].url
    client = logged_in(awkward_applicant)
    settings.ANONYMOUS_PAGE_CACHE = False
    rendered = form_of(client, url)
    settings.ANONYMOUS_PAGE_CACHE = True
    cache.clear()
    first, second = form_of(client, url), form_of(client, url)  # rendered and kept, then filled in
    assert comparable(first) == comparable(second) == comparable(rendered)
    assert "สม&lt;b&gt;&quot;ใจ&#x27;" in second


def test_a_configured_service_gives_the_markup_django_renders(page_tree, settings, awkward_applicant):
    page = ConfiguredServicePageFactory(parent=page_tree.services)
    publish_version("13", page=page, fields=EVERY_FIELD)
    client = logged_in(awkward_applicant)
    settings.ANONYMOUS_PAGE_CACHE = False
    rendered = form_of(client, page.url)
    settings.ANONYMOUS_PAGE_CACHE = True
    cache.clear()
    first, second = form_of(client, page.url), form_of(client, page.url)
    assert comparable(first) == comparable(second) == comparable(rendered)
    assert "0812345678" in second


def test_each_applicant_sees_their_own_details_and_nobody_elses(page_tree, page_cache_on, user):
    other = UserFactory(title=Title.MR, first_name="ประเสริฐ", last_name="ใจงาม", phone="0898765432")
    mine, theirs = form_of(logged_in(user)), form_of(logged_in(other))
    assert user.first_name in mine and user.phone in mine and user.citizen_id in mine
    for value in (other.first_name, other.last_name, other.phone, other.citizen_id):
        assert value in theirs and value not in mine
    chosen = f'<option value="{Title.MR}" selected>'  # each applicant's own title
    assert chosen in theirs and chosen not in mine


def test_the_cache_holds_no_applicants_details(page_tree, page_cache_on, awkward_applicant):
    form_of(logged_in(awkward_applicant))
    kept = kept_in_cache()
    assert "request-form" in "".join(cache._cache)  # the form was kept
    for value in ("ใจ", "มาก", "0812345678", awkward_applicant.citizen_id, "som&jai"):
        assert value not in kept


def test_every_page_gets_its_own_token_and_submission_key(page_tree, page_cache_on, user):
    client = logged_in(user)
    first, second = form_of(client), form_of(client)
    assert TOKEN.search(first).group(0) != TOKEN.search(second).group(0)
    assert KEY.search(first).group(0) != KEY.search(second).group(0)


def test_the_filled_in_form_submits(page_tree, page_cache_on, user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    form_of(client)  # kept
    markup = form_of(client)  # filled in
    data = form_data("12", user)
    data["csrfmiddlewaretoken"] = TOKEN.search(markup).group(0).split('value="')[1]
    data["contact-submission_key"] = KEY.search(markup).group(0).split('value="')[1]
    data["files-id_card_copy"] = png_upload("สำเนาบัตร.png")
    response = client.post(CERTIFICATE_URL, data)
    assert response.status_code == 302
    assert ServiceRequest.objects.filter(
        applicant=user, submission_key=data["contact-submission_key"]
    ).exists()


def test_a_form_sent_back_with_errors_shows_what_was_typed(page_tree, page_cache_on, user):
    client = logged_in(user)
    form_of(client)
    data = form_data("12", user, **{"contact-applicant_phone": "12"})
    response = client.post(CERTIFICATE_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="contact-applicant_phone" value="12"' in html
    assert "field--error" in html


def test_a_changed_profile_shows_on_the_next_page(page_tree, page_cache_on, user):
    client = logged_in(user)
    form_of(client)
    user.phone = "0870000001"
    user.save(update_fields=["phone"])
    assert 'value="0870000001"' in form_of(client)
