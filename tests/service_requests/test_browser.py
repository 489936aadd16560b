"""The whole certificate workflow in a real browser: Playwright drives Debian's Chromium against
pytest-django's live server.

The browsers `playwright install` downloads are not used: the test launches the system's Chromium
(`apt-get install chromium`; .ci/run installs it when missing). CHROMIUM_PATH points it at another
Chromium or Chrome binary. BROWSER_TEST_SCREENSHOT=/some/file.png saves the last page seen.

Playwright's sync API runs an event loop, and Django refuses database access while one runs, so
the fixtures write everything the test needs before the browser starts and the test reads the
database only after it has closed.
"""

import io
import os
import re
import shutil
from contextlib import contextmanager

import pytest
from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from demo.groups import ensure_officer_groups
from service_requests.catalogue import CATALOGUE
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus
from tests.factories.accounts import StaffFactory, citizen_id_for
from tests.helpers import in_thai, totp_code_for_secret

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; the serialized
    # rollback brings back what the migrations made (locales, root page, content types) in case an
    # earlier transactional test flushed it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CERTIFICATE = CATALOGUE["12"]  # as the code defines it (get_service reads the office's choices)
PASSWORD = "Sarabun-2568-ok"
APPLICANT = {
    "citizen_id": citizen_id_for(4242),
    "phone": "081-234-5678",
    "title": "นาย",
    "first_name": "สมชาย",
    "last_name": "ใจดี",
}
RETURN_MESSAGE = "กรุณาระบุวัตถุประสงค์ให้ชัดเจน: ยื่นต่อธนาคารใด"
CORRECTED_PURPOSE = "ยื่นกู้เงินธนาคารออมสิน สาขาขอนแก่น"
PURPOSE_NOTE = "ระบุชื่อธนาคารและสาขา"
ID_CARD_NOTE = "ภาพไม่ชัด ถ่ายใหม่ให้เห็นเลขบัตร"
REPLY = "ระบุธนาคารและแนบสำเนาบัตรใหม่แล้ว"


def chromium_executable() -> str | None:
    """Debian's Chromium (or CHROMIUM_PATH); None lets Playwright use the browser it downloaded
    (scripts/ensure-browser.sh fetches one where no Chromium can be installed)."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def officer(db):
    """An officer of the personnel group, which the demo content assigns the certificate service."""
    groups = ensure_officer_groups()
    officer = StaffFactory()
    officer.groups.add(groups[CERTIFICATE.officer_group])
    return officer


def new_visitor(browser) -> Page:
    """A browser window with its own cookies: one person at one computer."""
    page = browser.new_context(locale="th-TH").new_page()
    page.set_default_timeout(15_000)
    return page


def png_file(name: str) -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 25), "teal").save(buffer, format="PNG")
    return {"name": name, "mimeType": "image/png", "buffer": buffer.getvalue()}


def form_with(page: Page, field_name: str):
    """The form that holds the named field: selects by what the server reads, not by layout."""
    return page.locator("form", has=page.locator(f"[name='{field_name}']"))


def submit(page: Page, field_name: str) -> None:
    form_with(page, field_name).locator("[type=submit]").click()


def register(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/register/")
    page.locator("[name=citizen_id]").fill(APPLICANT["citizen_id"])
    page.locator("[name=phone]").fill(APPLICANT["phone"])
    page.locator("[name=personnel_type]").select_option("teacher")
    page.locator("[name=title]").select_option(APPLICANT["title"])
    page.locator("[name=first_name]").fill(APPLICANT["first_name"])
    page.locator("[name=last_name]").fill(APPLICANT["last_name"])
    page.locator("[name=password1]").fill(PASSWORD)
    page.locator("[name=password2]").fill(PASSWORD)
    page.locator("[name=consent]").check()
    submit(page, "citizen_id")


def log_in(page: Page, login_url: str, citizen_id: str, password: str = PASSWORD) -> None:
    """The portal's and Wagtail's login forms both ask for `username` (the citizen ID)."""
    page.goto(login_url)
    page.locator("[name=username]").fill(citizen_id)
    page.locator("[name=password]").fill(password)
    submit(page, "username")
    expect(page.locator("[name=password]")).to_have_count(0)


def set_up_authenticator(page: Page) -> None:
    """An officer's first admin log-in: add the key shown to an "authenticator app" (the code is
    computed here with django-otp's TOTP), answer with its code, and keep the recovery codes."""
    expect(page).to_have_url(re.compile(r"/admin/two-factor/setup/"))
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    secret = page.locator("[data-totp-secret]").inner_text()
    page.locator("[name=token]").fill(totp_code_for_secret(secret))
    submit(page, "token")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name=in_thai("Continue")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def log_out(page: Page) -> None:
    page.locator("form[action$='/accounts/logout/'] [type=submit]").click()
    expect(page.locator("form[action$='/accounts/logout/']")).to_have_count(0)


