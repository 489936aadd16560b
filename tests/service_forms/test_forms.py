"""Each field type of a configured service's form, with good and bad input, in Thai."""

import datetime
import re
from decimal import Decimal

from django.utils import translation

import pytest

from accounts.validators import CITIZEN_ID_MESSAGES
from service_forms.definition import Choice, FieldDefinition, FormDefinition
from service_forms.forms import CHOOSE_REQUIRED, INVALID, MESSAGES, form_class_for
from tests.helpers import THAI_SCRIPT, buddhist_era_hint, in_thai

YEAR = datetime.date.today().year


def form_for(*fields, data=None):
    return form_class_for(FormDefinition(fields=fields))(data=data)


def errors_of(field: FieldDefinition, value):
    form = form_for(field, data={field.name: value} if value is not None else {})
    assert not form.is_valid()
    return form.errors[field.name]


def cleaned(field: FieldDefinition, value):
    form = form_for(field, data={field.name: value})
    assert form.is_valid(), form.errors
    return form.cleaned_data[field.name]


def thai(message):
    assert THAI_SCRIPT.search(message), message
    return message


CASES = [
    # (field, good input, its cleaned value, bad input, a message it gets)
    (
        FieldDefinition("short_text", "purpose", "วัตถุประสงค์", required=True, max_length=10),
        "ใช้ประกอบ",
        "ใช้ประกอบ",
        "ก" * 11,
        MESSAGES["max_length"],
    ),
    (
        FieldDefinition("long_text", "detail", "รายละเอียด", required=True, max_length=40),
        "บรรทัดหนึ่ง\nบรรทัดสอง",
        "บรรทัดหนึ่ง\nบรรทัดสอง",
        "",
        "This field is required.",
    ),
    (
        FieldDefinition(
            "number",
            "copies",
            "จำนวน",
            required=True,
            decimal_places=0,
            min_value=Decimal(1),
            max_value=Decimal(5),
        ),
        "3",
        3,
        "2.5",
        INVALID["integer"],
    ),
    (
        FieldDefinition(
            "number", "weight", "น้ำหนัก", required=True, decimal_places=1, min_value=Decimal("0.5")
        ),
        "2.5",
        Decimal("2.5"),
        "0.4",
        MESSAGES["min_value"],
    ),
    (
        FieldDefinition(
            "amount", "fee", "ค่าธรรมเนียม", required=True, decimal_places=2, max_value=Decimal(1000)
        ),
        "99.50",
        Decimal("99.50"),
        "10.555",
        MESSAGES["max_decimal_places"],
    ),
    (
        FieldDefinition("date", "needed_on", "วันที่ต้องการ", required=True),
        f"{YEAR}-12-01",
        datetime.date(YEAR, 12, 1),
        f"{YEAR + 543}-12-01",
        None,  # the Buddhist Era hint, below
    ),
    (
        FieldDefinition("time", "pick_up_at", "เวลารับ", required=True),
        "13:30",
        datetime.time(13, 30),
        "25:00",
        INVALID["time"],
    ),
    (
        FieldDefinition(
            "single_choice",
            "delivery",
            "วิธีรับ",
            required=True,
            display="select",
            choices=(Choice("รับด้วยตนเอง", "Pick up"), Choice("ทางอีเมล", "By e-mail")),
        ),
        "ทางอีเมล",
        "ทางอีเมล",
        "ทางไปรษณีย์",
        MESSAGES["invalid_choice"],
    ),
    (
        FieldDefinition("yes_no", "certified", "รับรองสำเนา", required=True),
        "no",
        False,
        "",
        CHOOSE_REQUIRED["required"],
    ),
    (
        FieldDefinition("email", "reply_to", "อีเมล", required=True),
        "somchai@example.com",
        "somchai@example.com",
        "somchai@",
        INVALID["email"],
    ),
    (
        FieldDefinition("phone", "phone", "โทรศัพท์", required=True),
        "081-234-5678",
        "0812345678",
        "12345",
        "Please enter a Thai phone number, e.g. 0812345678 or 045511019.",
    ),
    (
        FieldDefinition("citizen_id", "spouse_id", "เลขประจำตัวประชาชนคู่สมรส", required=True),
        "1-4399-00285-97-7",
        "1439900285977",
        "1439900285978",
        CITIZEN_ID_MESSAGES["checksum"],
    ),
    (
        FieldDefinition("address", "address", "ที่อยู่", required=True, max_length=500),
        "99 หมู่ 1 ต.บุ่ง อ.เมือง จ.อำนาจเจริญ",
        "99 หมู่ 1 ต.บุ่ง อ.เมือง จ.อำนาจเจริญ",
        "",
        "This field is required.",
    ),
]


