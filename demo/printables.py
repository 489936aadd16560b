"""The HTML of each service's manual (คู่มือ) and paper blank form (แบบฟอร์ม), in Thai."""

from django.utils.html import format_html, format_html_join

from .content import COMMON, PROFILE_FIELDS, FormField, ServiceContent, application_steps
from .office import OFFICE

MANUAL_CSS = """
ol.steps li { margin-bottom: 1.2mm; }
.flow { margin: 2mm 0; }
.stage { border: 1.5pt solid #1f4e79; border-radius: 3mm; padding: 0.8mm 4mm; text-align: center;
         width: 75%; margin: 0 auto; }
.flow .arrow:first-child { display: none; }
.arrow { width: 0; height: 0; margin: 1mm auto; border-left: 2.5mm solid transparent;
         border-right: 2.5mm solid transparent; border-top: 3mm solid #1f4e79; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #777; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.note { font-weight: bold; }
"""

FORM_CSS = """
.meta { text-align: right; margin-bottom: 4mm; }
.row { width: 100%; border-collapse: collapse; margin: 0 0 2.5mm; }
.row td { padding: 0; vertical-align: bottom; }
.row .label { width: 1%; white-space: nowrap; padding-right: 2mm; }
.row .line { border-bottom: 0.9pt dotted #333; }
.choices { margin: 0 0 3mm; }
.choice { display: inline-block; margin: 1mm 6mm 0 0; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.9pt solid #333;
       margin-right: 1.5mm; vertical-align: -0.3mm; }
.signature { margin: 10mm 0 0 45%; text-align: center; }
.signature p { margin: 0 0 3mm; }
.officer { margin-top: 8mm; border: 0.9pt solid #333; padding: 3mm 4mm; page-break-inside: avoid; }
.small { font-size: 11.5pt; }
"""


def office_header() -> str:
    return format_html(
        '<div class="office"><strong>{}</strong><p>ระบบบริการแบบจุดเดียวเบ็ดเสร็จ (One Stop Service)</p></div>',
        OFFICE["name_th"],
    )


def office_contact() -> str:
    return format_html(
        "<p>{}<br>{}<br>โทรศัพท์ {} โทรสาร {} อีเมล {}</p>",
        OFFICE["name_th"],
        OFFICE["address_th"],
        OFFICE["phones"],
        OFFICE["fax"],
        OFFICE["email"],
    )


def bullet_list(items) -> str:
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items)))


def manual_html(content: ServiceContent, *, service_name: str) -> str:
    texts, common = content.th, COMMON["th"]
    steps = format_html_join(
        "", "<li><strong>{}</strong><br>{}</li>", application_steps(content, "th", service_name=service_name)
    )
    # An arrow before every stage; CSS hides the first one.
    flow = format_html_join(
        "", '<div class="arrow"></div><div class="stage">{}</div>', ((stage,) for stage in texts.flow)
    )
    statuses = format_html_join("", "<tr><td>{}</td><td>{}</td></tr>", common.statuses)
    parts = [
        office_header(),
        format_html("<h1>{}</h1>", texts.manual_title),
        format_html("<p>บริการ{} · แบบฟอร์ม “{}”</p>", texts.title, texts.form_title),
        "<h2>บริการนี้คืออะไร</h2>",
        format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in texts.description)),
        "<h2>ผู้มีสิทธิยื่นคำขอ</h2>",
        bullet_list(texts.eligibility),
        format_html('<h2>{}</h2><ol class="steps">{}</ol>', common.steps_heading, steps),
        format_html('<h2>{}</h2><div class="flow">{}</div>', common.flow_heading, flow),
        format_html("<h2>{}</h2>", common.attachments_heading),
        bullet_list(texts.attachments),
        format_html('<p class="note">{}</p>', common.file_note),
        format_html_join("", '<p class="note">{}</p>', ((note,) for note in texts.notes)),
        format_html("<h2>ระยะเวลาดำเนินการ</h2><p>{}</p>", common.processing_time),
        "<h2>สถานะของคำขอ</h2>",
        format_html("<table><tr><th>สถานะ</th><th>ความหมาย</th></tr>{}</table>", statuses),
        "<h2>ติดต่อสอบถาม</h2>",
        office_contact(),
    ]
    return "".join(str(part) for part in parts)


def field_html(field: FormField) -> str:
    if not field.choices:
        return format_html(
            '<table class="row"><tr><td class="label">{}</td><td class="line"></td></tr></table>', field.label
        )
    choices = format_html_join(
        "", '<span class="choice"><span class="box"></span>{}</span>', ((choice,) for choice in field.choices)
    )
    return format_html('<div class="choices">{}<br>{}</div>', field.label, choices)


def blank_form_html(content: ServiceContent) -> str:
    texts, common = content.th, COMMON["th"]
    fields = (*PROFILE_FIELDS, *content.form_fields)
    attachments = format_html_join(
        "",
        '<span class="choice"><span class="box"></span>{}</span>',
        ((name,) for name in content.attachment_fields),
    )
    parts = [
        office_header(),
        format_html('<h1 style="text-align:center">{}</h1>', texts.form_title),
        format_html(
            '<p style="text-align:center">บริการ{} · ยื่นออนไลน์ได้ที่ระบบ One Stop Service</p>',
            texts.title,
        ),
        '<p class="meta">เขียนที่ ................................................ '
        "วันที่ ........ เดือน .............................. พ.ศ. ............</p>",
        format_html("<p>เรียน ผู้อำนวยการ{}</p>", OFFICE["name_th"]),
        "".join(field_html(field) for field in fields),
        format_html('<div class="choices">เอกสารแนบ ({})<br>{}</div>', common.file_note, attachments),
        '<div class="signature"><p>ลงชื่อ ............................................ ผู้ยื่นคำขอ</p>'
        "<p>( ............................................ )</p>"
        "<p>วันที่ ........ / ........ / ............</p></div>",
        '<div class="officer"><strong>สำหรับเจ้าหน้าที่</strong>'
        '<table class="row"><tr><td class="label">รับเรื่องวันที่</td><td class="line"></td>'
        '<td class="label">&nbsp;รหัสอ้างอิง</td><td class="line"></td></tr></table>'
        '<table class="row"><tr><td class="label">ลงชื่อเจ้าหน้าที่</td><td class="line"></td></tr></table></div>',
        format_html(
            '<p class="small">{} · ติดต่อสอบถาม โทรศัพท์ {}</p>', common.processing_time, OFFICE["phones"]
        ),
    ]
    return "".join(str(part) for part in parts)