def submit_certificate_request(page: Page, base_url: str) -> str:
    """Fill in the certificate form on its service page; returns the reference code shown."""
    page.goto(f"{base_url}/services/{CERTIFICATE.slug}/")
    # Contact details come from the profile.
    expect(page.locator("[name='contact-applicant_first_name']")).to_have_value(APPLICANT["first_name"])
    expect(page.locator("[name='contact-applicant_phone']")).to_have_value("0812345678")
    page.locator("[name='details-officer_type']").select_option("teacher")
    page.locator("[name='details-work_unit']").fill("โรงเรียนบ้านหนองบัว")
    page.locator("[name='details-position']").fill("ครู")
    page.locator("[name='details-academic_standing']").fill("ครูชำนาญการ")
    page.locator("[name='details-salary']").fill("32150.00")
    page.locator("[name='details-academic_allowance']").fill("3500")
    page.locator("[name='details-compensation']").fill("0")
    page.locator("[name='details-certificate_kind']").select_option("salary")
    page.locator("[name='details-purpose']").fill("ยื่นกู้เงินธนาคาร")
    page.locator("[name='files-id_card_copy']").set_input_files(png_file("id-card.png"))
    submit(page, "files-id_card_copy")

    expect(page).to_have_url(re.compile(r"/my/requests/[^/]+/submitted/$"))
    reference = re.search(r"/my/requests/([^/]+)/submitted/$", page.url).group(1)
    assert re.fullmatch(r"12\d{14}(-\d+)?", reference)
    expect(page.locator("main")).to_contain_text(reference)
    return reference


def officer_moves(
    page: Page, base_url: str, reference: str, status: RequestStatus, message: str = "", marks=None
):
    """The officer finds the request in the admin list and saves a new status on its process page,
    ticking the fields to correct ({name on the form: note}) when returning it."""
    page.goto(f"{base_url}/admin/service-requests/")
    page.get_by_role("link", name=reference, exact=True).click()
    page.locator("[name=to_status]").select_option(status.value)
    page.locator("[name=message]").fill(message)
    for key, note in (marks or {}).items():
        page.locator(f"[name='mark__{key}']").check()
        page.locator(f"[name='note__{key}']").fill(note)
    submit(page, "to_status")
    confirmation = page.locator(".messages")  # Wagtail's message area
    expect(confirmation).to_contain_text(reference)
    expect(confirmation).to_contain_text(in_thai(status.label))


def correct_request(page: Page, base_url: str, reference: str) -> None:
    """The applicant reads the officer's message in the list and sends a corrected purpose."""
    page.goto(f"{base_url}/my/requests/")
    row = page.locator("tr", has_text=reference)
    expect(row).to_contain_text(in_thai(RequestStatus.RETURNED.label))
    expect(row).to_contain_text(RETURN_MESSAGE)
    row.locator(f"a[href$='/my/requests/{reference}/edit/']").click()
    # What the officer marked: listed at the top, each linking to its field, noted beside it.
    summary = page.locator(".correction-summary")
    expect(summary.locator("h2")).to_have_text("ต้องแก้ไข 2 รายการ")
    expect(summary).to_contain_text(PURPOSE_NOTE)
    expect(summary.locator("a[href='#id_details-purpose']")).to_have_count(1)
    expect(summary.locator("a[href='#id_files-id_card_copy']")).to_have_count(1)
    expect(page.locator(".field--correction", has=page.locator("#id_details-purpose"))).to_contain_text(
        PURPOSE_NOTE
    )
    expect(page.locator(".field--correction", has=page.locator("#id_files-id_card_copy"))).to_contain_text(
        ID_CARD_NOTE
    )
    expect(page.locator(".field--correction")).to_have_count(2)
    page.locator("[name='details-purpose']").fill(CORRECTED_PURPOSE)
    page.locator("[name='files-id_card_copy']").set_input_files(png_file("id-card-clear.png"))
    page.locator("[name='correction-reply']").fill(REPLY)
    submit(page, "details-purpose")
    expect(page).to_have_url(re.compile(rf"/my/requests/{reference}/$"))
    expect(page.locator("main")).to_contain_text(in_thai(RequestStatus.RESUBMITTED.label))
    expect(page.locator("main")).to_contain_text(CORRECTED_PURPOSE)


