"""The demo's seventh service, built the way an office builds its own (issue 14): no code, a
service page whose Form tab holds the form. ขอสำเนาทะเบียนประวัติ (ก.พ.7), a copy of the
civil-service history record, worked by the personnel group.

Publishing the page (through a revision, as an editor's "Publish" does) freezes its form version,
assigns its officer group and puts it in the catalogue beside the built-in six.
"""

from django.contrib.auth.models import Group

from wagtail.models import Locale

from service_pages.models import ServiceIndexPage, ServicePage

from .pages import bullets, ensure_translation, paragraphs, publish

CODE = "13"
SLUG = "personnel-record-copy"
SHORT_NAME = "สำเนา ก.พ.7"
# The form's English texts (the Thai page holds them: service_pages.ServicePage.title_en, ...).
TITLE_EN = "Copy of the personnel record (Kor.Por.7)"
SHORT_NAME_EN = "Kor.Por.7 copy"
PROCESSING_DAYS = 3
RETENTION_YEARS = 5


def field(block_type, name, label_th, label_en, *, help_text="", help_text_en="", required=True, **limits):
    """One field block of the form, as the StreamField stores it."""
    return {
        "type": block_type,
        "value": {
            "name": name,
            "label_th": label_th,
            "label_en": label_en,
            "help_text": help_text,
            "help_text_en": help_text_en,
            "required": required,
            **limits,
        },
    }


def form_definition() -> list[dict]:
    """The form as an editor builds it in the Form tab: Thai and English labels on each field."""
    return [
        {
            "type": "section",
            "value": {
                "heading_th": "สำเนาที่ขอ",
                "heading_en": "The copies you ask for",
                "help_text": "ระบุวัตถุประสงค์และจำนวนสำเนาที่ต้องการ",
                "help_text_en": "Say what the copy is for and how many copies you need.",
            },
        },
        field(
            "short_text",
            "purpose",
            "วัตถุประสงค์",
            "Purpose",
            help_text="เช่น ประกอบการขอเลื่อนวิทยฐานะ ขอโอนย้าย",
            help_text_en="e.g. for a promotion or a transfer",
            max_length=200,
        ),
        field(
            "number",
            "copies",
            "จำนวนสำเนา",
            "Number of copies",
            help_text="1 ถึง 5 ชุด",
            help_text_en="1 to 5",
            decimal_places=0,
            min_value="1",
            max_value="5",
        ),
        field("yes_no", "certified", "รับรองสำเนาถูกต้อง", "Certified copy"),
        field(
            "single_choice",
            "delivery",
            "วิธีรับเอกสาร",
            "How to receive it",
            display="radio",
            choices=[
                {"label_th": "รับด้วยตนเอง", "label_en": "Pick up at the office"},
                {"label_th": "ทางอีเมล", "label_en": "By e-mail"},
            ],
        ),
        field(
            "email",
            "send_to",
            "อีเมลสำหรับส่งเอกสาร",
            "E-mail to send it to",
            help_text="เจ้าหน้าที่ส่งสำเนาไปที่อีเมลนี้",
            help_text_en="Officers send the copies to this address.",
            # Asked for only when the applicant chooses e-mail: the form says so and refuses it empty.
            required=False,
            required_when_field="delivery",
            required_when_answer="ทางอีเมล",
        ),
        {
            "type": "attachment",
            "value": {
                "name": "id_card_copy",
                "label_th": "สำเนาบัตรประจำตัวประชาชน",
                "label_en": "Copy of the ID card",
                "help_text": "ไม่บังคับ: เจ้าหน้าที่ตรวจสอบตัวตนจากบัญชีผู้ใช้ที่ยืนยันแล้วได้",
                "help_text_en": "Optional: officers may check your identity from your verified account.",
                "required": False,
            },
        },
    ]


