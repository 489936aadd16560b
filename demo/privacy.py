"""The privacy notice (PDPA) of the demo office, Thai and English, as rich-text sections."""

from django.utils.html import format_html, format_html_join

from .office import OFFICE, PRIVACY_NOTICE_VERSION

TITLE = {"th": "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "en": "Privacy policy"}

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
                "ข้อมูลบัญชีผู้ใช้: ตลอดระยะเวลาที่ท่านยังมีบัญชีผู้ใช้",
                "คำขอและเอกสารแนบ: เท่าที่จำเป็นต่อการดำเนินการ และตามระยะเวลาที่ระเบียบสำนักนายกรัฐมนตรี"
                "ว่าด้วยงานสารบรรณกำหนด แล้วจึงทำลาย",
                "ข้อมูลการใช้งานระบบ: ไม่น้อยกว่า 90 วัน ตามพระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์",
            ),
        ),
        (
            "สิทธิของเจ้าของข้อมูลส่วนบุคคล",
            ("ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านมีสิทธิ",),
            (
                "ขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคลของท่าน",
                "ขอให้แก้ไขข้อมูลให้ถูกต้อง เป็นปัจจุบัน และสมบูรณ์",
                "ขอให้ลบ ทำลาย หรือทำให้ข้อมูลไม่สามารถระบุตัวบุคคลได้ เมื่อไม่มีเหตุให้เก็บต่อ",
                "ขอให้ระงับการใช้ข้อมูล และคัดค้านการเก็บรวบรวม ใช้ หรือเปิดเผยข้อมูล",
                "ขอรับหรือขอให้โอนข้อมูลในรูปแบบที่อ่านได้ด้วยเครื่องมืออัตโนมัติ",
                "ถอนความยินยอมเมื่อใดก็ได้ โดยไม่กระทบสิ่งที่ได้ดำเนินการไปแล้วก่อนการถอน",
                "ร้องเรียนต่อคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล",
            ),
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
            "ติดต่อสำนักงาน",
            (
                f"หากต้องการใช้สิทธิหรือสอบถามเกี่ยวกับข้อมูลส่วนบุคคล ติดต่อ {OFFICE['name_th']} "
                f"โทรศัพท์ {OFFICE['phones']} โทรสาร {OFFICE['fax']} อีเมล {OFFICE['email']}",
                f"นโยบายฉบับที่ {PRIVACY_NOTICE_VERSION} เมื่อมีการเปลี่ยนแปลง สำนักงานจะประกาศฉบับใหม่"
                "บนหน้านี้และขอความยินยอมใหม่เมื่อจำเป็น",
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
                "Your account: as long as you keep it.",
                "Requests and attachments: as long as handling them needs and the Regulation of the "
                "Prime Minister's Office on Correspondence requires, then destroyed.",
                "System logs: at least 90 days, as the Computer Crime Act requires.",
            ),
        ),
        (
            "Your rights",
            ("Under the Personal Data Protection Act B.E. 2562 you may:",),
            (
                "see your personal data and get a copy of it;",
                "have it corrected, brought up to date and completed;",
                "have it deleted, destroyed or anonymised when there is no reason to keep it;",
                "have its use restricted, and object to its collection, use or disclosure;",
                "receive it, or have it transferred, in a machine-readable format;",
                "withdraw your consent at any time, without affecting what was done before;",
                "complain to the Personal Data Protection Committee.",
            ),
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
            "Contact",
            (
                f"To use your rights or ask about your data, contact the {OFFICE['name_en']}: phone "
                f"{OFFICE['phones']}, fax {OFFICE['fax']}, e-mail {OFFICE['email']}.",
                f"This is version {PRIVACY_NOTICE_VERSION} of the policy. When it changes, the new "
                "version is published on this page and your consent asked for again where needed.",
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