def officer_sees_the_corrections(page: Page, base_url: str, reference: str) -> None:
    """The process page shows the reply and what changed: the old purpose struck through, the
    new one, and both ID-card copies to download."""
    page.goto(f"{base_url}/admin/service-requests/")
    page.get_by_role("link", name=reference, exact=True).click()
    round_shown = page.locator(".correction-round").first
    expect(round_shown.locator(".correction-reply")).to_have_text(REPLY)
    changes = round_shown.locator(".correction-changes")
    expect(changes.locator("del").first).to_contain_text("ยื่นกู้เงินธนาคาร")
    expect(changes.locator("ins").first).to_contain_text(CORRECTED_PURPOSE)
    expect(changes.locator("del a")).to_have_text("id-card.png")
    expect(changes.locator("ins a")).to_have_text("id-card-clear.png")
    with page.expect_download() as old_copy:
        changes.locator("del a").click()
    assert old_copy.value.suggested_filename == "id-card.png"


def check_status(page: Page, base_url: str, reference: str, citizen_id: str) -> None:
    page.goto(f"{base_url}/status/")
    page.locator("[name=reference]").fill(reference)
    page.locator("[name=citizen_id_or_phone]").fill(citizen_id)
    submit(page, "reference")
    main = page.locator("main")
    expect(main).to_contain_text(in_thai(CERTIFICATE.name))
    expect(main).to_contain_text(in_thai(RequestStatus.COMPLETED.label))
    expect(main).not_to_contain_text(APPLICANT["first_name"])  # no personal data


def test_certificate_request_from_registration_to_completion(live_server, page_tree, officer):
    base_url = live_server.url
    with chromium() as browser:
        applicant = new_visitor(browser)
        officer_page = new_visitor(browser)

        register(applicant, base_url)
        expect(applicant.locator("form[action$='/accounts/logout/']")).to_be_visible()
        reference = submit_certificate_request(applicant, base_url)
        log_out(applicant)

        log_in(officer_page, f"{base_url}/admin/login/", officer.citizen_id)
        set_up_authenticator(officer_page)
        officer_moves(
            officer_page,
            base_url,
            reference,
            RequestStatus.RETURNED,
            RETURN_MESSAGE,
            marks={"details-purpose": PURPOSE_NOTE, "files-id_card_copy": ID_CARD_NOTE},
        )

        log_in(applicant, f"{base_url}/accounts/login/", APPLICANT["citizen_id"])
        correct_request(applicant, base_url, reference)
        officer_sees_the_corrections(officer_page, base_url, reference)

        officer_moves(officer_page, base_url, reference, RequestStatus.COMPLETED, "ออกหนังสือรับรองแล้ว")

        anyone = new_visitor(browser)
        check_status(anyone, base_url, reference, APPLICANT["citizen_id"])
        if screenshot := os.environ.get("BROWSER_TEST_SCREENSHOT"):
            anyone.screenshot(path=screenshot, full_page=True)

    # What the clicks left behind: one request, corrected, completed, with its whole history.
    service_request = ServiceRequest.objects.get()
    assert service_request.reference == reference
    assert service_request.status == RequestStatus.COMPLETED
    assert service_request.applicant.citizen_id == APPLICANT["citizen_id"]
    details = CERTIFICATE.details_model.objects.get(request=service_request)
    assert details.purpose == CORRECTED_PURPOSE
    assert [(a.slot, a.original_name) for a in service_request.attachments.all()] == [
        ("id_card_copy", "id-card-clear.png")
    ]
    correction_round = service_request.correction_rounds.get()
    assert correction_round.reply == REPLY
    assert [file.original_name for file in correction_round.replaced_files.all()] == ["id-card.png"]
    assert list(service_request.history.values_list("to_status", flat=True)) == [
        RequestStatus.SUBMITTED,
        RequestStatus.RETURNED,
        RequestStatus.RESUBMITTED,
        RequestStatus.COMPLETED,
    ]
