"""The privacy notice (PDPA) of the demo office, Thai and English, as rich-text sections."""

from django.conf import settings
from django.utils.html import format_html, format_html_join

from .office import OFFICE, PRIVACY_NOTICE_VERSION

TITLE = {"th": "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "en": "Privacy policy"}

# Each service's retention period is the office's to set; the notice states the default
# (REQUEST_RETENTION_DAYS, which the retention job applies where the office set none).
RETENTION_YEARS = round(settings.REQUEST_RETENTION_DAYS / 365)
# The applicant's data-rights pages (the privacy app), in each language.
EXPORT_PATH = {"th": "/my/privacy/export/", "en": "/en/my/privacy/export/"}
DELETE_PATH = {"th": "/my/privacy/delete/", "en": "/en/my/privacy/delete/"}

# (heading, paragraphs, bullet points)
SECTIONS = {
    "th": (
        (
            "ผู้ควบคุมข้อมูลส่วนบุคคล",
            (
                f"{OFFICE['name_th']} (สพป.อำนาจเจริญ) ตั้งอยู่เลขที่ {OFFICE['address_th']} เป็นผู้ควบคุม"
                "ข้อมูลส่วนบุคคลที่เก็บรวบรวมผ่านระบบบริการแบบจุดเดียวเบ็ดเสร็จ (One Stop Service) "
                "และให้ความสำคัญอย่างยิ่งต่อการคุ้มครองข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล "
                "พ.ศ. 2562",
            ),
            (),
        ),
        (
            "ข้อมูลส่วนบุคคลที่เก็บรวบรวม",
            ("สำนักงานเก็บรวบรวมเฉพาะข้อมูลที่จำเป็นต่อการให้บริการ ได้แก่",),
            (
                "ข้อมูลบัญชีผู้ใช้: เลขประจำตัวประชาชน คำนำหน้าชื่อ ชื่อ นามสกุล เบอร์โทรศัพท์ ประเภทบุคลากร และอีเมล (ถ้าให้ไว้)",
                "ข้อมูลในคำขอแต่ละบริการ เช่น วันเดือนปีเกิด ที่อยู่ ตำแหน่ง สังกัด อัตราเงินเดือน "
                "และหมู่โลหิต (เฉพาะคำขอบัตรประจำตัวเจ้าหน้าที่ของรัฐ ไม่บังคับ "
                "และเก็บเฉพาะเมื่อท่านระบุและให้ความยินยอมโดยชัดแจ้ง เพื่อพิมพ์บนบัตร)",
                "ไฟล์เอกสารแนบ เช่น สำเนาบัตรประจำตัวประชาชน สำเนาสลิปเงินเดือน และหนังสือราชการ "
                "กรุณาปิดทับข้อมูลศาสนาและหมู่โลหิตบนสำเนาบัตรประจำตัวประชาชนก่อนแนบ",
                "ข้อมูลการใช้งานระบบ เช่น วันเวลาที่เข้าสู่ระบบ หมายเลขไอพี และประวัติการเปลี่ยนสถานะคำขอ",
            ),
        ),
        (
            "วัตถุประสงค์และฐานทางกฎหมาย",
            (),
            (
                "ยืนยันตัวตนและดูแลบัญชีผู้ใช้ พิจารณาและดำเนินการตามคำขอ แจ้งผลและติดต่อกลับ "
                "ซึ่งเป็นการปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ "
                "และการปฏิบัติตามกฎหมาย (มาตรา 24 (4) และ (6))",
                "เก็บหมู่โลหิตเพื่อจัดทำบัตรประจำตัวเจ้าหน้าที่ของรัฐ เฉพาะเมื่อท่านทำเครื่องหมายยินยอม"
                "ในแบบคำขอ ซึ่งเป็นความยินยอมโดยชัดแจ้ง (มาตรา 26) หากไม่ยินยอม ไม่ต้องระบุหมู่โลหิต "
                "และยังยื่นคำขอได้ตามปกติ",
                "รักษาความปลอดภัยของระบบและป้องกันการเข้าสู่ระบบโดยมิชอบ "
                "ซึ่งเป็นประโยชน์โดยชอบด้วยกฎหมายของสำนักงาน (มาตรา 24 (5))",
                "จัดทำสถิติการให้บริการในภาพรวม ซึ่งไม่สามารถระบุตัวบุคคลได้",
            ),
        ),
        (
            "การเปิดเผยข้อมูล",
            (
                "ข้อมูลของท่านเข้าถึงได้เฉพาะเจ้าหน้าที่ที่ได้รับมอบหมายให้ดำเนินการคำขอนั้น "
                "และจะเปิดเผยต่อหน่วยงานของรัฐอื่นเท่าที่กฎหมายกำหนดหรือจำเป็นต่อการดำเนินการตามคำขอ "
                "เช่น การขอเบิกบำเหน็จดำรงชีพ สำนักงานไม่ขายหรือส่งต่อข้อมูลของท่านเพื่อการตลาด",
                "หากเปิดใช้ reCAPTCHA ของ Google เพื่อป้องกันโปรแกรมอัตโนมัติ ข้อมูลการใช้งานหน้าเข้าสู่ระบบ"
                "และลงทะเบียนจะถูกส่งไปยัง Google ตามนโยบายความเป็นส่วนตัวของ Google",
            ),
            (),
        ),
        (
            "ระยะเวลาการเก็บรักษา",
            (),
            (
                "ข้อมูลบัญชีผู้ใช้: ตลอดระยะเวลาที่ท่านยังมีบัญชีผู้ใช้ เมื่อท่านลบบัญชี ระบบจะลบหรือทำให้ข้อมูลไม่สามารถระบุตัวท่านได้ทันที",
                "คำขอและเอกสารแนบ: ตามระยะเวลาการเก็บรักษาที่สำนักงานกำหนดสำหรับแต่ละบริการ "
                f"(หากไม่ได้กำหนดไว้ {RETENTION_YEARS} ปีนับแต่คำขอเสร็จสิ้นหรือถูกยกเลิก) "
                "ซึ่งสอดคล้องกับระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ เมื่อครบกำหนด ระบบจะลบเอกสารแนบ"
                "และลบชื่อ เบอร์โทรศัพท์ และที่อยู่ของท่านออกจากคำขอโดยอัตโนมัติทุกวัน "
                "เหลือไว้เพียงข้อมูลที่ไม่ระบุตัวบุคคลสำหรับสถิติ",
                "ข้อมูลการเข้าสู่ระบบ (หมายเลขไอพี เบราว์เซอร์ และวันเวลา) และการตรวจสอบสถานะ: 90 วัน "
                "ตามพระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ แล้วลบโดยอัตโนมัติ",
                "บันทึกการเข้าถึงข้อมูลของเจ้าหน้าที่: เก็บไว้เท่ากับคำขอที่บันทึกนั้นเกี่ยวข้อง",
            ),
        ),
        (
            "สิทธิของเจ้าของข้อมูลส่วนบุคคล",
            ("ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านมีสิทธิดังต่อไปนี้ และใช้สิทธิได้ดังนี้",),
            (
                format_html(
                    "ขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคลของท่าน ในรูปแบบที่อ่านได้ด้วยเครื่องมืออัตโนมัติ "
                    '(มาตรา 30 และ 31): เข้าสู่ระบบแล้วเลือก <a href="{}">ขอสำเนาข้อมูลของฉัน</a> '
                    "ท่านจะได้รับไฟล์ ZIP ซึ่งมีข้อมูลบัญชี ความยินยอม คำขอทุกรายการ (JSON และ PDF) "
                    "เอกสารแนบ และบันทึกการเข้าถึงข้อมูล",
                    EXPORT_PATH["th"],
                ),
                "ขอให้แก้ไขข้อมูลให้ถูกต้อง เป็นปัจจุบัน และสมบูรณ์ (มาตรา 35): แก้ไขข้อมูลบัญชีได้ที่หน้า"
                "ข้อมูลส่วนตัว ส่วนข้อมูลในคำขอ แก้ไขได้เมื่อเจ้าหน้าที่ส่งคำขอกลับให้แก้ไข หรือติดต่อสำนักงาน",
                format_html(
                    "ขอให้ลบหรือทำให้ข้อมูลไม่สามารถระบุตัวบุคคลได้ (มาตรา 33): เข้าสู่ระบบแล้วเลือก "
                    '<a href="{}">ลบบัญชี</a> และยืนยันด้วยรหัสผ่าน บัญชีจะถูกปิดทันที '
                    "คำขอที่สำนักงานต้องเก็บไว้ตามกฎหมายจะยังคงอยู่ โดยลบชื่อ เบอร์โทรศัพท์ ที่อยู่ "
                    "และเอกสารแนบออก คำขอที่ยังดำเนินการอยู่ต้องยกเลิกก่อน",
                    DELETE_PATH["th"],
                ),
                "ขอให้ระงับการใช้ข้อมูล คัดค้านการเก็บรวบรวม ใช้ หรือเปิดเผยข้อมูล และถอนความยินยอม"
                "เมื่อใดก็ได้ โดยไม่กระทบสิ่งที่ได้ดำเนินการไปแล้วก่อนการถอน: ติดต่อสำนักงานตามช่องทางด้านล่าง "
                "สำนักงานจะตอบภายใน 30 วัน",
                "ร้องเรียนต่อคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล",
            ),
        ),
        (
            "บันทึกการเข้าถึงข้อมูลของท่าน",
            (
                "ทุกครั้งที่เจ้าหน้าที่เปิดดูคำขอของท่าน ดาวน์โหลดเอกสารแนบ พิมพ์ รวมเอกสาร ส่งออกรายการคำขอ "
                "หรือค้นหาด้วยเลขประจำตัวประชาชนของท่าน ระบบจะบันทึกไว้โดยอัตโนมัติว่าเมื่อใด เจ้าหน้าที่คนใด "
                "(ชื่อและกลุ่มงาน) และเปิดดูสิ่งใด ท่านดูบันทึกนี้ได้ที่หน้าคำขอแต่ละรายการ ในหัวข้อ "
                '"การเข้าถึงข้อมูลของท่าน" สำนักงานใช้บันทึกนี้จัดทำบันทึกรายการกิจกรรมการประมวลผล (มาตรา 39) '
                "และตรวจสอบเมื่อมีเหตุละเมิดข้อมูล",
            ),
            (),
        ),
        (
            "การรักษาความปลอดภัย",
            (
                "ระบบส่งข้อมูลผ่านการเชื่อมต่อที่เข้ารหัส จำกัดสิทธิ์การเข้าถึงเฉพาะผู้เกี่ยวข้อง "
                "เอกสารแนบไม่เปิดเผยต่อสาธารณะ และบันทึกประวัติการดำเนินการกับคำขอทุกครั้ง "
                "เว็บไซต์ใช้เฉพาะคุกกี้ที่จำเป็นต่อการเข้าสู่ระบบ การป้องกันการปลอมแปลงคำขอ และการจำภาษาที่เลือก",
            ),
            (),
        ),
        (
            "การแจ้งเหตุละเมิดข้อมูลส่วนบุคคล",
            (
                "หากเกิดเหตุละเมิดข้อมูลส่วนบุคคล สำนักงานจะแจ้งสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล"
                "ภายใน 72 ชั่วโมงนับแต่ทราบเหตุ (มาตรา 37 (4)) เว้นแต่เหตุนั้นไม่มีความเสี่ยงที่จะกระทบต่อสิทธิ"
                "และเสรีภาพของบุคคล หากมีความเสี่ยงสูง สำนักงานจะแจ้งท่านพร้อมแนวทางการเยียวยาโดยไม่ชักช้า",
            ),
            (),
        ),
        (
            "ติดต่อสำนักงาน",
            (
                f"หากต้องการใช้สิทธิหรือสอบถามเกี่ยวกับข้อมูลส่วนบุคคล ติดต่อ {OFFICE['name_th']} "
                f"โทรศัพท์ {OFFICE['phones']} โทรสาร {OFFICE['fax']} อีเมล {OFFICE['email']}",
                f"นโยบายฉบับที่ {PRIVACY_NOTICE_VERSION} เมื่อมีการเปลี่ยนแปลง สำนักงานจะประกาศฉบับใหม่"
                "บนหน้านี้ และเมื่อท่านเข้าสู่ระบบครั้งถัดไป ระบบจะขอให้ท่านอ่านและยอมรับฉบับใหม่หนึ่งครั้ง",
            ),
            (),
        ),
    ),
    "en": (
        (
            "Data controller",
            (
                f"The {OFFICE['name_en']}, {OFFICE['address_en']}, is the controller of the personal data "
                "collected through its One Stop Service and protects it as the Personal Data Protection "
                "Act B.E. 2562 (2019) requires.",
            ),
            (),
        ),
        (
            "What we collect",
            ("Only what the services need:",),
            (
                "Your account: citizen ID, title, first and last name, phone number, personnel type and "
                "e-mail address (if given).",
                "What each request asks for, e.g. date of birth, address, position, school, salary and "
                "blood group (ID card requests only, optional, and only if you give it and consent, "
                "to print it on the card).",
                "Attachments such as a copy of your national ID card, pay slip or official letters. "
                "Please cover your religion and blood group on the ID card copy before attaching it.",
                "Use of the system: login times, IP address and the history of each request's status.",
            ),
        ),
        (
            "Why, and on what legal basis",
            (),
            (
                "To identify you, keep your account, handle your requests and tell you the result: the "
                "office's public task and legal obligations (section 24 (4) and (6)).",
                "Blood group, to make the government officer ID card, only when you tick the consent box "
                "on the request form: your explicit consent (section 26). Without it, leave the blood "
                "group empty; the request is handled all the same.",
                "To keep the system secure and stop unauthorised logins: the office's legitimate interest "
                "(section 24 (5)).",
                "Overall service statistics that identify no one.",
            ),
        ),
        (
            "Who sees it",
            (
                "Only the officers assigned to your request, and other government agencies where the law "
                "requires it or your request needs it, e.g. to pay a living pension. The office never "
                "sells your data or passes it on for marketing.",
                "Where Google reCAPTCHA is switched on to stop automated abuse, use of the login and "
                "registration pages is sent to Google under Google's privacy policy.",
            ),
            (),
        ),
        (
            "How long we keep it",
            (),
            (
                "Your account: as long as you keep it. When you delete it, its data is erased or "
                "de-identified at once.",
                "Requests and attachments: for the retention period the office sets for each service "
                f"({RETENTION_YEARS} years after the request was completed or cancelled where none is set), "
                "in line with the Regulation of the Prime Minister's Office on Correspondence. After it, "
                "a daily job deletes the attachments and removes your name, phone and address from the "
                "request, keeping only figures that identify no one.",
                "Log-in records (IP address, browser, time) and status checks: 90 days, as the Computer "
                "Crime Act requires, then deleted automatically.",
                "The record of officers' access to your data: as long as the request it concerns.",
            ),
        ),
        (
            "Your rights",
            ("Under the Personal Data Protection Act B.E. 2562 you may, and this is how:",),
            (
                format_html(
                    "get a copy of your personal data, in a machine-readable format (sections 30 and 31): "
                    'log in and choose <a href="{}">Download my data</a>. You get a ZIP file with your '
                    "account, consents, every request (JSON and PDF), attachments and the access record;",
                    EXPORT_PATH["en"],
                ),
                "have it corrected, brought up to date and completed (section 35): your account on your "
                "profile page; a request's details when an officer returns it to you, or ask the office;",
                format_html(
                    "have it deleted or de-identified (section 33): log in, choose "
                    '<a href="{}">Delete my account</a> and confirm with your password. The account is '
                    "closed at once; requests the office must keep by law stay, without your name, phone, "
                    "address and attachments. Requests still in progress must be cancelled first;",
                    DELETE_PATH["en"],
                ),
                "have its use restricted, object to its collection, use or disclosure, and withdraw your "
                "consent at any time without affecting what was done before: contact the office (below), "
                "which answers within 30 days;",
                "complain to the Personal Data Protection Committee.",
            ),
        ),
        (
            "Who looked at your data",
            (
                "Every time an officer opens your request, downloads an attachment, prints it, bundles "
                "it, exports it in a list or finds it by your citizen ID, the portal records when, which "
                "officer (name and group) and what. You see this record on each of your requests, under "
                '"Access to your data". The office uses it for its record of processing (section 39) '
                "and to investigate a breach.",
            ),
            (),
        ),
        (
            "Security",
            (
                "Data travels over encrypted connections, only the people concerned can reach it, "
                "attachments are never public and every action on a request is recorded. The site uses "
                "only the cookies needed to log in, to protect forms against forgery and to remember "
                "your language.",
            ),
            (),
        ),
        (
            "Personal data breaches",
            (
                "If a personal data breach happens, the office notifies the Office of the Personal Data "
                "Protection Committee within 72 hours of learning of it (section 37 (4)), unless it is "
                "unlikely to put anyone's rights and freedoms at risk. Where the risk is high, the office "
                "also tells you, and what is being done about it, without delay.",
            ),
            (),
        ),
        (
            "Contact",
            (
                f"To use your rights or ask about your data, contact the {OFFICE['name_en']}: phone "
                f"{OFFICE['phones']}, fax {OFFICE['fax']}, e-mail {OFFICE['email']}.",
                f"This is version {PRIVACY_NOTICE_VERSION} of the policy. When it changes, the new "
                "version is published on this page and, the next time you log in, you are asked once to read "
                "and accept it.",
            ),
            (),
        ),
    ),
}


def privacy_body(language: str) -> list[dict]:
    """StreamField data: one rich-text block per section."""
    blocks = []
    for heading, paragraphs, bullets in SECTIONS[language]:
        html = format_html("<h2>{}</h2>", heading) + format_html_join(
            "", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs)
        )
        if bullets:
            html += format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((b,) for b in bullets)))
        blocks.append({"type": "rich_text", "value": str(html)})
    return blocks
