"""Forgotten password in a real browser (Playwright, the system's Chromium; see
tests/service_requests/browser.py): ลืมรหัสผ่าน → the link from the outbox → a new password
twice → log in with it. The live server runs in this process, so Django's in-memory outbox
(locmem, the test settings' backend) holds what it sent."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from tests.factories.accounts import UserFactory, citizen_id_for
from tests.helpers import in_thai
from tests.service_requests import browser as browser_steps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CITIZEN_ID = citizen_id_for(4343)
ADDRESS = "somchai@example.com"
NEW_PASSWORD = "Mango-sticky-rice-2569"


@pytest.fixture
def applicant(db):
    return UserFactory(citizen_id=CITIZEN_ID, email=ADDRESS)  # an address already verified


def test_forgotten_password_by_email_link(live_server, page_tree, applicant):
    base_url = live_server.url
    with browser_steps.chromium() as browser:
        page = browser_steps.new_visitor(browser)
        page.goto(f"{base_url}/accounts/login/")
        page.get_by_role("link", name=in_thai("Forgot password"), exact=True).click()
        page.locator("[name=citizen_id]").fill(CITIZEN_ID)
        browser_steps.submit(page, "citizen_id")
        expect(page).to_have_url(re.compile(r"/accounts/password/forgot/sent/$"))

        [message] = mail.outbox  # sent by the live server's thread, in this process
        assert message.to == [ADDRESS]
        link = re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body).group(0)
        assert link.startswith(base_url)

        page.goto(link)
        page.locator("[name=new_password1]").fill(NEW_PASSWORD)
        page.locator("[name=new_password2]").fill(NEW_PASSWORD)
        browser_steps.submit(page, "new_password1")
        expect(page).to_have_url(re.compile(r"/accounts/login/$"))
        expect(page.locator("main")).to_contain_text(
            in_thai("Your new password is set. Please log in with it.")
        )

        browser_steps.log_in(page, f"{base_url}/accounts/login/", CITIZEN_ID, NEW_PASSWORD)
        expect(page.locator("form[action$='/accounts/logout/']")).to_be_visible()
