"""The bulk actions in a real browser: Wagtail's footer script collects the ticked requests, the
confirmation lists them and the list comes back with one message (issue 13 item 4)."""

import pytest

from service_requests.models import ServiceRequest
from tests.service_requests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_officer_ticks_two_requests_and_takes_them(live_server, client, personnel_officer, submit):
    first, second, untouched = submit("11"), submit("12"), submit("11")
    client.force_login(personnel_officer)
    url = f"{live_server.url}/admin/service-requests/"
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
        page.goto(url)
        for service_request in (first, second):
            page.locator(f'input[data-object-id="{service_request.pk}"]').check()
        page.get_by_role("link", name="รับเรื่องคำขอที่เลือก").click()
        page.wait_for_url("**/admin/bulk/service_requests/servicerequest/take/**")
        assert first.reference in page.content() and untouched.reference not in page.content()
        page.get_by_role("button", name="ใช่ รับเรื่อง").click()
        page.wait_for_url(url)
        assert "ดำเนินการ 2 รายการ" in page.content()
    assert set(ServiceRequest.objects.filter(assignee=personnel_officer)) == {first, second}
