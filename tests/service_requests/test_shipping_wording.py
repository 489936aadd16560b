"""The shipping rule reads as the office writes it: ร้อยละ 3.5, not "3.50 %"."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from demo.price_list import ensure_price_list
from service_requests.catalogue.school_record_forms import ShippingSettings

pytestmark = pytest.mark.django_db


def shipping_help(client, page_tree):
    page = page_tree.service_pages["school-record-forms"]
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.select_one("#order-table-help").get_text(" ", strip=True)


@pytest.fixture
def applicant(client, user):
    ensure_price_list()
    client.force_login(user)
    return user


def test_the_order_form_writes_the_rate_as_the_office_does(client, page_tree, applicant):
    text = shipping_help(client, page_tree)
    assert "ร้อยละ 3.5 ของราคารวมทั้งหมด ขั้นต่ำ 25.00 บาท" in text
    assert "%" not in text and "3.50" not in text


@pytest.mark.parametrize(("rate", "written"), [("10.00", "10"), ("4.25", "4.25"), ("0.50", "0.5")])
def test_any_rate_is_written_without_trailing_zeros(client, page_tree, applicant, rate, written):
    rule = ShippingSettings.load()
    rule.rate_percent = Decimal(rate)
    rule.save()
    assert rule.rate == written
    assert f"ร้อยละ {written} ของ" in shipping_help(client, page_tree)
