"""A service an office builds itself, end to end in a real browser (issue 14): an editor builds
its form in Wagtail's page editor, previews and publishes it; an applicant files it with an
attachment; an officer returns it with one field flagged; the applicant corrects it; the officer
completes it.

Chromium, the log-ins and the officer's and applicant's steps are those of the certificate's
browser test (tests/service_requests/browser.py). As there, the fixtures write everything before
the browser starts and the test reads the database only after it has closed.
BROWSER_TEST_SCREENSHOT=/some/folder/ saves what each window shows at the end (or when a step fails).
"""

import os
import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import Page, expect

from service_forms.models import FormVersion
from service_requests.catalogue.configured import ConfiguredDetails
from service_requests.models import ServiceAssignment, ServiceRequest
from service_requests.workflow import RequestStatus
from tests.factories.accounts import StaffFactory
from tests.helpers import in_thai
from tests.service_requests.browser import (
    APPLICANT,
    chromium,
    correct_request,
    log_in,
    log_out,
    new_visitor,
    officer_moves,
    officer_sees_the_corrections,
    png_file,
    register,
    set_up_authenticator,
    submit,
)
from tests.service_requests.helpers import access_admin_group

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CODE = "13"
TITLE = "ขอสำเนาทะเบียนประวัติ (ก.พ.7)"
SLUG = "personnel-record-copy"
GROUP = "งานทะเบียนประวัติ"
PURPOSE_LABEL = "วัตถุประสงค์"
CERTIFIED_LABEL = "รับรองสำเนาถูกต้อง"
ID_CARD_LABEL = "สำเนาบัตรประจำตัวประชาชน"
PURPOSE = "ใช้ประกอบการขอเลื่อนวิทยฐานะ"
CORRECTED_PURPOSE = "ใช้ประกอบการขอเลื่อนวิทยฐานะครูชำนาญการพิเศษ"
RETURN_MESSAGE = "กรุณาระบุวิทยฐานะที่ขอเลื่อน"
PURPOSE_NOTE = "ระบุวิทยฐานะให้ชัดเจน"
REPLY = "ระบุวิทยฐานะแล้ว"
MARKS = {"details-purpose": PURPOSE_NOTE}
# The blocks the editor adds, in order: (block type as the chooser lists it, its values).
FIELDS = [
    ("Short text", {"name": "purpose", "label_th": PURPOSE_LABEL, "required": True}),
    ("Yes or no", {"name": "certified", "label_th": CERTIFIED_LABEL, "required": False}),
    ("Attachment", {"name": "id_card_copy", "label_th": ID_CARD_LABEL, "required": True}),
]


@pytest.fixture
def officer(db):
    """An officer of the group that will work the service: nothing assigns it to the group yet
    (publishing the page does)."""
    officer = StaffFactory(first_name="สุรชัย", last_name="เจ้าหน้าที่")
    officer.groups.add(access_admin_group(GROUP))
    return officer


@contextmanager
def screenshots_on_failure(**pages: Page):
    """With BROWSER_TEST_SCREENSHOT set to a folder, save each window as it is when a step fails."""
    folder = os.environ.get("BROWSER_TEST_SCREENSHOT")
    try:
        yield
    except Exception:
        if folder:
            for name, page in pages.items():
                if not page.is_closed():
                    page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)
        raise


def add_block(editor: Page, kind: str, values: dict) -> None:
    """Append a block to the form with the last "+" of the StreamField and the block chooser,
    then fill in its fields (the stream's n-th block's inputs are form_definition-n-value-...)."""
    stream = editor.locator("#form_definition-root")
    index = stream.locator("[data-streamfield-child]").count()
    stream.locator("button.c-sf-add-button").last.click()
    editor.get_by_role("option", name=in_thai(kind), exact=True).click()
    prefix = f"form_definition-{index}-value"
    for field, value in values.items():
        box = editor.locator(f"[name='{prefix}-{field}']")
        if isinstance(value, bool):
            box.set_checked(value)
        else:
            box.fill(value)


def build_and_publish_the_service(editor: Page, base_url: str, services_id: int) -> None:
    """The editor adds a service page under the services index, builds its form in the Form tab,
    checks it in the preview panel and publishes it."""
    editor.goto(f"{base_url}/admin/pages/{services_id}/")
    # Only service pages may go there, so Wagtail opens the new service page's form at once.
    editor.get_by_role("link", name=in_thai("Add child page")).click()
    editor.locator("[name=title]").fill(TITLE)
    editor.locator("[name=service_code]").fill(CODE)
    editor.locator("[name=summary]").fill("ขอสำเนา ก.พ.7 โดยไม่ต้องมาที่สำนักงาน")

    editor.get_by_role("tab", name=in_thai("Form")).click()
    editor.locator("[name=officer_group]").select_option(label=GROUP)
    editor.locator("[name=processing_days]").fill("3")
    for kind, values in FIELDS:
        add_block(editor, kind, values)
    # A folded field is headed by its Thai label, its system name after it.
    first_field = editor.locator("#form_definition-root [data-streamfield-child]").first
    first_field.locator("[data-panel-toggle]").first.click()
    expect(first_field.locator(".c-sf-block__title").first).to_have_text(f"{PURPOSE_LABEL} (purpose)")

    editor.get_by_role("tab", name=in_thai("Promote")).click()
    editor.locator("[name=slug]").fill(SLUG)

    # Wagtail's preview panel shows the form as applicants will see it, before it is published.
    editor.locator("[data-side-panel-toggle=preview]").click()
    preview = editor.frame_locator("#w-preview-iframe")
    for _kind, values in FIELDS:
        expect(preview.locator("main")).to_contain_text(values["label_th"])
    expect(preview.locator("[name='details-purpose']")).to_be_visible()

    # Wagtail 8 saves a new page as a draft by itself while it is written (autosave), then edits
    # that draft. Publishing before the first autosave has come back would post the create form
    # again and add a second page with the same service code: wait, as an editor sees "Saved".
    edit_url = re.compile(r"/admin/pages/\d+/edit/")
    try:
        expect(editor).to_have_url(edit_url, timeout=15_000)
    except AssertionError:
        # No autosave came (it waits for a quiet moment, and on a loaded machine one may never
        # come back in time): nothing is on its way, so the editor saves the draft herself.
        editor.get_by_role("button", name=in_thai("Save draft")).click()
        expect(editor).to_have_url(edit_url, timeout=15_000)
    # "Publish" is in the menu beside "Save draft" at the foot of the editor.
    editor.locator("footer .w-dropdown__toggle").click()
    editor.locator("[name=action-publish]").click()
    messages = editor.locator(".messages")
    expect(messages).to_contain_text(TITLE)
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{services_id}/$"))


