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

# Office printers cannot print the outer band of a sheet (about 4.2–5 mm on laser printers, more at
# the bottom on some inkjets): a QR code laid there loses its lower rows or its quiet zone on paper
# and no longer scans. The whole stamp stays at least this far inside every edge of the page.
EDGE_MM = 5

# In the bottom margin of the last page, clear of the content above it: the printouts' bottom margin
# is 22 mm (printing/static/printing/printout.css), so the stamp, from EDGE_MM up to 20 mm, sits
# there between the reference code and time at the left and the page number at the right.
WIDTH_MM, HEIGHT_MM = 78, 15
FROM_RIGHT_MM, FROM_BOTTOM_MM = 30, EDGE_MM
# The QR code's side, its quiet zone of QR_BORDER modules included. A verify URL at a real portal's
# address (https://<host>/verify/<16 characters>/, up to 84 characters: a host of up to 51) is a
# version 4 or 5 code at level M, 37 or 41 modules with the quiet zone: 0.38 or 0.34 mm a module,
# above the ~0.33 mm a phone needs to read it from paper.
QR_MM = HEIGHT_MM - 1
QR_BORDER = 2
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
    segno.make(payload, error="m").save(buffer, kind="png", scale=6, border=QR_BORDER)
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
img {{ width: {QR_MM}mm; height: {QR_MM}mm; image-rendering: pixelated; flex: none; }}
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
    """`pdf` with `stamp` laid over the bottom right corner of its last page as a reader sees it
    (upright, whatever the page's /Rotate), as a new file (UnsignablePdf when pikepdf cannot read
    or rewrite it)."""
    try:
        return _stamped(pdf, stamp=stamp)
    except pikepdf.PdfError as error:
        raise UnsignablePdf(str(error)) from error


def stamp_rectangle(box: pikepdf.Rectangle) -> pikepdf.Rectangle:
    """Where the stamp goes on a page whose visible box, as displayed, is `box`: FROM_RIGHT_MM and
    FROM_BOTTOM_MM from its bottom right corner, never nearer than EDGE_MM to any edge. On a small
    page it moves left and gets narrower or lower as needed (it is then scaled down, keeping its
    shape)."""
    # A page under 2 cm a side has no room for 5 mm at both edges: a quarter of it then.
    edge = min(EDGE_MM * POINTS_PER_MM, box.width / 4, box.height / 4)
    width = min(WIDTH_MM * POINTS_PER_MM, box.width - 2 * edge)
    height = min(HEIGHT_MM * POINTS_PER_MM, box.height - 2 * edge)
    from_right = max(min(FROM_RIGHT_MM * POINTS_PER_MM, box.width - width - edge), edge)
    from_bottom = max(min(FROM_BOTTOM_MM * POINTS_PER_MM, box.height - height - edge), edge)
    right, bottom = box.urx - from_right, box.lly + from_bottom
    return pikepdf.Rectangle(right - width, bottom, right, bottom + height)


def visible_box(page: pikepdf.Page) -> pikepdf.Rectangle:
    """The part of the page a viewer shows, in its own coordinates: the crop box (inherited, or
    the media box when it has none) cut to the media box, as the PDF standard and viewers do."""
    media = pikepdf.Rectangle(page.mediabox)
    visible = pikepdf.Rectangle(page.cropbox) & media
    return visible if visible.width > 0 and visible.height > 0 else media


def to_displayed(box: pikepdf.Rectangle, rotation: int) -> pikepdf.Matrix:
    """From the page's coordinates to the page as displayed, turned clockwise by `rotation` (its
    /Rotate: 0, 90, 180 or 270) with the visible box's bottom left corner, as seen, at (0, 0)."""
    llx, lly, urx, ury = box.llx, box.lly, box.urx, box.ury
    return {
        0: pikepdf.Matrix(1, 0, 0, 1, -llx, -lly),
        90: pikepdf.Matrix(0, -1, 1, 0, -lly, urx),
        180: pikepdf.Matrix(-1, 0, 0, -1, urx, ury),
        270: pikepdf.Matrix(0, 1, -1, 0, ury, -llx),
    }[rotation]


def _stamped(pdf: bytes, *, stamp: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document, pikepdf.open(io.BytesIO(stamp)) as drawn:
        page = document.pages[-1]
        # Scanned letters often come as portrait pages turned by /Rotate: the stamp is placed and
        # turned in the page as the reader sees it, then carried back to the page's coordinates.
        # pikepdf reads an inherited /Rotate, modulo 360; one not a multiple of 90 (against the
        # standard) is taken as the quarter turn below it.
        rotation = page.rotation // 90 * 90
        box = visible_box(page)
        if rotation in (90, 270):
            shown = pikepdf.Rectangle(0, 0, box.height, box.width)
        else:
            shown = pikepdf.Rectangle(0, 0, box.width, box.height)
        place = stamp_rectangle(shown)
        form = document.copy_foreign(drawn.pages[0].as_form_xobject())
        x0, y0, x1, y1 = (float(value) for value in form.BBox)
        scale = min(place.width / (x1 - x0), place.height / (y1 - y0))
        # Centred in its place when a small page scales it down.
        left = place.llx + (place.width - (x1 - x0) * scale) / 2
        bottom = place.lly + (place.height - (y1 - y0) * scale) / 2
        on_screen = pikepdf.Matrix(scale, 0, 0, scale, left - x0 * scale, bottom - y0 * scale)
        placement = on_screen @ to_displayed(box, rotation).inverse()
        name = page.add_resource(form, pikepdf.Name.XObject, prefix="Stamp")
        # The page's own drawing is wrapped in q … Q so whatever state it leaves cannot move the stamp.
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"\nQ\nq " + placement.encode() + b" cm " + name.unparse() + b" Do Q\n")
        page.contents_coalesce()
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()
