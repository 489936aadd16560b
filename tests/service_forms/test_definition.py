"""The definition of a configured service's form: read from the blocks, checked, and written to
and read from its versioned JSON file format."""

from decimal import Decimal

import pytest

from service_forms.definition import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Choice,
    DefinitionError,
    FieldDefinition,
    FormDefinition,
    ServiceSettings,
    definition_from_json,
    fields_from_stream,
    validate_definition,
)
from tests.factories.service_forms import attachment, input_field, personnel_record_form
from tests.helpers import THAI_SCRIPT


def test_the_blocks_become_the_definition_in_their_order():
    fields = fields_from_stream(personnel_record_form())
    assert [(item.type, item.name) for item in fields] == [
        ("section", ""),
        ("short_text", "purpose"),
        ("number", "copies"),
        ("yes_no", "certified"),
        ("single_choice", "delivery"),
        ("attachment", "id_card_copy"),
    ]
    copies = fields[2]
    assert (copies.min_value, copies.max_value, copies.decimal_places) == (Decimal(1), Decimal(5), 0)
    assert fields[4].choices == (
        Choice("รับด้วยตนเอง", "Pick up at the office"),
        Choice("ทางอีเมล", "By e-mail"),
    )
    assert validate_definition(fields) == []


def test_two_fields_with_the_same_name_are_refused():
    fields = fields_from_stream(
        [input_field("short_text", "purpose", "วัตถุประสงค์"), input_field("long_text", "purpose", "รายละเอียด")]
    )
    [error] = validate_definition(fields)
    assert error == "มีช่องสองช่องชื่อ “purpose” ซ้ำกัน: แต่ละช่องต้องมีชื่อไม่ซ้ำกัน"


def test_more_attachment_slots_than_the_upload_limit_allows_are_refused():
    slots = [attachment(f"document_{number}", f"เอกสาร {number}") for number in range(1, 5)]
    assert validate_definition(fields_from_stream(slots)) == [
        "แบบฟอร์มหนึ่งมีช่องแนบไฟล์ได้ไม่เกิน 3 ช่อง: ไฟล์ PDF หนึ่งไฟล์รวมหลายเอกสารได้"
    ]
    assert validate_definition(fields_from_stream(slots[:3])) == []


def test_a_choice_field_without_choices_is_refused():
    fields = fields_from_stream([input_field("single_choice", "delivery", "วิธีรับเอกสาร", choices=[])])
    assert validate_definition(fields) == ["ช่องตัวเลือก “วิธีรับเอกสาร” ยังไม่มีตัวเลือก"]
    fields = fields_from_stream([input_field("multiple_choice", "documents", "เอกสาร", choices=[])])
    assert validate_definition(fields) == ["ช่องตัวเลือก “เอกสาร” ยังไม่มีตัวเลือก"]


def test_an_invalid_name_and_a_minimum_above_the_maximum_are_refused():
    fields = (
        FieldDefinition("short_text", "Purpose Of", "วัตถุประสงค์"),
        FieldDefinition(
            "amount", "fee", "ค่าธรรมเนียม", decimal_places=2, min_value=Decimal(10), max_value=Decimal(5)
        ),
    )
    errors = validate_definition(fields)
    assert len(errors) == 2
    assert "Purpose Of" in errors[0]
    assert errors[1] == "ในช่อง “ค่าธรรมเนียม” ค่าต่ำสุด (10) มากกว่าค่าสูงสุด (5)"
    assert all(THAI_SCRIPT.search(error) for error in errors)


def test_the_json_file_gives_back_the_same_definition():
    definition = FormDefinition(
        service=ServiceSettings(
            code="13",
            title="ขอสำเนาทะเบียนประวัติ (ก.พ.7)",
            short_name="สำเนา ก.พ.7",
            officer_group="กลุ่มบริหารงานบุคคล",
            processing_days=3,
            retention_years=5,
            form_note="โปรดตรวจสอบ",
        ),
        fields=fields_from_stream(personnel_record_form())
        + (FieldDefinition("amount", "fee", "ค่าธรรมเนียม", decimal_places=2, max_value=Decimal("99.50")),),
    )
    data = definition.to_json()
    assert (data["format"], data["version"]) == (FORMAT_NAME, FORMAT_VERSION) == ("oss-service-form", 1)
    assert data["service"]["code"] == "13"
    assert data["fields"][-1]["max_value"] == "99.50"
    assert definition_from_json(data) == definition


def test_a_file_of_another_format_or_version_is_refused_in_thai():
    with pytest.raises(DefinitionError) as refused:
        definition_from_json({"format": "something-else", "version": 1, "fields": []})
    assert refused.value.messages == ["ไฟล์นี้ไม่ใช่ไฟล์นิยามแบบฟอร์มบริการของระบบ"]
    with pytest.raises(DefinitionError) as refused:
        definition_from_json({"format": FORMAT_NAME, "version": 2, "service": {}, "fields": []})
    assert refused.value.messages == ["ระบบนี้อ่านไฟล์นิยามรุ่นที่ 1 แต่ไฟล์นี้เป็นรุ่นที่ 2"]
    with pytest.raises(DefinitionError) as refused:
        definition_from_json(
            {"format": FORMAT_NAME, "version": 1, "service": {}, "fields": [{"type": "signature"}]}
        )
    assert refused.value.messages == ["ช่องที่ 1: ไม่รู้จักชนิดช่อง “signature”"]