def submit_the_new_service(page: Page, base_url: str) -> str:
    """The applicant fills in the new service's form on its page; returns the reference shown."""
    page.goto(f"{base_url}/services/{SLUG}/")
    expect(page.locator("h1")).to_have_text(TITLE)
    # Contact details come from the profile.
    expect(page.locator("[name='contact-applicant_first_name']")).to_have_value(APPLICANT["first_name"])
    expect(page.locator("[name='contact-applicant_phone']")).to_have_value("0812345678")
    expect(page.get_by_label(PURPOSE_LABEL)).to_be_visible()
    page.locator("[name='details-purpose']").fill(PURPOSE)
    page.locator("[name='details-certified'][value=yes]").check()
    page.locator("[name='files-id_card_copy']").set_input_files(png_file("id-card.png"))
    submit(page, "files-id_card_copy")

    expect(page).to_have_url(re.compile(r"/my/requests/[^/]+/submitted/$"))
    reference = re.search(r"/my/requests/([^/]+)/submitted/$", page.url).group(1)
    assert re.fullmatch(rf"{CODE}\d{{14}}(-\d+)?", reference)
    expect(page.locator("main")).to_contain_text(reference)
    return reference


def test_an_office_builds_a_service_and_it_takes_a_request_to_completion(
    live_server, page_tree, superuser, officer
):
    base_url = live_server.url
    services_id = page_tree.services.id
    with chromium() as browser:
        editor = new_visitor(browser, viewport={"width": 1400, "height": 1000})
        applicant = new_visitor(browser)
        officer_page = new_visitor(browser)
        with screenshots_on_failure(editor=editor, applicant=applicant, officer=officer_page):
            log_in(editor, f"{base_url}/admin/login/", superuser.citizen_id)
            set_up_authenticator(editor)
            build_and_publish_the_service(editor, base_url, services_id)

            register(applicant, base_url)
            reference = submit_the_new_service(applicant, base_url)
            log_out(applicant)

            log_in(officer_page, f"{base_url}/admin/login/", officer.citizen_id)
            set_up_authenticator(officer_page)
            officer_moves(
                officer_page, base_url, reference, RequestStatus.RETURNED, RETURN_MESSAGE, marks=MARKS
            )

            log_in(applicant, f"{base_url}/accounts/login/", APPLICANT["citizen_id"])
            correct_request(
                applicant,
                base_url,
                reference,
                message=RETURN_MESSAGE,
                marks=MARKS,
                answers={"details-purpose": CORRECTED_PURPOSE},
                reply=REPLY,
            )
            officer_sees_the_corrections(
                officer_page, base_url, reference, reply=REPLY, old=PURPOSE, new=CORRECTED_PURPOSE
            )
            officer_moves(officer_page, base_url, reference, RequestStatus.COMPLETED, "ส่งสำเนา ก.พ.7 แล้ว")

    # What the clicks left behind: the service's first form version, its officers, one request
    # made with that version, corrected and completed.
    version = FormVersion.objects.get(service_code=CODE)
    assert version.number == 1
    assert [item["name"] for item in version.definition["fields"]] == ["purpose", "certified", "id_card_copy"]
    assert ServiceAssignment.objects.get(service_code=CODE).group.name == GROUP
    service_request = ServiceRequest.objects.get()
    assert service_request.reference == reference
    assert service_request.service_code == CODE
    assert service_request.status == RequestStatus.COMPLETED
    details = ConfiguredDetails.objects.get(request=service_request)
    assert details.form_version == version
    assert details.answers == {"purpose": CORRECTED_PURPOSE, "certified": True}
    assert [(a.slot, a.original_name) for a in service_request.attachments.all()] == [
        ("id_card_copy", "id-card.png")
    ]
    assert service_request.correction_rounds.get().reply == REPLY
    assert list(service_request.history.values_list("to_status", flat=True)) == [
        RequestStatus.SUBMITTED,
        RequestStatus.RETURNED,
        RequestStatus.RESUBMITTED,
        RequestStatus.COMPLETED,
    ]
