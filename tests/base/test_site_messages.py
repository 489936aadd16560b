"""Where a message is shown: at the top of the page, in a section's list, or by a field of the
section's form (a refused file said by its file box)."""

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message

from base.templatetags.site_messages import field_errors, field_tags, for_section, section_tags, top_of_page

SAVED = Message(constants.SUCCESS, "บันทึกแล้ว", extra_tags=section_tags("payment"))
REFUSED = Message(constants.ERROR, "ไฟล์นี้ไม่ใช่ไฟล์ png", extra_tags=field_tags("payment", "slip"))
ELSEWHERE = Message(constants.INFO, "ยินดีต้อนรับ")
MESSAGES = [SAVED, REFUSED, ELSEWHERE]


def test_a_fields_error_is_shown_by_its_field_only():
    assert field_errors(MESSAGES, "payment", "slip") == ["ไฟล์นี้ไม่ใช่ไฟล์ png"]
    assert for_section(MESSAGES, "payment") == [SAVED]
    assert top_of_page(MESSAGES) == [ELSEWHERE]


def test_another_field_or_section_gets_none_of_it():
    assert field_errors(MESSAGES, "payment", "message") == []
    assert field_errors(MESSAGES, "booking", "slip") == []
    assert for_section(MESSAGES, "booking") == []
