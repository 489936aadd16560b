"""The demo office (the manual's): its details, a generated emblem, and its site settings."""

from io import BytesIO
from pathlib import Path

import fontpkg_sarabun
from PIL import Image, ImageDraw, ImageFont

from base.models import OfficeSettings

from .media import ensure_image

OFFICE = {
    "name_th": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ",
    "name_en": "Amnat Charoen Primary Educational Service Area Office",
    "address_th": "230 ถนนสุขาภิบาล 1 ตำบลบุ่ง อำเภอเมือง จังหวัดอำนาจเจริญ 37000",
    "address_en": "230 Sukhaphiban 1 Road, Bung Subdistrict, Mueang District, Amnat Charoen 37000, Thailand",
    "phones": "045511019",
    "fax": "045511917",
    "email": "office@amnat-ed.go.th",
}
# 2568-2: retention periods, the access record, how to use each right, the 72-hour breach duty.
PRIVACY_NOTICE_VERSION = "2568-2"
LOGO_TITLE = "ตราสำนักงาน สพป.อำนาจเจริญ"

BOLD_FONT = Path(fontpkg_sarabun.ROOT) / "files" / "Sarabun-Bold.ttf"
NAVY, GOLD, WHITE = (31, 78, 121, 255), (212, 175, 55, 255), (255, 255, 255, 255)


def emblem_png(size: int = 512) -> bytes:
    """A round seal: gold ring, navy disc, "สพป." and the province name in Sarabun Bold."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=GOLD)
    draw.ellipse((size * 0.06, size * 0.06, size * 0.94, size * 0.94), fill=NAVY)
    draw.ellipse((size * 0.1, size * 0.1, size * 0.9, size * 0.9), outline=GOLD, width=max(2, size // 100))
    centre = size / 2
    draw.text(
        (centre, centre - size * 0.04),
        "สพป.",
        font=ImageFont.truetype(str(BOLD_FONT), int(size * 0.26)),
        fill=WHITE,
        anchor="mm",
    )
    draw.text(
        (centre, centre + size * 0.2),
        "อำนาจเจริญ",
        font=ImageFont.truetype(str(BOLD_FONT), int(size * 0.1)),
        fill=GOLD,
        anchor="mm",
    )
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def ensure_logo():
    return ensure_image(title=LOGO_TITLE, file_name="office-emblem.png", render=emblem_png)


def ensure_office_settings(*, site, logo, privacy_page) -> OfficeSettings:
    """The office's settings for the site; what is already filled in is kept."""
    settings = OfficeSettings.for_site(site)
    for name, value in OFFICE.items():
        if not getattr(settings, name):
            setattr(settings, name, value)
    settings.logo = settings.logo or logo
    settings.privacy_policy_page = settings.privacy_policy_page or privacy_page
    if settings.privacy_notice_version in ("", "1"):  # still the model's default
        settings.privacy_notice_version = PRIVACY_NOTICE_VERSION
    settings.save()
    return settings
