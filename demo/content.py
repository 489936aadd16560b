"""What the demo's service pages, manuals and blank forms say, per catalogue code, Thai and English.

Taken from the office's One Stop Service manual and the product spec. Everything is data: the
page, manual and blank-form builders loop over the catalogue and look the texts up here.
"""

from dataclasses import dataclass

from service_requests.sla import PROMISED_WORKING_DAYS


@dataclass(frozen=True)
class ServiceTexts:
    """One service's texts in one language."""

    title: str  # the page title
    form_title: str
    # The documents' titles (Thai: คู่มือ ..., แบบฟอร์ม ...). The English ones are link texts only,
    # after the page's own "Manual:"/"Blank form:" (or under its "Manuals"/"Blank forms"
    # heading), so they do not start with the word again.
    manual_title: str
    blank_form_title: str
    summary: str
    description: tuple[str, ...]  # paragraphs
    eligibility: tuple[str, ...]  # bullet points
    fill_in: str  # what the form asks for (the detail of the "fill in" step)
    final_step: tuple[str, str]  # (step, detail): how the applicant gets the result
    flow: tuple[str, ...]  # stages of the flow diagram
    attachments: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormField:
    """A line of the paper form; with choices it prints a box per choice instead of a line."""

    label: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceContent:
    th: ServiceTexts
    en: ServiceTexts
    form_fields: tuple[FormField, ...]  # the service's own fields, Thai (the paper form is Thai)
    attachment_fields: tuple[str, ...]  # the upload slots of the online form, Thai

    def texts(self, language: str) -> ServiceTexts:
        return self.en if language == "en" else self.th


@dataclass(frozen=True)
class CommonTexts:
    """Wording every service shares, in one language."""

    processing_time: str
    file_note: str
    attachments_heading: str
    steps_heading: str
    flow_heading: str
    manual_link: str
    blank_form_link: str
    statuses: tuple[tuple[str, str], ...]  # (status, meaning), the manual's six


COMMON = {
    "th": CommonTexts(
        # The manual's words; the days are the ones the confirmation and its e-mail say (sla.py).
        processing_time=f"เจ้าหน้าที่จะดำเนินการจัดทำข้อมูลภายใน {PROMISED_WORKING_DAYS} วันทำการ",
        file_note="ไฟล์ png,jpg,pdf ขนาดไม่เกิน 5 MB เท่านั้น",
        attachments_heading="เอกสารที่ต้องแนบ",
        steps_heading="ขั้นตอนการยื่นคำขอผ่านระบบ",
        flow_heading="แผนผังขั้นตอนการปฏิบัติงาน",
        manual_link="คู่มือ",
        blank_form_link="แบบฟอร์ม",
        statuses=(
            ("ส่งคำร้องไปยังเจ้าหน้าที่", "ผู้ใช้งานส่งคำร้องไปยังเจ้าหน้าที่"),
            ("เจ้าหน้าที่กำลังดำเนินการ", "เจ้าหน้าที่กำลังดำเนินการตามคำร้อง"),
            ("เจ้าหน้าที่ส่งให้แก้ไขข้อมูล", "เจ้าหน้าที่ส่งให้ผู้ใช้งานแก้ไขข้อมูล"),
            ("ส่งข้อมูลแก้ไขไปยังเจ้าหน้าที่", "ผู้ใช้งานส่งข้อมูลแก้ไขไปยังเจ้าหน้าที่"),
            ("ดำเนินการเรียบร้อย", "คำร้องดำเนินการเรียบร้อย"),
            ("ยกเลิกคำร้อง", "ยกเลิกคำร้อง"),
        ),
    ),
    "en": CommonTexts(
        processing_time=f"Officers prepare the result within {PROMISED_WORKING_DAYS} working days.",
        file_note="Files: png, jpg or pdf, at most 5 MB each.",
        attachments_heading="Documents to attach",
        steps_heading="How to apply online",
        flow_heading="How your request is handled",
        manual_link="Manual (Thai)",
        blank_form_link="Blank form (Thai)",
        statuses=(
            ("Submitted to officers", "You have sent the request to the officers."),
            ("Officer working on it", "An officer is working on the request."),
            ("Returned for correction", "An officer has asked you to correct the request."),
            ("Corrected and resubmitted", "You have sent the corrected request back."),
            ("Completed", "The request has been completed."),
            ("Cancelled", "The request has been cancelled."),
        ),
    ),
}

OFFICER_TYPES = (
    "ข้าราชการครูและบุคลากรทางการศึกษา",
    "ลูกจ้างประจำ",
    "พนักงานราชการ",
    "บำเหน็จบำนาญ",
)

# The fields every request starts with, pre-filled from the applicant's profile.
PROFILE_FIELDS = (
    FormField("เลขประจำตัวประชาชน"),
    FormField("เบอร์โทรศัพท์"),
    FormField("คำนำหน้าชื่อ ชื่อ นามสกุล"),
)

