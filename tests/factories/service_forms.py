"""Configured services for tests: forms as editors build them (raw StreamField data of
FormDefinitionBlock), and definitions published as frozen versions."""

from django.utils import timezone

from service_forms.models import FormVersion
from service_requests.catalogue.configured import forget_configured_services

# Every input type, a section and two attachment slots: a service a personnel group might build.
EVERY_FIELD = [
    {
        "type": "section",
        "name": "",
        "label_th": "ข้อมูลคำขอ",
        "label_en": "The request",
        "help_text": "กรอกให้ครบ",
    },
    {
        "type": "short_text",
        "name": "purpose",
        "label_th": "วัตถุประสงค์",
        "label_en": "Purpose",
        "required": True,
        "max_length": 100,
    },
    {
        "type": "long_text",
        "name": "remarks",
        "label_th": "รายละเอียดเพิ่มเติม",
        "label_en": "Remarks",
        "required": False,
    },
    {
        "type": "number",
        "name": "copies",
        "label_th": "จำนวนชุด",
        "label_en": "Copies",
        "required": True,
        "decimal_places": 0,
        "min_value": "1",
        "max_value": "5",
    },
    {
        "type": "amount",
        "name": "fee",
        "label_th": "ค่าธรรมเนียม (บาท)",
        "label_en": "Fee (baht)",
        "required": False,
        "decimal_places": 2,
        "min_value": "0.00",
        "max_value": "1000.00",
    },
    {
        "type": "date",
        "name": "wanted_on",
        "label_th": "วันที่ต้องการรับ",
        "label_en": "Wanted on",
        "required": True,
    },
    {"type": "time", "name": "wanted_at", "label_th": "เวลาที่สะดวก", "label_en": "Time", "required": False},
    {
        "type": "single_choice",
        "name": "delivery",
        "label_th": "วิธีรับเอกสาร",
        "label_en": "Delivery",
        "required": True,
        "display": "radio",
        "choices": [
            {"label_th": "รับด้วยตนเอง", "label_en": "Pick up"},
            {"label_th": "ทางอีเมล", "label_en": "By e-mail"},
        ],
    },
    {
        "type": "multiple_choice",
        "name": "documents",
        "label_th": "เอกสารที่ต้องการ",
        "label_en": "Documents",
        "required": False,
        "choices": [
            {"label_th": "ก.พ.7", "label_en": "Record"},
            {"label_th": "หนังสือรับรอง", "label_en": "Letter"},
        ],
    },
    {
        "type": "yes_no",
        "name": "certified",
        "label_th": "รับรองสำเนาถูกต้อง",
        "label_en": "Certified copy",
        "required": True,
    },
    {
        "type": "email",
        "name": "reply_email",
        "label_th": "อีเมลสำหรับรับเอกสาร",
        "label_en": "E-mail",
        "required": False,
    },
    {
        "type": "phone",
        "name": "contact_phone",
        "label_th": "โทรศัพท์ติดต่อ",
        "label_en": "Phone",
        "required": False,
    },
    {
        "type": "citizen_id",
        "name": "subject_id",
        "label_th": "เลขประจำตัวประชาชนเจ้าของประวัติ",
        "label_en": "Citizen ID",
        "required": False,
    },
    {"type": "address", "name": "address", "label_th": "ที่อยู่", "label_en": "Address", "required": False},
    {
        "type": "attachment",
        "name": "id_card_copy",
        "label_th": "สำเนาบัตรประจำตัว",
        "label_en": "ID card copy",
        "required": True,
    },
    {
        "type": "attachment",
        "name": "other_1",
        "label_th": "เอกสารอื่น",
        "label_en": "Other document",
        "required": False,
    },
]


def input_field(block_type, name, label_th, *, label_en="", help_text="", required=True, **limits) -> dict:
    return {
        "type": block_type,
        "value": {
            "name": name,
            "label_th": label_th,
            "label_en": label_en,
            "help_text": help_text,
            "help_text_en": "",
            "required": required,
            **limits,
        },
    }


def choices(*labels) -> list[dict]:
    """A choice field's choices: (Thai, English) pairs."""
    return [{"label_th": thai, "label_en": english} for thai, english in labels]


def section(heading_th, *, heading_en="", help_text="") -> dict:
    return {
        "type": "section",
        "value": {
            "heading_th": heading_th,
            "heading_en": heading_en,
            "help_text": help_text,
            "help_text_en": "",
        },
    }


def attachment(name, label_th, *, label_en="", help_text="", required=True) -> dict:
    return {
        "type": "attachment",
        "value": {
            "name": name,
            "label_th": label_th,
            "label_en": label_en,
            "help_text": help_text,
            "help_text_en": "",
            "required": required,
        },
    }


def personnel_record_form() -> list[dict]:
    """ขอสำเนาทะเบียนประวัติ (ก.พ.7): the issue's seventh service."""
    return [
        section("รายละเอียดคำขอ", heading_en="About the request", help_text="กรอกข้อมูลให้ครบถ้วน"),
        input_field("short_text", "purpose", "วัตถุประสงค์", label_en="Purpose", max_length=200),
        input_field(
            "number",
            "copies",
            "จำนวนสำเนา",
            label_en="Number of copies",
            decimal_places=0,
            min_value="1",
            max_value="5",
        ),
        input_field("yes_no", "certified", "รับรองสำเนาถูกต้อง", label_en="Certified copy"),
        input_field(
            "single_choice",
            "delivery",
            "วิธีรับเอกสาร",
            label_en="How to receive it",
            display="radio",
            choices=choices(("รับด้วยตนเอง", "Pick up at the office"), ("ทางอีเมล", "By e-mail")),
        ),
        attachment(
            "id_card_copy",
            "สำเนาบัตรประจำตัวประชาชน",
            label_en="Copy of the ID card",
            help_text="ขีดฆ่าเลขหลังบัตร",
            required=False,
        ),
    ]


# Published versions (what publishing a service page freezes), straight from the JSON format.


def definition_json(
    code="13",
    *,
    fields=None,
    title="ขอสำเนาทะเบียนประวัติ (ก.พ.7)",
    short_name="สำเนา ก.พ.7",
    group="",
    english=None,
):
    """`english`: the service's English texts ({"title_en": ..., ...}); none by default, as in a
    version frozen before there were any."""
    return {
        "format": "oss-service-form",
        "version": 1,
        "service": {
            "code": code,
            "title": title,
            "short_name": short_name,
            "officer_group": group,
            "processing_days": 3,
            "retention_years": 5,
            "form_note": "ยื่นได้เฉพาะข้าราชการในสังกัด",
        }
        | (english or {}),
        "fields": fields if fields is not None else EVERY_FIELD,
    }


def publish_version(code="13", *, page=None, number=None, **definition) -> FormVersion:
    """A published version of a configured service's form, as publishing its page freezes it."""
    previous = FormVersion.objects.filter(service_code=code).order_by("-number").first()
    version = FormVersion.objects.create(
        service_code=code,
        page=page,
        number=number or (previous.number + 1 if previous else 1),
        definition=definition_json(code, **definition),
        created_at=timezone.now(),
    )
    forget_configured_services()
    return version
