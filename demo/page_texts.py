"""Texts of the demo's general pages (home, services, downloads), Thai and English."""

HOME = {
    "th": {
        "title": "หน้าหลัก",
        "services_heading": "จุดบริการ One Stop Service",
        "intro": (
            "ระบบบริการประชาชนผ่านอิเล็กทรอนิกส์ออนไลน์ (E-Service) ของสำนักงานเขตพื้นที่การศึกษาประถมศึกษา"
            "อำนาจเจริญ อำนวยความสะดวกให้แก่ประชาชน ข้าราชการครูและบุคลากรทางการศึกษา ในการขอรับบริการ"
            "ต่าง ๆ ของสำนักงาน เช่น การขอมีบัตรข้าราชการครูและบุคลากรทางการศึกษา การขอหนังสือรับรองตัวบุคคล "
            "การขอบำเหน็จดำรงชีพ การจองห้องประชุม การนัดหมายผู้บริหาร และการสั่งซื้อ ปพ.1-3",
            "การให้บริการแบบจุดเดียวเบ็ดเสร็จ (One Stop Service) รวมงานบริการไว้ในที่เดียว ให้บริการได้"
            "ตลอดเวลา (Non-Stop Service) รวดเร็ว โปร่งใส และผู้รับบริการไม่ต้องเดินทางมาที่จุดให้บริการ",
        ),
        "steps_heading": "ขั้นตอนการใช้บริการ",
        "steps": (
            ("ลงทะเบียน", "กรอกเลขประจำตัวประชาชน เบอร์โทรศัพท์ ประเภทบุคลากร ชื่อ-นามสกุล และตั้งรหัสผ่าน"),
            ("เข้าสู่ระบบ", "ใช้เลขประจำตัวประชาชนและรหัสผ่านที่ลงทะเบียนไว้"),
            ("เลือกบริการและยื่นคำขอ", "กรอกข้อมูลให้ครบถ้วน แนบเอกสาร แล้วกดปุ่ม “บันทึก”"),
            ("ตรวจสอบสถานะ", "ติดตามสถานะคำขอด้วยรหัสอ้างอิง และแก้ไขข้อมูลเมื่อเจ้าหน้าที่ส่งกลับให้แก้ไข"),
        ),
    },
    "en": {
        "title": "Home",
        "services_heading": "One Stop Service e-services",
        "intro": (
            "The online e-services of the Amnat Charoen Primary Educational Service Area Office serve the "
            "public, teachers and educational personnel: apply for a government officer ID card, a "
            "certificate letter or the living pension, book a meeting room, make an appointment with the "
            "executives, or order the ปพ.1-3 school record forms.",
            "One Stop Service brings all these services to one place, open around the clock (Non-Stop "
            "Service): fast, transparent, and without a trip to the office.",
        ),
        "steps_heading": "How it works",
        "steps": (
            ("Register", "Give your citizen ID, phone, personnel type and name, and choose a password."),
            ("Log in", "With your citizen ID and password."),
            ("Choose a service and apply", "Fill in the form, attach your documents and press “Save”."),
            (
                "Check the status",
                "Follow your request by its reference code, and correct it if an officer asks you to.",
            ),
        ),
    },
}

SERVICES_INDEX = {
    "th": {
        "title": "บริการ",
        "intro": "บริการอิเล็กทรอนิกส์ของสำนักงาน เลือกบริการเพื่ออ่านขั้นตอน เอกสารที่ต้องใช้ และยื่นคำขอออนไลน์",
    },
    "en": {
        "title": "Services",
        "intro": "The office's e-services. Choose one to read the steps and documents needed, and apply online.",
    },
}

DOWNLOADS = {
    "th": {
        "title": "ดาวน์โหลดเอกสาร",
        "intro": "คู่มือการใช้บริการและแบบฟอร์มเปล่าของทุกบริการ สำหรับพิมพ์หรือศึกษาก่อนยื่นคำขอ",
    },
    "en": {
        "title": "Downloads",
        "intro": "The manual and the blank form of every service (in Thai), to print or read before you apply.",
    },
}
