"""Configured services' forms as editors build them (raw StreamField data of FormDefinitionBlock)."""


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
