"""Helpers for the tests that drive a real browser: Playwright with Debian's Chromium against
pytest-django's live server (see tests/service_requests/test_browser.py for why the fixtures write
everything before the browser starts).

The browsers `playwright install` downloads are not used: the tests launch the system's Chromium
(`apt-get install chromium`; .ci/run installs it when missing). CHROMIUM_PATH points them at
another Chromium or Chrome binary.

- `chromium()` launches the browser; `new_visitor(browser)` is one person at one computer.
- `register`, `log_in`, `log_out`, `set_up_authenticator` (a staff member's first admin log-in).
- `officer_moves` saves a new status on a request's process page, ticking fields to correct.
- `correct_request` and `officer_sees_the_corrections`: a returned request corrected and read.
"""

import io
import os
import re
import shutil
from contextlib import contextmanager

from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from service_requests.workflow import RequestStatus, Role, confirmation_required
from tests.factories.accounts import citizen_id_for
from tests.helpers import in_thai, totp_code_for_secret

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "Sarabun-2568-ok"
APPLICANT = {
    "citizen_id": citizen_id_for(4242),
    "phone": "081-234-5678",
    "title": "นาย",
    "first_name": "สมชาย",
    "last_name": "ใจดี",
}


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


def new_visitor(browser, **context_options) -> Page:
    """A browser window with its own cookies: one person at one computer."""
    page = browser.new_context(locale="th-TH", **context_options).new_page()
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
    """APPLICANT registers on the portal (and is logged in)."""
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
    """A staff member's first admin log-in: add the key shown to an "authenticator app" (the code
    is computed here with django-otp's TOTP), answer with its code, and keep the recovery codes."""
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


def officer_moves(
    page: Page, base_url: str, reference: str, status: RequestStatus, message: str = "", marks=None
):
    """The officer finds the request in the admin list and saves a new status on its process page,
    ticking the fields to correct ({name on the form: note}) when returning it."""
    page.goto(f"{base_url}/admin/service-requests/")
    page.get_by_role("link", name=reference, exact=True).click()
    page.locator("[name=to_status]").select_option(status.value)
    page.locator("[name=message]").fill(message)
    confirm = page.locator("[name=confirm_final]")
    if confirmation_required(status, Role.OFFICER):
        # A move closing the request for good: its confirmation box shows only now.
        expect(confirm).to_be_visible()
        confirm.check()
    elif confirm.count():
        expect(confirm).to_be_hidden()
    for key, note in (marks or {}).items():
        page.locator(f"[name='mark__{key}']").check()
        page.locator(f"[name='note__{key}']").fill(note)
    submit(page, "to_status")
    confirmation = page.locator(".messages")  # Wagtail's message area
    expect(confirmation).to_contain_text(reference)
    expect(confirmation).to_contain_text(in_thai(status.label))


def correct_request(
    page: Page,
    base_url: str,
    reference: str,
    *,
    message: str,
    marks: dict,
    answers: dict,
    files=None,
    reply: str,
) -> None:
    """The applicant reads the officer's message in the list, opens the edit page, finds each
    marked field ({name on the form: note}) listed at the top and highlighted with its note, and
    sends the new answers ({name: text}) and files ({name: file name}, PNGs) with a reply."""
    page.goto(f"{base_url}/my/requests/")
    row = page.locator("tr", has_text=reference)
    expect(row).to_contain_text(in_thai(RequestStatus.RETURNED.label))
    expect(row).to_contain_text(message)
    row.locator(f"a[href$='/my/requests/{reference}/edit/']").click()
    # What the officer marked: listed at the top, each linking to its field, noted beside it.
    summary = page.locator(".correction-summary")
    expect(summary.locator("h2")).to_have_text(f"ต้องแก้ไข {len(marks)} รายการ")
    for key, note in marks.items():
        expect(summary).to_contain_text(note)
        expect(summary.locator(f"a[href='#id_{key}']")).to_have_count(1)
        expect(page.locator(".field--correction", has=page.locator(f"#id_{key}"))).to_contain_text(note)
    expect(page.locator(".field--correction")).to_have_count(len(marks))
    for name, value in answers.items():
        page.locator(f"[name='{name}']").fill(value)
    for name, file_name in (files or {}).items():
        page.locator(f"[name='{name}']").set_input_files(png_file(file_name))
    page.locator("[name='correction-reply']").fill(reply)
    submit(page, "correction-reply")
    expect(page).to_have_url(re.compile(rf"/my/requests/{reference}/$"))
    main = page.locator("main")
    expect(main).to_contain_text(in_thai(RequestStatus.RESUBMITTED.label))
    for value in answers.values():
        expect(main).to_contain_text(value)


def officer_sees_the_corrections(
    page: Page, base_url: str, reference: str, *, reply: str, old: str, new: str, files=None
) -> None:
    """The process page shows the reply and what changed: the old answer struck through, the new
    one, and for a replaced file (old name, new name) both copies to download."""
    page.goto(f"{base_url}/admin/service-requests/")
    page.get_by_role("link", name=reference, exact=True).click()
    round_shown = page.locator(".correction-round").first
    expect(round_shown.locator(".correction-reply")).to_have_text(reply)
    changes = round_shown.locator(".correction-changes")
    expect(changes.locator("del").first).to_contain_text(old)
    expect(changes.locator("ins").first).to_contain_text(new)
    if files:
        old_name, new_name = files
        expect(changes.locator("del a")).to_have_text(old_name)
        expect(changes.locator("ins a")).to_have_text(new_name)
        with page.expect_download() as old_copy:
            changes.locator("del a").click()
        assert old_copy.value.suggested_filename == old_name
