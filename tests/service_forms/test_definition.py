"""The definition of a configured service's form: read from the blocks, checked, and written to
and read from its versioned JSON file format."""

from decimal import Decimal

from django.utils import translation

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
    stream_data,
    validate_definition,
)
from tests.factories.service_forms import attachment, definition_json, input_field, personnel_record_form
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


ENGLISH = {
    "title_en": "Copy of the personnel record (Kor.Por.7)",
    "short_name_en": "Kor.Por.7 copy",
    "form_note_en": "At most 5 copies at a time.",
}


def test_the_services_english_texts_are_kept_in_the_file_and_read_on_english_pages():
    data = definition_json(english=ENGLISH)
    settings = definition_from_json(data).service
    assert definition_from_json(data).to_json()["service"] == data["service"]

    with translation.override("en"):
        assert (settings.name, settings.form_title, settings.note) == (
            "Kor.Por.7 copy",
            "Copy of the personnel record (Kor.Por.7)",
            "At most 5 copies at a time.",
        )
    with translation.override("th"):
        assert (settings.name, settings.form_title, settings.note) == (
            "สำเนา ก.พ.7",
            "ขอสำเนาทะเบียนประวัติ (ก.พ.7)",
            "ยื่นได้เฉพาะข้าราชการในสังกัด",
        )


def test_an_old_definition_without_english_texts_reads_as_thai_and_writes_as_before():
    old = definition_json()
    settings = definition_from_json(old).service
    assert (settings.title_en, settings.short_name_en, settings.form_note_en) == ("", "", "")
    assert definition_from_json(old).to_json()["service"] == old["service"]  # no new version

    with translation.override("en"):
        assert (settings.name, settings.form_title, settings.note) == (
            "สำเนา ก.พ.7",
            "ขอสำเนาทะเบียนประวัติ (ก.พ.7)",
            "ยื่นได้เฉพาะข้าราชการในสังกัด",
        )


def test_an_english_title_without_an_english_short_name_names_the_service_in_english():
    settings = ServiceSettings(title="ขอสำเนา", short_name="สำเนา", title_en="Copy of the record")
    with translation.override("en"):
        assert settings.name == settings.form_title == "Copy of the record"
    settings = ServiceSettings(title="ขอสำเนา", short_name="สำเนา", short_name_en="Record copy")
    with translation.override("en"):
        assert settings.name == settings.form_title == "Record copy"


def test_english_texts_that_are_not_text_are_refused_in_thai():
    with pytest.raises(DefinitionError) as refused:
        definition_from_json(definition_json(english={"short_name_en": 7}))
    assert refused.value.messages == ["บริการ: “short_name_en” ต้องเป็นข้อความ"]


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


# "Required when": another field's answer makes a field required.


def send_to(**condition):
    condition = {"required_when_field": "delivery", "required_when_answer": "ทางอีเมล"} | condition
    return input_field("email", "send_to", "อีเมลสำหรับส่งเอกสาร", required=False, **condition)


def with_send_to(**condition):
    return fields_from_stream([*personnel_record_form(), send_to(**condition)])


def test_a_condition_is_read_from_the_blocks_and_kept_in_the_file_and_the_frozen_version():
    fields = with_send_to()
    item = fields[-1]
    assert (item.required, item.required_when_field, item.required_when_answer) == (
        False,
        "delivery",
        "ทางอีเมล",
    )
    assert validate_definition(fields) == []
    definition = FormDefinition(fields=fields)
    data = definition.to_json()
    assert data["fields"][-1]["required_when_field"] == "delivery"
    assert data["fields"][-1]["required_when_answer"] == "ทางอีเมล"
    assert definition_from_json(data) == definition
    assert definition.condition_field(item).name == "delivery"
    assert fields_from_stream(stream_data(fields)) == fields  # the import writes it back to blocks


def test_an_old_definition_without_conditions_reads_and_writes_as_before():
    old = FormDefinition(fields=fields_from_stream(personnel_record_form())).to_json()
    assert not any("required_when_field" in item for item in old["fields"])
    definition = definition_from_json(old)
    assert all(not item.has_condition for item in definition.fields)
    assert definition.to_json() == old  # an unchanged form freezes no new version


@pytest.mark.parametrize(
    ("condition", "error"),
    [
        (
            {"required_when_field": "delivry"},
            "ช่อง “อีเมลสำหรับส่งเอกสาร” ต้องกรอกตามคำตอบของช่อง “delivry” แต่แบบฟอร์มนี้ไม่มีช่องชื่อนี้",
        ),
        (
            {"required_when_answer": "ไปรษณีย์"},
            "ช่อง “อีเมลสำหรับส่งเอกสาร” ต้องกรอกเมื่อช่อง “วิธีรับเอกสาร” ตอบว่า “ไปรษณีย์” "
            "แต่คำตอบนี้ไม่มีในช่องนั้น (มีเพียง รับด้วยตนเอง, ทางอีเมล)",
        ),
        (
            {"required_when_field": "purpose", "required_when_answer": "ขอโอนย้าย"},
            "ช่อง “อีเมลสำหรับส่งเอกสาร” ต้องกรอกตามคำตอบของช่อง “วัตถุประสงค์” แต่ระบุได้เฉพาะช่องตัวเลือกหรือช่องใช่หรือไม่ใช่",
        ),
        (
            {"required_when_answer": ""},
            "ช่อง “อีเมลสำหรับส่งเอกสาร” ต้องกรอกตามคำตอบของช่องอื่น: โปรดระบุทั้งชื่อช่องนั้นและคำตอบ หรือไม่ระบุทั้งสองอย่าง",
        ),
        (
            {"required_when_field": "send_to"},
            "ช่อง “อีเมลสำหรับส่งเอกสาร” จะต้องกรอกตามคำตอบของตัวเองไม่ได้: โปรดระบุชื่อช่องอื่น",
        ),
        (
            {"required_when_field": "certified", "required_when_answer": "yes"},
            "ช่อง “อีเมลสำหรับส่งเอกสาร” ต้องกรอกเมื่อช่อง “รับรองสำเนาถูกต้อง” ตอบว่า “yes” "
            "แต่คำตอบนี้ไม่มีในช่องนั้น (มีเพียง ใช่, ไม่ใช่)",
        ),
    ],
)
def test_a_condition_that_cannot_be_met_is_refused_in_thai(condition, error):
    assert validate_definition(with_send_to(**condition)) == [error]


def test_a_condition_on_an_always_required_field_is_refused():
    fields = fields_from_stream(
        [
            *personnel_record_form(),
            input_field(
                "email",
                "send_to",
                "อีเมลสำหรับส่งเอกสาร",
                required=True,
                required_when_field="delivery",
                required_when_answer="ทางอีเมล",
            ),
        ]
    )
    assert validate_definition(fields) == [
        "ช่อง “อีเมลสำหรับส่งเอกสาร” ติ๊ก “ต้องกรอก” ไว้แล้ว เงื่อนไขจึงไม่มีผล: เอาติ๊ก “ต้องกรอก” ออก หรือลบเงื่อนไข"
    ]


def test_a_condition_on_a_yes_no_field_names_its_thai_answer():
    assert validate_definition(with_send_to(required_when_field="certified", required_when_answer="ใช่")) == []