@pytest.mark.parametrize(
    ("field", "good", "value", "bad", "message"), CASES, ids=[case[0].type for case in CASES]
)
def test_each_field_type_takes_good_input_and_refuses_bad_input_in_thai(field, good, value, bad, message):
    assert cleaned(field, good) == value
    errors = errors_of(field, bad)
    if message is None:
        assert errors == [buddhist_era_hint(YEAR + 543)]
    else:
        expected_start = in_thai(message).split("%")[0]
        assert errors[0].startswith(expected_start)
    thai(errors[0])


CHOICES = (Choice("รับด้วยตนเอง", "Pick up"), Choice("ทางอีเมล", "By e-mail"))


@pytest.mark.parametrize(
    "field",
    [
        FieldDefinition("single_choice", "delivery", "วิธีรับ", required=True, choices=CHOICES),
        FieldDefinition(
            "single_choice", "delivery", "วิธีรับ", required=True, display="select", choices=CHOICES
        ),
        FieldDefinition("multiple_choice", "delivery", "วิธีรับ", required=True, choices=CHOICES),
        FieldDefinition("yes_no", "delivery", "รับรองสำเนา", required=True),
    ],
    ids=["radio", "select", "boxes", "yes_no"],
)
def test_an_unanswered_choice_asks_to_choose_not_to_fill_in(field):
    assert errors_of(field, None) == ["กรุณาเลือกคำตอบ"]


def test_an_empty_text_still_asks_to_fill_in():
    field = FieldDefinition("short_text", "purpose", "วัตถุประสงค์", required=True)
    assert errors_of(field, None) == ["กรุณากรอกข้อมูลช่องนี้"]


def test_numbers_stay_within_their_limits():
    copies = FieldDefinition(
        "number",
        "copies",
        "จำนวน",
        required=True,
        decimal_places=0,
        min_value=Decimal(1),
        max_value=Decimal(5),
    )
    assert errors_of(copies, "6") == [in_thai(MESSAGES["max_value"]) % {"limit_value": 5}]
    assert errors_of(copies, "0") == [in_thai(MESSAGES["min_value"]) % {"limit_value": 1}]
    fee = FieldDefinition(
        "amount", "fee", "ค่าธรรมเนียม", required=True, decimal_places=2, max_value=Decimal(1000)
    )
    assert errors_of(fee, "1000.01") == [in_thai(MESSAGES["max_value"]) % {"limit_value": Decimal(1000)}]
    assert errors_of(fee, "ห้าสิบ") == [in_thai(INVALID["amount"])]


def test_several_choices_take_any_of_the_choices_and_refuse_others():
    field = FieldDefinition(
        "multiple_choice",
        "documents",
        "เอกสารที่ต้องการ",
        required=True,
        choices=(Choice("ก.พ.7"), Choice("หนังสือรับรอง"), Choice("สลิปเงินเดือน")),
    )
    form = form_for(field, data={"documents": ["ก.พ.7", "สลิปเงินเดือน"]})
    assert form.is_valid()
    assert form.cleaned_data["documents"] == ["ก.พ.7", "สลิปเงินเดือน"]
    form = form_for(field, data={"documents": ["ใบประกาศ"]})
    assert not form.is_valid()
    thai(form.errors["documents"][0])


