"""Shared fixtures: users, a minimal page tree with the office's settings, page-test assertions."""

import datetime
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from wagtail.coreutils import get_dummy_request
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

import pytest

from accounts.two_factor import is_staff_account
from base.kept import forget_copies
from base.models import ClosureDay
from service_pages.models import ServiceDocument
from service_requests.catalogue import builtin_services, forget_office_choices
from service_requests.catalogue.configured import forget_configured_services
from signing.demo_certificates import make_demo_certificates
from tests.factories.accounts import DEFAULT_PASSWORD, SuperuserFactory, UserFactory
from tests.factories.home import HomePageFactory, OfficeSettingsFactory, PrivacyPageFactory
from tests.factories.service_pages import (
    DownloadsPageFactory,
    ServiceDocumentFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from tests.helpers import pass_second_factor


@pytest.fixture(scope="session", autouse=True)
def demo_signing_certificate():
    """A throw-away demo CA and office certificate where the test settings look for them, so
    reply files and printouts are signed as in production (nothing of it in the repository)."""
    return make_demo_certificates(Path(settings.DEMO_SIGNING_FOLDER), office_name="สำนักงานทดสอบ")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Thai, the default language: a request to an English page leaves its
    language active in the thread, which must not leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def no_configured_services_from_another_test():
    """The catalogue keeps the configured services and the office's choices for the built-in ones
    a few seconds (catalogue/); each test's database is rolled back, so each test reads its own."""
    forget_configured_services()
    forget_office_choices()
    yield
    forget_configured_services()
    forget_office_choices()


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(monkeypatch):
    """`client.force_login` stands for a finished log-in: for staff that includes the second
    factor (tests/helpers.py). The two-factor tests log in by the pages instead."""
    force_login = Client.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        if is_staff_account(user):
            pass_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture
def password():
    """The password every factory-made user has unless told otherwise."""
    return DEFAULT_PASSWORD


@pytest.fixture
def user(db):
    """An applicant: นางสาววิลัยวรรณ สุภชาติ, the user of the manual's screenshots."""
    return UserFactory(citizen_id="1439900285977", title="นางสาว", first_name="วิลัยวรรณ", last_name="สุภชาติ")


@pytest.fixture
def closure_day(db):
    """Friday 18 April 2025: the office closed for electrical repairs (not a public holiday)."""
    return ClosureDay.objects.create(date=datetime.date(2025, 4, 18), reason="ปิดสำนักงานเพื่อซ่อมระบบไฟฟ้า")


@pytest.fixture
def superuser(db):
    return SuperuserFactory()


@pytest.fixture
def thai_locale(db):
    return Locale.objects.get(language_code="th")


@pytest.fixture
def english_locale(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def page_tree(db, thai_locale):
    """Root > HomePage (the default site) > services (six ServicePages, each with a manual and a
    blank form), downloads and privacy; OfficeSettings for the site, naming the privacy page."""
    # Wagtail's migration leaves a "Welcome" page as the site root; the portal's home replaces it.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="One Stop Service"
    )
    services = ServiceIndexPageFactory(parent=home)
    service_pages = {}
    for service in builtin_services():
        page = ServicePageFactory(parent=services, service_code=service.code)
        ServiceDocumentFactory(
            page=page, kind=ServiceDocument.Kind.MANUAL, document__title=f"คู่มือ {page.title}"
        )
        ServiceDocumentFactory(
            page=page, kind=ServiceDocument.Kind.BLANK_FORM, document__title=f"แบบฟอร์ม {page.title}"
        )
        service_pages[service.slug] = page
    downloads = DownloadsPageFactory(parent=home)
    privacy = PrivacyPageFactory(parent=home)
    office = OfficeSettingsFactory(site=site, privacy_policy_page=privacy)
    return SimpleNamespace(
        site=site,
        home=home,
        services=services,
        service_pages=service_pages,
        downloads=downloads,
        privacy=privacy,
        office=office,
    )


@pytest.fixture
def page_tests(client):
    """Wagtail's page-type assertions (assertCanCreateAt, assertPageIsRenderable, ...) for pytest."""
    helper = WagtailPageTestCase()
    helper.client = client
    helper.dummy_request = get_dummy_request()
    return helper


@pytest.fixture
def registration_data():
    """What นางสาววิลัยวรรณ types into the registration form (citizen ID with dashes, as on her card)."""
    return {
        "citizen_id": "1-4399-00285-97-7",
        "phone": "081-234-5678",
        "personnel_type": "teacher",
        "title": "นางสาว",
        "first_name": "วิลัยวรรณ",
        "last_name": "สุภชาติ",
        "password1": "Sarabun-2568-ok",
        "password2": "Sarabun-2568-ok",
        "consent": "on",
    }


@pytest.fixture
def english_tree(page_tree, english_locale):
    """Published English translations of the home page, the services index and the ID-card page."""

    def translate(page):
        translated = page.copy_for_translation(english_locale)
        translated.title = f"{page.title} (English)"
        translated.save_revision().publish()
        translated.refresh_from_db()
        return translated

    home = translate(page_tree.home)
    services = translate(page_tree.services)
    id_card = translate(page_tree.service_pages["id-card"])
    return SimpleNamespace(home=home, services=services, id_card=id_card)


@pytest.fixture
def page_cache_on(settings):
    """The page cache, the fragments and what is kept under their generation, on (the test settings
    turn them off), from an empty cache."""
    settings.ANONYMOUS_PAGE_CACHE = True
    cache.clear()
    forget_copies()
    yield
    cache.clear()
    forget_copies()
