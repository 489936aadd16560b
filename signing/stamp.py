"""The small stamp on the last page of a signed document: a QR code to its /verify/ page and one
Thai and English line saying who signed it.

pyHanko's own stamps cannot shape Thai without uharfbuzz, so the stamp is a tiny PDF drawn by
WeasyPrint in Sarabun (the same fonts as the printouts) and laid over the page with pikepdf,
before the document is signed: the stamp is part of what the signature covers.
"""

import base64
import io
import re
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.html import escape

import pikepdf

from .signatures import UnsignablePdf

# In the bottom margin of the last page, clear of the content above it: the printouts' margin is
# 16 mm, with the reference code and time at the left and the page number at the right
# (printing/static/printing/printout.css), so the stamp sits between them.
WIDTH_MM, HEIGHT_MM = 78, 14
FROM_RIGHT_MM, FROM_BOTTOM_MM = 30, 1.5
POINTS_PER_MM = 72 / 25.4
FONT_FACES = {400: "fonts/sarabun/Sarabun-Regular.ttf", 700: "fonts/sarabun/Sarabun-Bold.ttf"}

# As in printing.rendering (an app above this one): HarfBuzz draws SARA AM as two glyphs and
# WeasyPrint's text layer then reads the wrong words; the decomposed form draws the same glyphs.
SARA_AM = re.compile("([\u0e31\u0e34-\u0e37\u0e47-\u0e4e]*)\u0e33")


def decompose_sara_am(text: str) -> str:
    return SARA_AM.sub("\u0e4d\\1\u0e32", text)


@cache
def font_urls() -> dict[int, str]:
    urls = {}
    for weight, name in FONT_FACES.items():
        found = finders.find(name)
        if not found:
            raise FileNotFoundError(
                f"The stamp's font {name!r} is not among the static files (fontpkg-sarabun)."
            )
        urls[weight] = Path(found).resolve().as_uri()
    return urls


def qr_png(payload: str) -> bytes:
    import segno  # deferred like the printouts' (tests/portal/test_layers.py DEFERRED_LIBRARIES)

    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def stamp_html(*, office_name: str, verify_url: str, qr_uri: str) -> str:
    faces = "".join(
        f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; src: url("{url}"); }}'
        for weight, url in font_urls().items()
    )
    return f"""<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
{faces}
@page {{ size: {WIDTH_MM}mm {HEIGHT_MM}mm; margin: 0; }}
body {{ margin: 0; font-family: "Sarabun"; font-size: 5.8pt; line-height: 1.2; color: #1a1a1a; }}
.stamp {{ display: flex; align-items: center; height: {HEIGHT_MM - 0.6}mm; overflow: hidden;
  border: 0.5pt solid #1f4e79; border-radius: 1.5mm; background: #ffffff; padding: 0 1mm 0 0.3mm; }}
img {{ width: {HEIGHT_MM - 1}mm; height: {HEIGHT_MM - 1}mm; image-rendering: pixelated; flex: none; }}
p {{ margin: 0 0 0 0.8mm; }}
strong {{ font-weight: 700; color: #1f4e79; }}
.url {{ font-size: 5.2pt; word-break: break-all; }}
</style></head><body><div class="stamp"><img src="{qr_uri}" alt="">
<p><strong>ลงนามอิเล็กทรอนิกส์โดย {escape(office_name)}</strong><br>
Electronically signed by the office. ตรวจสอบเอกสาร / Verify:<br>
<span class="url">{escape(verify_url)}</span></p></div></body></html>"""


def render_stamp(*, office_name: str, verify_url: str) -> bytes:
    """The stamp as a one-page PDF of WIDTH_MM × HEIGHT_MM."""
    import weasyprint  # deferred: see printing.rendering
    from weasyprint.urls import URLFetcher

    qr_uri = "data:image/png;base64," + base64.b64encode(qr_png(verify_url)).decode("ascii")
    allowed = {qr_uri, *font_urls().values()}

    class StampFetcher(URLFetcher):
        """Reads the two font files and the QR code, nothing else."""

        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"The stamp reads nothing but its fonts and QR code, not {url[:80]!r}.")
            return super().fetch(url, headers)

    html = decompose_sara_am(stamp_html(office_name=office_name, verify_url=verify_url, qr_uri=qr_uri))
    fetcher = StampFetcher(allowed_protocols=("file", "data"), allow_redirects=False)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()


def stamped(pdf: bytes, *, stamp: bytes) -> bytes:
    """`pdf` with `stamp` laid over the bottom right corner of its last page, as a new file
    (UnsignablePdf when pikepdf cannot read or rewrite it)."""
    try:
        return _stamped(pdf, stamp=stamp)
    except pikepdf.PdfError as error:
        raise UnsignablePdf(str(error)) from error


def _stamped(pdf: bytes, *, stamp: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document, pikepdf.open(io.BytesIO(stamp)) as drawn:
        page = document.pages[-1]
        box = pikepdf.Rectangle(page.cropbox)
        width, height, from_right, from_bottom = (
            value * POINTS_PER_MM for value in (WIDTH_MM, HEIGHT_MM, FROM_RIGHT_MM, FROM_BOTTOM_MM)
        )
        width, height = min(width, box.width), min(height, box.height)
        from_right = max(min(from_right, box.width - width), 0)  # a small page: as far right as needed
        right, bottom = box.urx - from_right, box.lly + from_bottom
        page.add_overlay(drawn.pages[0], pikepdf.Rectangle(right - width, bottom, right, bottom + height))
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()
