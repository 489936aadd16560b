"""The demo privacy notice says what the portal does: retention, the access record, each right and
where to use it, and the 72-hour breach duty, in Thai and in English."""

import re

from bs4 import BeautifulSoup

from demo.office import PRIVACY_NOTICE_VERSION
from demo.privacy import privacy_body


def notice(language) -> BeautifulSoup:
    return BeautifulSoup("".join(block["value"] for block in privacy_body(language)), "html.parser")


def section(soup, heading) -> str:
    h2 = soup.find("h2", string=heading)
    assert h2 is not None, heading
    texts = []
    for sibling in h2.next_siblings:
        if sibling.name == "h2":
            break
        texts.append(sibling.get_text(" "))
    return " ".join(texts)


def test_the_thai_notice_states_retention_access_rights_and_breaches():
    soup = notice("th")
    retention = section(soup, "ระยะเวลาการเก็บรักษา")
    assert "ระยะเวลาการเก็บรักษาที่สำนักงานกำหนดสำหรับแต่ละบริการ" in retention
    assert "10 ปี" in retention and "90 วัน" in retention
    assert "เจ้าหน้าที่คนใด" in section(soup, "บันทึกการเข้าถึงข้อมูลของท่าน")
    assert "การเข้าถึงข้อมูลของท่าน" in section(soup, "บันทึกการเข้าถึงข้อมูลของท่าน")
    links = {a["href"]: a.get_text() for a in soup.find_all("a")}
    assert links == {"/my/privacy/export/": "ขอสำเนาข้อมูลของฉัน", "/my/privacy/delete/": "ลบบัญชี"}
    assert "72 ชั่วโมง" in section(soup, "การแจ้งเหตุละเมิดข้อมูลส่วนบุคคล")
    assert f"นโยบายฉบับที่ {PRIVACY_NOTICE_VERSION}" in section(soup, "ติดต่อสำนักงาน")


def test_the_english_notice_says_the_same_and_links_the_english_pages():
    soup = notice("en")
    retention = section(soup, "How long we keep it")
    assert "retention period the office sets for each service" in retention
    assert "10 years" in retention and "90 days" in retention
    assert "which officer" in section(soup, "Who looked at your data")
    links = {a["href"]: a.get_text() for a in soup.find_all("a")}
    assert links == {
        "/en/my/privacy/export/": "Download my data",
        "/en/my/privacy/delete/": "Delete my account",
    }
    assert re.search(r"within 72 hours", section(soup, "Personal data breaches"))


def test_both_languages_have_the_same_sections():
    assert len(privacy_body("th")) == len(privacy_body("en"))