def test_optional_fields_may_be_left_empty():
    fields = (
        FieldDefinition("short_text", "note", "หมายเหตุ", required=False),
        FieldDefinition("number", "copies", "จำนวน", required=False, decimal_places=0),
        FieldDefinition("yes_no", "certified", "รับรอง", required=False),
        FieldDefinition("phone", "phone", "โทรศัพท์", required=False),
        FieldDefinition("citizen_id", "other_id", "เลขประจำตัว", required=False),
    )
    form = form_for(*fields, data={})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"note": "", "copies": None, "certified": None, "phone": "", "other_id": ""}


def test_a_form_sent_back_keeps_what_was_typed():
    fields = (
        FieldDefinition("short_text", "purpose", "วัตถุประสงค์", required=True),
        FieldDefinition("email", "reply_to", "อีเมล", required=True),
    )
    form = form_for(*fields, data={"purpose": "ยื่นประกอบการขอย้าย", "reply_to": "not-an-address"})
    assert not form.is_valid()
    html = str(form)
    assert 'value="ยื่นประกอบการขอย้าย"' in html
    assert 'value="not-an-address"' in html


def test_labels_help_and_choices_follow_the_language():
    field = FieldDefinition(
        "single_choice",
        "delivery",
        "วิธีรับเอกสาร",
        label_en="How to receive it",
        help_text="เลือกหนึ่งข้อ",
        help_text_en="Choose one",
        required=True,
        choices=(Choice("รับด้วยตนเอง", "Pick up"),),
    )
    form = form_for(field)
    assert form.fields["delivery"].label == "วิธีรับเอกสาร"
    assert form.fields["delivery"].help_text == "เลือกหนึ่งข้อ"
    with translation.override("en"):
        form = form_for(field)
    assert form.fields["delivery"].label == "How to receive it"
    assert form.fields["delivery"].help_text == "Choose one"
    assert form.fields["delivery"].choices == [("รับด้วยตนเอง", "Pick up")]


def test_a_date_field_tells_how_to_type_the_year():
    form = form_for(FieldDefinition("date", "needed_on", "วันที่ต้องการ", required=True))
    assert "543" in str(form.fields["needed_on"].help_text)
    assert 'type="date"' in str(form["needed_on"])


def test_headings_and_attachment_slots_are_no_fields_but_keep_their_place():
    definition = FormDefinition(
        fields=(
            FieldDefinition("section", label_th="ข้อมูลผู้ขอ"),
            FieldDefinition("short_text", "purpose", "วัตถุประสงค์", required=True),
            FieldDefinition("attachment", "id_card_copy", "สำเนาบัตร", help_text="ขีดฆ่า", required=False),
        )
    )
    form = form_class_for(definition)()
    assert list(form.fields) == ["purpose"]
    [slot] = definition.attachment_slots
    assert (slot.name, slot.label, slot.required, slot.help) == ("id_card_copy", "สำเนาบัตร", False, "ขีดฆ่า")


# A field required only when another field has an answer: ก.พ.7's e-mail, asked for by e-mail only.

DELIVERY = FieldDefinition(
    "single_choice",
    "delivery",
    "วิธีรับเอกสาร",
    label_en="How to receive it",
    required=True,
    choices=(Choice("รับด้วยตนเอง", "Pick up"), Choice("ทางอีเมล", "By e-mail")),
)
SEND_TO = FieldDefinition(
    "email",
    "send_to",
    "อีเมลสำหรับส่งเอกสาร",
    label_en="E-mail to send it to",
    required=False,
    required_when_field="delivery",
    required_when_answer="ทางอีเมล",
)
PURPOSE = FieldDefinition("short_text", "purpose", "วัตถุประสงค์", required=True)
# The Thai message names the field and its condition.
BY_EMAIL_WITHOUT_ADDRESS = "โปรดกรอก “อีเมลสำหรับส่งเอกสาร” เพราะเลือก “ทางอีเมล” ในช่อง “วิธีรับเอกสาร”"


