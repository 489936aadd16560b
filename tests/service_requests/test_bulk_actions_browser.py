"""The bulk actions in a real browser: Wagtail's footer script collects the ticked requests, the
confirmation lists them and the list comes back with one message (issue 13 item 4). And each
row's menu of pages, whose markup the list writes itself (admin_columns.py, issue 12)."""

from contextlib import contextmanager

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from service_requests.models import ServiceRequest
from tests.service_requests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@contextmanager
def officers_list(live_server, client, officer):
    client.force_login(officer)
    with chromium() as browser:
        context = browser.new_context()
        # The cookie for the whole site (given the list's URL it would hold for that path only).
        cookie = {
            "name": "sessionid",
            "value": client.cookies["sessionid"].value,
            "url": f"{live_server.url}/",
        }
        context.add_cookies([cookie])
        page = context.new_page()
        page.goto(f"{live_server.url}{reverse('service_request_admin:index')}")
        yield page


def test_an_officer_ticks_two_requests_and_takes_them(live_server, client, personnel_officer, submit):
    first, second, untouched = submit("11"), submit("12"), submit("11")
    url = f"{live_server.url}{reverse('service_request_admin:index')}"
    with officers_list(live_server, client, personnel_officer) as page:
        for service_request in (first, second):
            page.locator(f'input[data-object-id="{service_request.pk}"]').check()
        page.get_by_role("link", name="รับเรื่องคำขอที่เลือก").click()
        page.wait_for_url("**/admin/bulk/service_requests/servicerequest/take/**")
        assert first.reference in page.content() and untouched.reference not in page.content()
        page.get_by_role("button", name="ใช่ รับเรื่อง").click()
        page.wait_for_url(url)
        assert "ดำเนินการ 2 รายการ" in page.content()
    assert set(ServiceRequest.objects.filter(assignee=personnel_officer)) == {first, second}


def test_a_rows_menu_opens_and_leads_to_the_requests_pages(live_server, client, personnel_officer, submit):
    service_request = submit("11")
    with officers_list(live_server, client, personnel_officer) as page:
        history = page.get_by_role("link", name="ประวัติ")
        expect(history).to_be_hidden()
        page.get_by_role("button", name=f"ตัวเลือกเพิ่มเติมของ '{service_request.reference}'").click()
        for name in ("ดำเนินการ", "พิมพ์", "ยกเลิกคำร้อง"):
            expect(page.get_by_role("link", name=name)).to_be_visible()
        history.click()
        page.wait_for_url(f"**{reverse('service_request_admin:history', args=[service_request.pk])}")
