"""The whole certificate workflow in a real browser: Playwright drives Debian's Chromium against
pytest-django's live server.

The steps shared with other browser tests (launching Chromium, registering, logging in, an
officer's moves, a correction) are in tests/service_requests/browser.py.
BROWSER_TEST_SCREENSHOT=/some/file.png saves the last page seen.

Playwright's sync API runs an event loop, and Django refuses database access while one runs, so
the fixtures write everything the test needs before the browser starts and the test reads the
database only after it has closed.
"""

import os
import re

import pytest
from playwright.sync_api import Page, expect

from demo.groups import ensure_officer_groups
from service_requests.catalogue import CATALOGUE
from service_requests.models import ServiceRequest
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

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; the serialized
    # rollback brings back what the migrations made (locales, root page, content types) in case an
    # earlier transactional test flushed it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CERTIFICATE = CATALOGUE["12"]
RETURN_MESSAGE = "กรุณาระบุวัตถุประสงค์ให้ชัดเจน: ยื่นต่อธนาคารใด"
PURPOSE = "ยื่นกู้เงินธนาคาร"
CORRECTED_PURPOSE = "ยื่นกู้เงินธนาคารออมสิน สาขาขอนแก่น"
PURPOSE_NOTE = "ระบุชื่อธนาคารและสาขา"
ID_CARD_NOTE = "ภาพไม่ชัด ถ่ายใหม่ให้เห็นเลขบัตร"
REPLY = "ระบุธนาคารและแนบสำเนาบัตรใหม่แล้ว"
MARKS = {"details-purpose": PURPOSE_NOTE, "files-id_card_copy": ID_CARD_NOTE}


@pytest.fixture
def officer(db):
    """An officer of the personnel group, which the demo content assigns the certificate service."""
    groups = ensure_officer_groups()
    officer = StaffFactory()
    officer.groups.add(groups[CERTIFICATE.officer_group])
    return officer


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
    page.locator("[name='details-purpose']").fill(PURPOSE)
    page.locator("[name='files-id_card_copy']").set_input_files(png_file("id-card.png"))
    submit(page, "files-id_card_copy")

    expect(page).to_have_url(re.compile(r"/my/requests/[^/]+/submitted/$"))
    reference = re.search(r"/my/requests/([^/]+)/submitted/$", page.url).group(1)
    assert re.fullmatch(r"12\d{14}(-\d+)?", reference)
    expect(page.locator("main")).to_contain_text(reference)
    return reference


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
            marks=MARKS,
        )

        log_in(applicant, f"{base_url}/accounts/login/", APPLICANT["citizen_id"])
        correct_request(
            applicant,
            base_url,
            reference,
            message=RETURN_MESSAGE,
            marks=MARKS,
            answers={"details-purpose": CORRECTED_PURPOSE},
            files={"files-id_card_copy": "id-card-clear.png"},
            reply=REPLY,
        )
        officer_sees_the_corrections(
            officer_page,
            base_url,
            reference,
            reply=REPLY,
            old=PURPOSE,
            new=CORRECTED_PURPOSE,
            files=("id-card.png", "id-card-clear.png"),
        )

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