# Service 41 as the office's manual names it: the menu says "ซื้อ ปพ.1-3" (the catalogue's name, on
# the tiles and lists), the service itself "สั่งซื้อแบบพิมพ์ทางการศึกษา (ปพ.)": its page, its form, its
# manual and its blank form, as the catalogue's form title (service_requests.catalogue).
FORM_ORDER_TITLE = {
    "th": "สั่งซื้อแบบพิมพ์ทางการศึกษา (ปพ.)",
    "en": "Order of educational record forms (ปพ.)",
}


SERVICES: dict[str, ServiceContent] = {
    "11": ServiceContent(
        th=ServiceTexts(
            title="บัตรประจำตัวเจ้าหน้าที่ของรัฐ",
            form_title="คำขอมีบัตรประจำตัวหรือขอบัตรประจำตัวใหม่",
            manual_title="คู่มือการขอทำบัตรประจำตัวเจ้าหน้าที่ของรัฐ",
            blank_form_title="แบบฟอร์มทำบัตรประจำตัวเจ้าหน้าที่ของรัฐ",
            summary="ยื่นคำขอมีบัตรประจำตัวเจ้าหน้าที่ของรัฐครั้งแรก หรือขอบัตรใหม่แทนบัตรเดิม ผ่านระบบออนไลน์",
            description=(
                "บริการยื่นคำขอมีบัตรประจำตัวเจ้าหน้าที่ของรัฐ หรือขอบัตรประจำตัวใหม่ สำหรับข้าราชการครู"
                "และบุคลากรทางการศึกษา ลูกจ้างประจำ พนักงานราชการ และผู้รับบำเหน็จบำนาญ ในสังกัด"
                "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ",
                "ผู้ยื่นคำขอกรอกข้อมูลและแนบเอกสารผ่านระบบ เจ้าหน้าที่กลุ่มบริหารงานบุคคลตรวจสอบข้อมูล"
                "และเสนอผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาฯ ลงนาม แล้วนัดหมายวันรับบัตร",
            ),
            eligibility=(
                "ข้าราชการครูและบุคลากรทางการศึกษา ลูกจ้างประจำ พนักงานราชการ และผู้รับบำเหน็จบำนาญ ในสังกัด",
                "ขอมีบัตรครั้งแรก บัตรหมดอายุ บัตรหายหรือถูกทำลาย บัตรชำรุด เปลี่ยนตำแหน่งหรือระดับ หรือเปลี่ยนชื่อหรือนามสกุล",
            ),
            fill_in=(
                "ชื่อ-นามสกุลภาษาอังกฤษ วันเดือนปีเกิด สัญชาติ หมู่โลหิต (ไม่บังคับ: พิมพ์บนบัตรเฉพาะเมื่อท่าน"
                "ให้ความยินยอมโดยชัดแจ้ง) ที่อยู่ในทะเบียนบ้าน "
                "ที่อยู่ที่สามารถติดต่อได้ กลุ่มงาน/โรงเรียน ตำแหน่ง อันดับ/ระดับ กรณีการขอมีบัตร "
                "และประเภทเจ้าหน้าที่ของรัฐ"
            ),
            final_step=(
                "รับบัตรที่กลุ่มบริหารงานบุคคล",
                "เมื่อได้รับแจ้งวันนัดรับบัตร ให้เดินทางมารับบัตรที่กลุ่มบริหารงานบุคคล พร้อมรูปถ่าย 1 นิ้ว 2 รูป เพื่อนำมาติดบัตรประจำตัว",
            ),
            flow=(
                "กรอกข้อมูลคำขอบัตร",
                "เจ้าหน้าที่ตรวจสอบ (ไม่ครบถ้วน: ส่งกลับแก้ไข)",
                "เสนอ ผอ.สพป.อำนาจเจริญ",
                "นัดหมายรับบัตร",
                "รับบัตร ณ กลุ่มบริหารงานบุคคล",
            ),
            attachments=(
                "สำเนาบัตรประจำตัวประชาชน (ต้องแนบ กรุณาปิดทับข้อมูลศาสนาและหมู่โลหิตก่อนแนบ)",
                "เอกสารอื่น ๆ ที่เกี่ยวข้อง ไม่เกิน 2 ไฟล์ (ถ้ามี) เช่น หลักฐานการเปลี่ยนชื่อหรือนามสกุล",
            ),
            notes=("วันที่รับบัตรกรุณาจัดเตรียมรูปถ่าย 1 นิ้ว 2 รูป เพื่อนำมาติดบัตรประจำตัว",),
        ),
        en=ServiceTexts(
            title="Government officer ID card",
            form_title="Application for a new or replacement government officer ID card",
            manual_title="Applying for a government officer ID card",
            blank_form_title="Government officer ID card",
            summary="Apply online for your first government officer ID card or for a replacement card.",
            description=(
                "Teachers and educational personnel, permanent employees, government employees and "
                "pensioners of the Amnat Charoen Primary Educational Service Area Office can apply for a "
                "government officer ID card, or for a new one to replace their old card.",
                "You fill in the form and attach your documents online. The personnel officers check the "
                "request, propose it to the director for signature and give you a date to collect the card.",
            ),
            eligibility=(
                "Teachers and educational personnel, permanent employees, government employees and "
                "pensioners of the office.",
                "First card, expired card, lost or destroyed card, damaged card, change of position or "
                "level, or change of name or surname.",
            ),
            fill_in=(
                "Your name in English, date of birth, nationality, blood group (optional: printed on the "
                "card only with your explicit consent), registered address, "
                "contact address, work group or school, position, rank or level, the reason for the "
                "card and your officer type."
            ),
            final_step=(
                "Collect the card at the Personnel Group",
                "On the pick-up date you are given, collect the card at the Personnel Administration "
                "Group and bring two 1-inch photos for the card.",
            ),
            flow=(
                "Fill in the application",
                "Officer checks it (incomplete: returned for correction)",
                "Proposed to the director",
                "Pick-up date set",
                "Card collected at the Personnel Group",
            ),
            attachments=(
                "Copy of your national ID card (required; please black out your religion and blood group)",
                "Up to two other supporting documents (optional), e.g. proof of a change of name",
            ),
            notes=("On the pick-up day, please bring two 1-inch photos for the card.",),
        ),
        form_fields=(
            FormField("ชื่อภาษาอังกฤษ (First name)"),
            FormField("นามสกุลภาษาอังกฤษ (Last name)"),
            FormField("วันเดือนปีเกิด"),
            FormField("อายุ (ปี)"),
            FormField("สัญชาติ"),
            FormField("หมู่โลหิต (ไม่บังคับ)"),
            FormField(
                "ความยินยอมให้เก็บและใช้หมู่โลหิตเพื่อพิมพ์บนบัตร (ข้อมูลอ่อนไหว มาตรา 26)",
                ("ยินยอม", "ไม่ยินยอม"),
            ),
            FormField("ที่อยู่ในทะเบียนบ้าน"),
            FormField("ที่อยู่ที่สามารถติดต่อได้"),
            FormField("กลุ่มงาน/โรงเรียน"),
            FormField("ตำแหน่ง"),
            FormField("อันดับ/ระดับ"),
            FormField(
                "กรณีการขอมีบัตรประจำตัวเจ้าหน้าที่ของรัฐ",
                (
                    "ขอมีบัตรครั้งแรก",
                    "บัตรหมดอายุ",
                    "บัตรหายหรือถูกทำลาย",
                    "บัตรชำรุด",
                    "เปลี่ยนตำแหน่ง/ระดับ",
                    "เปลี่ยนชื่อ/นามสกุล",
                    "อื่น ๆ ..............................",
                ),
            ),
            FormField("เจ้าหน้าที่ของรัฐประเภท", OFFICER_TYPES),
        ),
        attachment_fields=("สำเนาบัตรประชาชน", "เอกสารอื่น ๆ 1", "เอกสารอื่น ๆ 2"),
    ),
    "12": ServiceContent(
        th=ServiceTexts(
            title="หนังสือรับรอง",
            form_title="คำขอหนังสือรับรอง",
            manual_title="คู่มือการขอหนังสือรับรอง",
            blank_form_title="แบบฟอร์มแบบคำขอหนังสือรับรอง",
            summary="ขอหนังสือรับรองตัวบุคคล เช่น หนังสือรับรองความประพฤติ หนังสือรับรองเงินเดือน",
            description=(
                "บริการขอหนังสือรับรองตัวบุคคลสำหรับบุคลากรในสังกัด เช่น หนังสือรับรองความประพฤติ "
                "หนังสือรับรองเงินเดือน หนังสือรับรองการปฏิบัติงาน เพื่อนำไปใช้ตามวัตถุประสงค์ที่ระบุ "
                "เช่น ประกอบการขอสินเชื่อ หรือการสมัครศึกษาต่อ",
                "เจ้าหน้าที่กลุ่มบริหารงานบุคคลตรวจสอบข้อมูลกับทะเบียนประวัติ จัดทำหนังสือรับรอง และเสนอผู้มีอำนาจลงนาม",
            ),
            eligibility=("ข้าราชการครูและบุคลากรทางการศึกษา ลูกจ้างประจำ พนักงานราชการ และผู้รับบำเหน็จบำนาญ ในสังกัด",),
            fill_in=(
                "ประเภทเจ้าหน้าที่ของรัฐ กลุ่มงาน/โรงเรียน ตำแหน่ง วิทยฐานะ/อันดับ/ระดับ อัตราเงินเดือน "
                "เงินวิทยฐานะ เงินค่าตอบแทน หนังสือรับรองที่ต้องการ และเพื่อนำไปใช้"
            ),
            final_step=(
                "รับหนังสือรับรอง",
                "เมื่อสถานะเป็น “ดำเนินการเรียบร้อย” ให้กด “ดาวน์โหลดไฟล์” ในรายการคำขอ "
                "หรือรับหนังสือฉบับจริงที่กลุ่มบริหารงานบุคคล",
            ),
            flow=(
                "กรอกข้อมูลคำขอหนังสือรับรอง",
                "เจ้าหน้าที่ตรวจสอบ (ไม่ครบถ้วน: ส่งกลับแก้ไข)",
                "จัดทำหนังสือรับรอง",
                "เสนอผู้มีอำนาจลงนาม",
                "แจ้งผลและส่งไฟล์หนังสือรับรอง",
            ),
            attachments=(
                "สำเนาบัตรประจำตัวประชาชน (ต้องแนบ)",
                "สำเนาสลิปเงินเดือนเดือนสุดท้าย",
                "เอกสารอื่น ๆ ที่เกี่ยวข้อง 1 ไฟล์ (ถ้ามี)",
            ),
        ),
        en=ServiceTexts(
            title="Certificate letter",
            form_title="Application for a certificate letter",
            manual_title="Applying for a certificate letter",
            blank_form_title="Certificate letter",
            summary="Ask for a certificate about yourself, e.g. of good conduct, salary or employment.",
            description=(
                "Personnel of the office can ask for a certificate letter about themselves, such as a "
                "certificate of good conduct, a salary certificate or an employment certificate, for the "
                "purpose they name, e.g. a loan application or further studies.",
                "The personnel officers check the request against your personnel record, prepare the "
                "letter and propose it for signature.",
            ),
            eligibility=(
                "Teachers and educational personnel, permanent employees, government employees and "
                "pensioners of the office.",
            ),
            fill_in=(
                "Your officer type, work group or school, position, academic standing, rank or level, "
                "salary, academic standing allowance, compensation, the certificate you want and what it "
                "is for."
            ),
            final_step=(
                "Receive the certificate",
                "When the status is “Completed”, press “Download file” in your request list, or collect "
                "the signed letter at the Personnel Administration Group.",
            ),
            flow=(
                "Fill in the application",
                "Officer checks it (incomplete: returned for correction)",
                "Certificate prepared",
                "Proposed for signature",
                "Result and file sent to you",
            ),
            attachments=(
                "Copy of your national ID card (required)",
                "Copy of your last pay slip",
                "One other supporting document (optional)",
            ),
        ),
        form_fields=(
            FormField("เจ้าหน้าที่ของรัฐประเภท", OFFICER_TYPES),
            FormField("กลุ่มงาน/โรงเรียน"),
            FormField("ตำแหน่ง"),
            FormField("วิทยฐานะ/อันดับ/ระดับ"),
            FormField("อัตราเงินเดือน (บาท)"),
            FormField("เงินวิทยฐานะ (บาท)"),
            FormField("เงินค่าตอบแทน (บาท)"),
            FormField(
                "มีความประสงค์ขอหนังสือรับรอง",
                (
                    "หนังสือรับรองความประพฤติ",
                    "หนังสือรับรองเงินเดือน",
                    "หนังสือรับรองการปฏิบัติงาน",
                    "อื่น ๆ ..............................",
                ),
            ),
            FormField("เพื่อนำไปใช้"),
        ),
        attachment_fields=("สำเนาบัตรประชาชน", "สำเนาสลิปเงินเดือนเดือนสุดท้าย", "เอกสารอื่น ๆ 1"),
    ),
    "21": ServiceContent(
        th=ServiceTexts(
            title="บำเหน็จดำรงชีพ",
            form_title="การยื่นขอบำเหน็จดำรงชีพ",
            manual_title="คู่มือการยื่นขอบำเหน็จดำรงชีพ",
            blank_form_title="แบบฟอร์มการยื่นขอบำเหน็จดำรงชีพ",
            summary="ผู้รับบำนาญยื่นขอรับบำเหน็จดำรงชีพผ่านระบบออนไลน์ โดยไม่ต้องเดินทางมาที่สำนักงาน",
            description=(
                "บริการยื่นขอบำเหน็จดำรงชีพสำหรับผู้รับบำนาญในสังกัดสำนักงานเขตพื้นที่การศึกษาประถมศึกษา"
                "อำนาจเจริญ ตามสิทธิที่กฎหมายว่าด้วยบำเหน็จบำนาญข้าราชการกำหนด",
                "เจ้าหน้าที่กลุ่มบริหารงานการเงินและสินทรัพย์ตรวจสอบสิทธิและภาระหนี้ที่นำบำเหน็จไปค้ำประกันเงินกู้ "
                "แล้วดำเนินการขอเบิกและแจ้งผลให้ทราบ",
            ),
            eligibility=(
                "ผู้รับบำนาญในสังกัดที่มีสิทธิได้รับบำเหน็จดำรงชีพ",
                "ผู้ที่นำบำเหน็จตกทอดไปค้ำประกันเงินกู้ ให้แจ้งยอดหนี้ค้ำประกันไว้ในคำขอ",
            ),
            fill_in="อีเมล และหนี้บำเหน็จค้ำประกันเงินกู้ (มีหรือไม่มี และจำนวนเงิน)",
            final_step=(
                "รับแจ้งผลการดำเนินการ",
                "เมื่อสถานะเป็น “ดำเนินการเรียบร้อย” สามารถดูผลและดาวน์โหลดไฟล์จากเจ้าหน้าที่ได้ในรายการคำขอ",
            ),
            flow=(
                "ยื่นคำขอพร้อมเอกสาร",
                "เจ้าหน้าที่ตรวจสอบสิทธิและหนี้ค้ำประกัน (ไม่ครบถ้วน: ส่งกลับแก้ไข)",
                "เสนอ ผอ.สพป.อำนาจเจริญ อนุมัติ",
                "ดำเนินการขอเบิกบำเหน็จดำรงชีพ",
                "แจ้งผลให้ผู้ยื่นคำขอทราบ",
            ),
            attachments=(
                "สำเนาบัตรประจำตัวประชาชน (ต้องแนบ)",
                "เอกสารอื่น ๆ ที่เกี่ยวข้อง ไม่เกิน 2 ไฟล์ (ถ้ามี) เช่น หนังสือรับรองยอดหนี้ค้ำประกัน",
            ),
        ),
        en=ServiceTexts(
            title="Living pension",
            form_title="Application for the living pension lump sum",
            manual_title="Applying for the living pension",
            blank_form_title="Living pension",
            summary="Pensioners apply online for the living pension lump sum, without coming to the office.",
            description=(
                "Pensioners of the Amnat Charoen Primary Educational Service Area Office can apply for "
                "the living pension lump sum (บำเหน็จดำรงชีพ) they are entitled to under the civil "
                "service pension law.",
                "The finance officers check your entitlement and any pension pledged as a loan guarantee, "
                "then request the payment and tell you the result.",
            ),
            eligibility=(
                "Pensioners of the office who are entitled to the living pension.",
                "If you pledged your pension as a loan guarantee, state the amount in the application.",
            ),
            fill_in="Your e-mail address and any pension pledged as a loan guarantee (yes or no, and the amount).",
            final_step=(
                "Receive the result",
                "When the status is “Completed”, see the result and download the officers' file from "
                "your request list.",
            ),
            flow=(
                "Apply with your documents",
                "Officer checks entitlement and guarantees (incomplete: returned for correction)",
                "Proposed to the director for approval",
                "Payment requested",
                "Result sent to you",
            ),
            attachments=(
                "Copy of your national ID card (required)",
                "Up to two other supporting documents (optional), e.g. a statement of the guaranteed debt",
            ),
        ),
        form_fields=(
            FormField("อีเมล"),
            FormField("หนี้บำเหน็จค้ำประกันเงินกู้", ("ไม่มี", "มี จำนวน ........................ บาท")),
        ),
        attachment_fields=("สำเนาบัตรประชาชน", "เอกสารอื่น ๆ 1", "เอกสารอื่น ๆ 2"),
    ),
    "31": ServiceContent(
        th=ServiceTexts(
            title="จองห้องประชุม",
            form_title="จองห้องประชุม",
            manual_title="คู่มือการจองห้องประชุม",
            blank_form_title="แบบฟอร์มจองห้องประชุม",
            summary="จองห้องประชุมของสำนักงานล่วงหน้า ระบบตรวจสอบไม่ให้จองซ้อนช่วงเวลาเดียวกัน",
            description=(
                "บริการจองห้องประชุมของสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ สำหรับหน่วยงาน "
                "โรงเรียน และบุคลากร ที่ต้องการใช้ห้องประชุมจัดการประชุม อบรม หรือสัมมนา",
                "ระบบไม่รับการจองที่ช่วงเวลาซ้อนกับการจองอื่นของห้องเดียวกัน วันที่ผ่านมาแล้ว หรือจำนวนผู้เข้าร่วมเกินความจุของห้อง",
            ),
            eligibility=(
                "หน่วยงาน โรงเรียน และบุคลากรในสังกัด",
                "หน่วยงานอื่นที่มีหนังสือขอใช้ห้องประชุม",
            ),
            fill_in=(
                "หน่วยงาน จำนวนผู้เข้าร่วมประชุม ห้องประชุม วัตถุประสงค์ วันที่เริ่มต้นและวันที่สิ้นสุดการใช้ห้อง ตั้งแต่เวลาและถึงเวลา"
            ),
            final_step=(
                "ใช้ห้องประชุมตามวันเวลาที่จอง",
                "เมื่อสถานะเป็น “ดำเนินการเรียบร้อย” การจองได้รับการยืนยันแล้ว กรุณาติดต่อกลุ่มอำนวยการ"
                "ก่อนวันใช้ห้องหากต้องการอุปกรณ์เพิ่มเติม",
            ),
            flow=(
                "กรอกข้อมูลการจองพร้อมหนังสือขอใช้",
                "เจ้าหน้าที่ตรวจสอบห้องว่าง (ไม่ครบถ้วน: ส่งกลับแก้ไข)",
                "เสนอผู้มีอำนาจอนุญาต",
                "ยืนยันการจอง",
                "ใช้ห้องประชุมตามวันเวลาที่จอง",
            ),
            attachments=(
                "หนังสือขอใช้ห้องประชุม (ต้องแนบ)",
                "เอกสารอื่น ๆ ที่เกี่ยวข้อง ไม่เกิน 2 ไฟล์ (ถ้ามี) เช่น กำหนดการประชุม",
            ),
        ),
        en=ServiceTexts(
            title="Meeting room booking",
            form_title="Meeting room booking",
            manual_title="Booking a meeting room",
            blank_form_title="Meeting room booking",
            summary="Book one of the office's meeting rooms in advance; no two bookings can overlap.",
            description=(
                "Offices, schools and personnel can book a meeting room of the Amnat Charoen Primary "
                "Educational Service Area Office for a meeting, training or seminar.",
                "A booking is refused when it overlaps another booking of the same room, lies in the past "
                "or has more attendees than the room holds.",
            ),
            eligibility=(
                "Offices, schools and personnel of the office.",
                "Other organisations that send a request letter.",
            ),
            fill_in=(
                "Your organisation, the number of attendees, the room, the purpose, the start and end "
                "dates and the start and end times."
            ),
            final_step=(
                "Use the room as booked",
                "When the status is “Completed” your booking is confirmed. Contact the Administration "
                "Group before the day if you need extra equipment.",
            ),
            flow=(
                "Fill in the booking with a request letter",
                "Officer checks the room is free (incomplete: returned for correction)",
                "Proposed for approval",
                "Booking confirmed",
                "Room used as booked",
            ),
            attachments=(
                "Request letter (required)",
                "Up to two other documents (optional), e.g. the meeting agenda",
            ),
        ),
        form_fields=(
            FormField("หน่วยงาน"),
            FormField("จำนวนผู้เข้าร่วมประชุม (คน)"),
            FormField("ห้องประชุม"),
            FormField("วัตถุประสงค์"),
            FormField("วันที่เริ่มต้นใช้ห้อง"),
            FormField("วันที่สิ้นสุดการใช้ห้อง"),
            FormField("ตั้งแต่เวลา"),
            FormField("ถึงเวลา"),
        ),
        attachment_fields=("หนังสือขอใช้", "เอกสารอื่น ๆ 1", "เอกสารอื่น ๆ 2"),
    ),
    "32": ServiceContent(
        th=ServiceTexts(
            title="นัดหมายเข้าพบผู้บริหาร",
            form_title="ขอนัดหมายเพื่อเข้าพบผู้บริหาร",
            manual_title="คู่มือการขอนัดหมายเข้าพบผู้บริหาร",
            blank_form_title="แบบฟอร์มขอนัดหมายเพื่อเข้าพบผู้บริหาร",
            summary="ขอนัดหมายเข้าพบผู้อำนวยการหรือรองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
            description=(
                "บริการขอนัดหมายเพื่อเข้าพบผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ "
                "หรือรองผู้อำนวยการ โดยระบุเรื่อง วัน และเวลาที่ต้องการ",
                "เจ้าหน้าที่สำนักงานผู้อำนวยการประสานตารางเวลาของผู้บริหาร และแจ้งยืนยันวันเวลานัดหมาย "
                "ระบบไม่รับการนัดหมายในเวลาที่ผู้บริหารมีนัดหมายที่ยืนยันแล้ว",
            ),
            eligibility=(
                "บุคลากร โรงเรียน และหน่วยงานในสังกัด",
                "ประชาชนและหน่วยงานภายนอกที่มีเรื่องติดต่อกับสำนักงาน",
            ),
            fill_in="ชื่อผู้ขอเข้าพบ/กลุ่ม/หน่วยงาน เรื่อง ผู้บริหารที่ต้องการเข้าพบ วันขอนัดหมาย และเวลา",
            final_step=(
                "เข้าพบผู้บริหารตามนัด",
                "เมื่อสถานะเป็น “ดำเนินการเรียบร้อย” นัดหมายได้รับการยืนยันแล้ว "
                "กรุณามาถึงก่อนเวลานัดเล็กน้อยและแจ้งที่สำนักงานผู้อำนวยการ",
            ),
            flow=(
                "กรอกข้อมูลขอนัดหมาย",
                "เจ้าหน้าที่ตรวจสอบ (ไม่ครบถ้วน: ส่งกลับแก้ไข)",
                "ประสานตารางเวลาผู้บริหาร",
                "ยืนยันวันเวลานัดหมาย",
                "เข้าพบผู้บริหารตามนัด",
            ),
            attachments=(
                "หนังสือราชการที่เกี่ยวข้อง",
                "เอกสารอื่น ๆ ที่เกี่ยวข้อง ไม่เกิน 2 ไฟล์ (ถ้ามี)",
            ),
        ),
        en=ServiceTexts(
            title="Appointment with executives",
            form_title="Appointment request to meet the executives",
            manual_title="Requesting an appointment with the executives",
            blank_form_title="Appointment with the executives",
            summary="Ask for an appointment with the director or a deputy director of the office.",
            description=(
                "Ask for an appointment with the director of the Amnat Charoen Primary Educational "
                "Service Area Office or a deputy director, giving the subject, date and time you would like.",
                "The director's office checks the executive's schedule and confirms the date and time. "
                "A time at which the executive already has a confirmed appointment is refused.",
            ),
            eligibility=(
                "Personnel, schools and units of the office.",
                "Members of the public and other organisations with business at the office.",
            ),
            fill_in="Who wishes to meet (name, group or organisation), the subject, the executive, the date and the time.",
            final_step=(
                "Meet the executive",
                "When the status is “Completed” your appointment is confirmed. Please arrive a little "
                "early and report to the director's office.",
            ),
            flow=(
                "Fill in the appointment request",
                "Officer checks it (incomplete: returned for correction)",
                "Executive's schedule checked",
                "Date and time confirmed",
                "Meeting held as agreed",
            ),
            attachments=(
                "The related official letter",
                "Up to two other documents (optional)",
            ),
        ),
        form_fields=(
            FormField("ชื่อผู้ขอเข้าพบ/กลุ่ม/หน่วยงาน"),
            FormField("เรื่อง"),
            FormField("ผู้บริหารที่ต้องการเข้าพบ", ("ผู้อำนวยการ สพป.อำนาจเจริญ", "รองผู้อำนวยการ")),
            FormField("วันขอนัดหมาย"),
            FormField("เวลา"),
        ),
        attachment_fields=("หนังสือราชการที่เกี่ยวข้อง", "เอกสารอื่น ๆ 1", "เอกสารอื่น ๆ 2"),
    ),
    "41": ServiceContent(
        th=ServiceTexts(
            title=FORM_ORDER_TITLE["th"],
            form_title=FORM_ORDER_TITLE["th"],
            manual_title=f"คู่มือการ{FORM_ORDER_TITLE['th']}",
            blank_form_title=f"แบบฟอร์ม{FORM_ORDER_TITLE['th']}",
            summary="โรงเรียนสั่งซื้อแบบพิมพ์ ปพ.1 ปพ.2 และ ปพ.3 ระบบคำนวณราคารวมและค่าขนส่งให้",
            description=(
                "บริการสั่งซื้อแบบพิมพ์ทางการศึกษา (ปพ.) สำหรับโรงเรียน ได้แก่ ระดับประถมศึกษา ปพ.1-ป "
                "(เล่มละ 160 บาท) และ ปพ.3-ป (แผ่นละ 5 บาท) ระดับมัธยมศึกษาตอนต้น ปพ.1-บ (เล่มละ 160 บาท) "
                "ปพ.2-บ (แผ่นละ 2 บาท) และ ปพ.3-บ (แผ่นละ 5 บาท)",
                "ระบบคำนวณราคารวมทั้งหมด และค่าขนส่งร้อยละ 3.5 ของราคาซื้อ (ขั้นต่ำ 25 บาท) "
                "ราคาอาจเปลี่ยนแปลงได้ คำสั่งซื้อใช้ราคา ณ วันที่สั่งซื้อ",
            ),
            eligibility=(
                "โรงเรียนในสังกัดสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ",
                "โรงเรียนสังกัดอื่น (โปรดระบุสังกัดในคำขอ)",
            ),
            fill_in=(
                "โรงเรียน สังกัดอื่น (ถ้ามี) และจำนวน ปพ.1-ป ปพ.3-ป ปพ.1-บ ปพ.2-บ และ ปพ.3-บ ที่ต้องการ "
                "ระบบจะแสดงราคารวมทั้งหมดและค่าขนส่ง"
            ),
            final_step=(
                "รับแบบพิมพ์",
                "เมื่อสถานะเป็น “ดำเนินการเรียบร้อย” เจ้าหน้าที่จะจัดส่งแบบพิมพ์หรือแจ้งให้มารับ ตามที่แจ้งไว้ในหมายเหตุ",
            ),
            flow=(
                "กรอกจำนวนแบบพิมพ์ ปพ. ที่สั่งซื้อ",
                "เจ้าหน้าที่ตรวจสอบ (ไม่ครบถ้วน: ส่งกลับแก้ไข)",
                "ยืนยันยอดเงินรวมค่าขนส่ง",
                "ชำระเงิน",
                "จัดส่งหรือรับแบบพิมพ์",
            ),
            attachments=(
                "หนังสือขอสั่งซื้อ (ต้องแนบ)",
                "เอกสารอื่น ๆ ที่เกี่ยวข้อง ไม่เกิน 2 ไฟล์ (ถ้ามี)",
            ),
        ),
        en=ServiceTexts(
            title=FORM_ORDER_TITLE["en"],
            form_title=FORM_ORDER_TITLE["en"],
            manual_title="Ordering educational record forms (ปพ.)",
            blank_form_title="Order of educational record forms (ปพ.)",
            summary="Schools order the ปพ.1, ปพ.2 and ปพ.3 record forms; the total and shipping are computed.",
            description=(
                "Schools can order the educational record forms (ปพ.): for primary schools ปพ.1-ป "
                "(160 baht a book) and ปพ.3-ป (5 baht a sheet); for lower secondary ปพ.1-บ (160 baht a "
                "book), ปพ.2-บ (2 baht a sheet) and ปพ.3-บ (5 baht a sheet).",
                "The total is computed for you, with shipping at 3.5 % of the total (at least 25 baht). "
                "Prices may change; an order keeps the prices of the day it was made.",
            ),
            eligibility=(
                "Schools of the Amnat Charoen Primary Educational Service Area Office.",
                "Schools of other authorities (name the authority in the order).",
            ),
            fill_in=(
                "Your school, its authority if not this office, and how many ปพ.1-ป, ปพ.3-ป, ปพ.1-บ, "
                "ปพ.2-บ and ปพ.3-บ you need; the total and shipping are shown."
            ),
            final_step=(
                "Receive the forms",
                "When the status is “Completed” the officers send the forms or tell you in the note "
                "when to collect them.",
            ),
            flow=(
                "Fill in the quantities",
                "Officer checks it (incomplete: returned for correction)",
                "Total with shipping confirmed",
                "Payment",
                "Forms shipped or collected",
            ),
            attachments=(
                "Order letter (required)",
                "Up to two other documents (optional)",
            ),
        ),
        form_fields=(
            FormField("โรงเรียน"),
            FormField("สังกัดอื่น (โปรดระบุ)"),
            FormField("ปพ.1-ป ระดับประถมศึกษา (เล่มละ 160 บาท) จำนวน (เล่ม)"),
            FormField("ปพ.3-ป ระดับประถมศึกษา (แผ่นละ 5 บาท) จำนวน (แผ่น)"),
            FormField("ปพ.1-บ ระดับมัธยมศึกษาตอนต้น (เล่มละ 160 บาท) จำนวน (เล่ม)"),
            FormField("ปพ.2-บ ระดับมัธยมศึกษาตอนต้น (แผ่นละ 2 บาท) จำนวน (แผ่น)"),
            FormField("ปพ.3-บ ระดับมัธยมศึกษาตอนต้น (แผ่นละ 5 บาท) จำนวน (แผ่น)"),
            FormField("ราคารวมทั้งหมด (บาท)"),
            FormField("ค่าขนส่ง (บาท) ร้อยละ 3.5 ของราคาซื้อ ขั้นต่ำ 25 บาท"),
        ),
        attachment_fields=("หนังสือขอสั่งซื้อ", "เอกสารอื่น ๆ 1", "เอกสารอื่น ๆ 2"),
    ),
}


