"""The office's phone numbers can be called from a phone: each is a tel: link; the fax is not."""

import pytest
from bs4 import BeautifulSoup

from home.phones import PhoneNumber, phone_numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("045511019", [PhoneNumber("045511019", "tel:045511019")]),
        (
            "045-511019, 081 234 5678",
            [PhoneNumber("045-511019", "tel:045511019"), PhoneNumber("081 234 5678", "tel:0812345678")],
        ),
        (
            "0 4551 1019 ต่อ 12 หรือ 1111",
            [PhoneNumber("0 4551 1019 ต่อ 12", "tel:045511019,12"), PhoneNumber("1111", "tel:1111")],
        ),
        ("+66 45 511 019", [PhoneNumber("+66 45 511 019", "tel:+6645511019")]),
        ("ติดต่อกลุ่มอำนวยการ", [PhoneNumber("ติดต่อกลุ่มอำนวยการ", "")]),
        ("", []),
    ],
)
def test_the_setting_is_read_as_separate_numbers(text, numbers):
    assert phone_numbers(text) == numbers


@pytest.mark.django_db
def test_the_footer_links_each_phone_number_and_not_the_fax(client, page_tree):
    page_tree.office.phones = "045-511019, 081 234 5678"
    page_tree.office.save()
    footer = BeautifulSoup(client.get("/").content, "html.parser").select_one(".footer-contacts")
    links = {link["href"]: link.get_text() for link in footer.select("a[href^='tel:']")}
    assert links == {"tel:045511019": "045-511019", "tel:0812345678": "081 234 5678"}
    assert page_tree.office.fax in footer.get_text()
    assert not footer.select(f"a[href='tel:{page_tree.office.fax}']")
