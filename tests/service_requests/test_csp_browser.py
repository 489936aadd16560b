"""The Content-Security-Policy in a real browser: every public page, every applicant page and the
main admin screens (the page editor with its page, image and document choosers, the request list,
a process page, the report with its chart) load without a single violation.

Chromium reports each refused script, style, frame or image as a `securitypolicyviolation` event
and on the console; the test listens to both, on every page it opens, and fails on any.
See tests/service_requests/test_browser.py for how Chromium is found and why the fixtures write
everything before the browser starts.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest
import wagtail_factories
from playwright.sync_api import expect

from base.working_days import BANGKOK
from tests.factories.accounts import SuperuserFactory
from tests.service_requests.browser import chromium
from tests.service_requests.helpers import admin_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LISTEN = """
window.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
        + ` in ${event.sourceFile || document.location.href}:${event.lineNumber} ${event.sample || ""}`);
}, true);
"""


@pytest.fixture
def site(page_tree, submit, user, client):
    """The page tree with a service page whose body holds a call to action (a page chooser) and
    an image; a request of the applicant; the applicant's and a superuser's sessions."""
    image = wagtail_factories.ImageFactory(
        title="ภาพประกอบ", file__width=640, file__height=480, file__filename="illustration.png"
    )
    id_card = page_tree.service_pages["id-card"]
    id_card.body = [
        {
            "type": "call_to_action",
            "value": {
                "text": "ดาวน์โหลดแบบฟอร์ม",
                "page": page_tree.downloads.pk,
                "url": "",
                "button_label": "ไป",
            },
        },
        {"type": "image", "value": {"image": image.pk, "decorative": False, "alt_text": "ภาพประกอบ"}},
    ]
    id_card.save_revision().publish()
    service_request = submit("11")
    client.force_login(user)
    applicant_session = client.cookies["sessionid"].value
    client.logout()
    client.force_login(SuperuserFactory())
    staff_session = client.cookies["sessionid"].value
    today = timezone.now().astimezone(BANGKOK).date()
    report = reverse("service_requests_report")
    return {
        "public": [
            page_tree.home.url,
            page_tree.services.url,
            id_card.url,
            page_tree.downloads.url,
            page_tree.privacy.url,
        ],
        "forms": [
            page_tree.service_pages[slug].url for slug in ("id-card", "meeting-room", "school-record-forms")
        ],
        "reference": service_request.reference,
        "citizen_id": service_request.applicant_citizen_id,
        "process_url": admin_url("process", service_request),
        "applicant_session": applicant_session,
        "staff_session": staff_session,
        "report_url": f"{report}?start={today - datetime.timedelta(days=30):%Y-%m-%d}&end={today:%Y-%m-%d}",
        "editor_url": reverse("wagtailadmin_pages:edit", args=[id_card.pk]),
    }


class Visitor:
    """One browser context (a visitor, an applicant, an officer) that notes every violation."""

    def __init__(self, browser, base_url, session=None):
        self.base_url = base_url
        self.violations = []
        self.context = browser.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
        self.context.expose_function("reportCspViolation", self._violation)
        self.context.add_init_script(LISTEN)
        if session:
            self.context.add_cookies([{"name": "sessionid", "value": session, "url": base_url}])
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _violation(self, text):
        self.violations.append(text)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(f"console: {message.text}")

    def open(self, path):
        response = self.page.goto(self.base_url + path)
        assert response.ok, f"{path}: {response.status}"
        assert "Content-Security-Policy" in {name.title() for name in response.headers}
        self.page.wait_for_load_state("networkidle")
        return self.page


def open_chooser(page, url_part, modal_text_selector):
    """Click (by script: it may sit in a closed dropdown) the choose button of the first chooser
    whose URL contains url_part, and wait for its modal's listing."""
    chooser = page.locator(f"[data-chooser-url*='{url_part}']").first
    chooser.locator("[data-chooser-action-choose]").first.dispatch_event("click")
    modal = page.locator(".modal.fade.show, .modal[aria-hidden='false']").last
    expect(modal.locator(modal_text_selector).first).to_be_visible(timeout=15_000)
    page.wait_for_load_state("networkidle")
    modal.locator("button.close, [data-dismiss='modal'], button[aria-label]").first.dispatch_event("click")
    page.wait_for_timeout(300)


def test_no_page_of_the_portal_or_the_admin_breaks_the_policy(live_server, site):
    reference = site["reference"]
    with chromium() as browser:
        visitor = Visitor(browser, live_server.url)
        for path in (
            *site["public"],
            reverse("service_requests:status_check"),
            reverse("accounts:login"),
            reverse("accounts:register"),
            reverse("accounts:password_forgot"),
            "/en/",
        ):
            visitor.open(path)
        # The status check's answer.
        page = visitor.open(reverse("service_requests:status_check"))
        page.fill("[name=reference]", reference)
        page.fill("[name=citizen_id_or_phone]", site["citizen_id"])
        page.locator("main form [type=submit]").first.click()
        page.wait_for_load_state("networkidle")
        expect(page.locator("main")).to_contain_text(reference)

        applicant = Visitor(browser, live_server.url, site["applicant_session"])
        for path in (
            reverse("accounts:profile"),
            reverse("service_requests:my_requests"),
            reverse("service_requests:detail", args=[reference]),
            # The submission forms: a plain one, one with its availability calendar, one with totals.
            *site["forms"],
        ):
            applicant.open(path)

        officer = Visitor(browser, live_server.url, site["staff_session"])
        officer.open(site["public"][2])  # a public page with the admin's user bar
        officer.open(reverse("wagtailadmin_home"))
        page = officer.open(site["editor_url"])
        open_chooser(page, "choose-page", ".listing, table")
        open_chooser(page, "images/chooser", "[data-chooser-modal-choice], .listing, table, img")
        open_chooser(page, "documents/chooser", ".listing, table")
        officer.open(reverse("service_request_admin:index"))
        officer.open(site["process_url"])
        page = officer.open(site["report_url"])
        expect(page.locator("svg.report-chart").first).to_be_visible()
        violations = visitor.violations + applicant.violations + officer.violations
    assert violations == []