def application_steps(content: ServiceContent, language: str, *, service_name: str) -> list[tuple[str, str]]:
    """The manual's way of applying online, as (step, detail) pairs for one service; the button to
    choose is the service's catalogue name, as the applicant's page shows it."""
    texts, common = content.texts(language), COMMON[language]
    attachments = ", ".join(texts.attachments)
    if language == "en":
        return [
            ("Log in", "Log in with your citizen ID and password. No account yet? Register first."),
            (
                f"Choose “{service_name}”",
                f"Among the One Stop Service buttons. The form “{texts.form_title}” opens, already "
                "filled in with your citizen ID, phone, title, first name and last name.",
            ),
            ("Fill in the form", texts.fill_in),
            ("Attach your documents and press “Save”", f"{attachments}. {common.file_note}"),
            (
                "Follow your request",
                "You get a reference code and the status “Submitted to officers”. If an officer returns "
                "the request for correction, press “Edit” and send it back. You can also view, print "
                "or cancel it from your request list.",
            ),
            texts.final_step,
        ]
    return [
        (
            "เข้าสู่ระบบ",
            "เข้าสู่ระบบด้วยเลขประจำตัวประชาชนและรหัสผ่าน กรณีไม่มีชื่อผู้ใช้และรหัสผ่านกรุณาลงทะเบียนก่อน",
        ),
        (
            f"เลือกเมนู “{service_name}”",
            f"ที่จุดบริการ One Stop Service ระบบจะแสดงแบบฟอร์ม “{texts.form_title}” พร้อมข้อมูลเลขประจำตัว"
            "ประชาชน เบอร์โทรศัพท์ คำนำหน้าชื่อ ชื่อ และนามสกุล จากบัญชีผู้ใช้",
        ),
        ("กรอกข้อมูลให้ครบถ้วน", texts.fill_in),
        ("แนบเอกสารแล้วกดปุ่ม “บันทึก”", f"{attachments} ({common.file_note})"),
        (
            "ตรวจสอบสถานะคำขอ",
            "ระบบจะแสดงรหัสอ้างอิงและสถานะ “ส่งคำร้องไปยังเจ้าหน้าที่” ในรายการคำขอ หากเจ้าหน้าที่ส่งให้"
            "แก้ไขข้อมูล ให้กด “แก้ไข” แล้วส่งข้อมูลกลับ และสามารถ ดู พิมพ์ หรือยกเลิกคำขอได้จากรายการเดียวกัน",
        ),
        texts.final_step,
    ]