def test_by_email_without_an_address_is_refused_naming_the_field_and_the_condition_with_the_rest_kept():
    form = form_for(PURPOSE, DELIVERY, SEND_TO, data={"purpose": "ขอเลื่อนวิทยฐานะ", "delivery": "ทางอีเมล"})

    assert not form.is_valid()
    assert form.errors == {"send_to": [BY_EMAIL_WITHOUT_ADDRESS]}
    assert 'value="ขอเลื่อนวิทยฐานะ"' in str(form["purpose"])
    assert re.search(r'<input[^>]*value="ทางอีเมล"[^>]*checked', str(form["delivery"]))


def test_by_email_with_an_address_and_a_pick_up_without_one_are_accepted():
    form = form_for(DELIVERY, SEND_TO, data={"delivery": "ทางอีเมล", "send_to": "kru@example.com"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["send_to"] == "kru@example.com"

    form = form_for(DELIVERY, SEND_TO, data={"delivery": "รับด้วยตนเอง", "send_to": ""})
    assert form.is_valid(), form.errors


def test_a_bad_address_gets_its_own_message_not_the_conditions():
    form = form_for(DELIVERY, SEND_TO, data={"delivery": "ทางอีเมล", "send_to": "not-an-address"})
    assert not form.is_valid()
    assert form.errors["send_to"] == [str(INVALID["email"])]


def test_the_form_says_when_the_field_is_required_in_the_visitors_language():
    form = form_for(DELIVERY, SEND_TO)
    assert form.fields["send_to"].help_text == "(จำเป็นเมื่อเลือก “ทางอีเมล” ในช่อง “วิธีรับเอกสาร”)"
    assert not form.fields["send_to"].required  # no browser check: the server decides
    with translation.override("en"):
        form = form_for(DELIVERY, SEND_TO, data={"delivery": "ทางอีเมล"})
        assert (
            form.fields["send_to"].help_text == "(required when “By e-mail” is chosen in “How to receive it”)"
        )
        assert not form.is_valid()
        assert form.errors["send_to"] == [
            "Please fill in “E-mail to send it to”: it is required when “By e-mail” is chosen in “How to receive it”."
        ]


def test_a_condition_on_a_yes_no_or_a_several_choices_field():
    certified = FieldDefinition("yes_no", "certified", "รับรองสำเนาถูกต้อง", required=True)
    signer = FieldDefinition(
        "short_text", "signer", "ผู้รับรอง", required_when_field="certified", required_when_answer="ใช่"
    )
    assert not form_for(certified, signer, data={"certified": "yes"}).is_valid()
    assert form_for(certified, signer, data={"certified": "no"}).is_valid()
    assert "“ใช่”" in form_for(certified, signer).fields["signer"].help_text

    documents = FieldDefinition(
        "multiple_choice", "documents", "เอกสาร", choices=(Choice("ก.พ.7"), Choice("หนังสือรับรอง"))
    )
    reason = FieldDefinition(
        "long_text", "reason", "เหตุผล", required_when_field="documents", required_when_answer="หนังสือรับรอง"
    )
    form = form_for(documents, reason, data={"documents": ["ก.พ.7", "หนังสือรับรอง"]})
    assert not form.is_valid() and list(form.errors) == ["reason"]
    assert form_for(documents, reason, data={"documents": ["ก.พ.7"]}).is_valid()
    assert form_for(documents, reason, data={}).is_valid()


def test_an_editors_markup_in_a_label_is_not_taken_as_html_in_the_help():
    delivery = FieldDefinition("single_choice", "delivery", "วิธีรับ <b>", choices=(Choice("ทาง <i>อีเมล</i>"),))
    send_to = FieldDefinition(
        "email", "send_to", "อีเมล", required_when_field="delivery", required_when_answer="ทาง <i>อีเมล</i>"
    )
    help_text = form_for(delivery, send_to).fields["send_to"].help_text
    assert "<b>" not in help_text and "&lt;i&gt;" in help_text