TEXTS = {
    "th": {
        "title": "ขอสำเนาทะเบียนประวัติ (ก.พ.7)",
        "summary": "ขอสำเนาทะเบียนประวัติข้าราชการ (ก.พ.7) จะรับด้วยตนเองหรือทางอีเมลก็ได้ ภายใน 3 วันทำการ",
        "description": (
            "บริการขอสำเนาทะเบียนประวัติข้าราชการ (ก.พ.7) สำหรับข้าราชการครูและบุคลากรทางการศึกษาในสังกัด "
            "เพื่อใช้ประกอบการขอเลื่อนวิทยฐานะ การโอนย้าย การขอรับเครื่องราชอิสริยาภรณ์ หรือธุรกรรมอื่น",
            "เจ้าหน้าที่กลุ่มบริหารงานบุคคลจัดทำสำเนาตามจำนวนที่ขอ รับรองสำเนาถูกต้องเมื่อขอ "
            "แล้วแจ้งให้มารับด้วยตนเองหรือส่งทางอีเมล",
        ),
        "eligibility": (
            "ข้าราชการครูและบุคลากรทางการศึกษาในสังกัดสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ",
            "ผู้รับบำเหน็จบำนาญที่เคยสังกัดสำนักงาน",
        ),
        "processing_time": "เจ้าหน้าที่จะดำเนินการภายใน 3 วันทำการ",
        "form_note": "ขอได้ครั้งละไม่เกิน 5 ชุด หากเลือกรับทางอีเมล โปรดกรอกอีเมลสำหรับส่งเอกสาร",
    },
    "en": {
        "title": TITLE_EN,
        "summary": "Ask for a copy of your personnel record (Kor.Por.7), to pick up or by e-mail, "
        "within 3 working days.",
        "description": (
            "Teachers and educational personnel of the office can ask for copies of their personnel "
            "record (Kor.Por.7), the civil-service history record, for a promotion, a transfer, a royal "
            "decoration or anything else.",
            "The personnel group's officers make the copies you ask for, certify them if you wish, and "
            "tell you when to pick them up or send them by e-mail.",
        ),
        "eligibility": (
            "Teachers and educational personnel of the Amnat Charoen Primary Educational Service Area Office.",
            "Pensioners who served at the office.",
        ),
        "processing_time": "Officers handle it within 3 working days.",
        "form_note": "At most 5 copies at a time. If you choose e-mail, give the address to send them to.",
    },
}


def page_fields(language: str) -> dict:
    texts = TEXTS[language]
    return {
        "title": texts["title"],
        "summary": texts["summary"],
        "description": paragraphs(texts["description"]),
        "eligibility": bullets(texts["eligibility"]),
        "processing_time": texts["processing_time"],
        "form_note": texts["form_note"],
    }


def english_texts() -> dict:
    """The form's English texts, kept on the Thai page with the Thai ones."""
    return {"title_en": TITLE_EN, "short_name_en": SHORT_NAME_EN, "form_note_en": TEXTS["en"]["form_note"]}


def ensure_personnel_record_service(
    index: ServiceIndexPage, *, officer_group: Group, english: Locale
) -> dict:
    """The Thai service page (published, so its form version is frozen and it takes requests) and
    its English translation; an existing page of the code is left as editors keep it, except that
    one from before the form had English texts (none filled in, no draft pending) gets them."""
    thai = ServicePage.objects.child_of(index).filter(service_code=CODE).first()
    if thai is None:
        thai = ServicePage(
            slug=SLUG,
            locale_id=index.locale_id,
            service_code=CODE,
            short_name=SHORT_NAME,
            officer_group=officer_group,
            processing_days=PROCESSING_DAYS,
            retention_years=RETENTION_YEARS,
            form_definition=form_definition(),
            **english_texts(),
            **page_fields("th"),
        )
        index.add_child(instance=thai)
        publish(thai)
    elif (
        thai.live
        and not thai.has_unpublished_changes
        and not any(getattr(thai, name) for name in english_texts())
    ):
        for name, value in english_texts().items():
            setattr(thai, name, value)
        publish(thai)  # its form's next version, with the English texts
    return {"th": thai, "en": ensure_translation(thai, english, page_fields("en"))}
