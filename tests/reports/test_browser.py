"""The summary report in a real browser: every column fits at 1280 px, a phone scrolls the table
with the service names kept in view (Playwright, the system's Chromium)."""

import os

import pytest

from tests.factories.accounts import SuperuserFactory
from tests.reports.test_views import APRIL, REPORT
from tests.service_requests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MEASURE = """() => [...document.querySelectorAll('.report-scroll')].map(region => {
    const total = region.querySelector('thead th:last-child').getBoundingClientRect();
    return {scroll: region.scrollWidth, visible: region.clientWidth,
            totalRight: total.right, regionRight: region.getBoundingClientRect().right};
})"""


@pytest.fixture
def report_url(live_server, client, april):
    """The April report, as a superuser logged in (the session is in the database already)."""
    client.force_login(SuperuserFactory())
    query = "&".join(f"{key}={value}" for key, value in APRIL.items())
    return f"{live_server.url}{REPORT}?{query}", client.cookies["sessionid"].value


def open_report(browser, url, session, width):
    context = browser.new_context(locale="th-TH", viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": session, "url": url}])
    page = context.new_page()
    page.goto(url)
    return page


def test_every_table_fits_at_1280_px_total_column_included(report_url):
    url, session = report_url
    with chromium() as browser:
        page = open_report(browser, url, session, 1280)
        tables = page.evaluate(MEASURE)
        if os.environ.get("BROWSER_TEST_SCREENSHOT"):
            page.screenshot(path=os.environ["BROWSER_TEST_SCREENSHOT"])
    assert len(tables) == 6  # by status, new, completed, times, overdue, money received
    for table in tables:
        assert table["scroll"] <= table["visible"]
        assert table["totalRight"] <= table["regionRight"] + 1


def test_a_phone_scrolls_the_table_with_the_service_names_in_view(report_url):
    url, session = report_url
    with chromium() as browser:
        page = open_report(browser, url, session, 375)
        region = page.locator(".report-scroll").first
        assert region.evaluate("el => el.scrollWidth > el.clientWidth")
        assert region.get_attribute("tabindex") == "0"  # reachable and scrollable by keyboard
        name = region.locator("tbody th[scope=row]").first
        before = name.bounding_box()["x"]
        region.evaluate("el => el.scrollBy(200, 0)")
        page.wait_for_timeout(100)
        assert region.evaluate("el => el.scrollLeft") > 0
        assert abs(name.bounding_box()["x"] - before) < 1  # the service name stays where it was
