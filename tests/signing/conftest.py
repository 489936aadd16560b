"""Signing fixtures: an officer, the office's settings (page_tree), a PDF to sign, and what a
reader of the signed PDF finds in it (pyHanko's validator, the stamp's QR code, where the stamp
lies on the page and what a phone reads from the page as an office printer prints it)."""

import io
from dataclasses import dataclass

from django.conf import settings

import pikepdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image, ImageOps
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from tests.factories.accounts import StaffFactory
from tests.factories.service_requests import pdf_bytes
from tests.service_requests.conftest import personnel_officer, request_in, submit  # noqa: F401 (fixtures)


@pytest.fixture
def officer(db):
    return StaffFactory(first_name="สมศรี", last_name="ใจดี")


@pytest.fixture
def letter():
    """A one-page PDF, as an officer's reply file."""
    return pdf_bytes()


A4 = (0, 0, 595.28, 841.89)


def blank_pdf(mediabox, *, cropbox=None, pages: int = 1, rotate: int = 0) -> bytes:
    """Blank pages; `rotate`: the last one's /Rotate, as a scanner turns a page."""
    with pikepdf.new() as document:
        for _ in range(pages):
            page = document.add_blank_page(page_size=(mediabox[2], mediabox[3]))
            page.mediabox = pikepdf.Array(mediabox)
            if cropbox is not None:
                page.cropbox = pikepdf.Array(cropbox)
        if rotate:
            document.pages[-1].obj.Rotate = rotate
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()


def validation_status(content: bytes):
    """pyHanko's own validator on the last signature, trusting the demo CA only."""
    context = ValidationContext(trust_roots=[load_cert_from_pemder(settings.SIGNING_TRUST_ROOTS)])
    signatures = PdfFileReader(io.BytesIO(content)).embedded_signatures
    assert signatures, "the PDF has no signature"
    return validate_pdf_signature(signatures[-1], context)


def qr_codes(content: bytes) -> list[str]:
    """The text of every QR code in the images of the PDF's pages."""
    found = []
    for page in PdfReader(io.BytesIO(content)).pages:
        for image in page.images:
            picture = Image.open(io.BytesIO(image.data)).convert("L")
            picture = picture.resize((picture.width * 4, picture.height * 4), Image.NEAREST)
            found.extend(result.text for result in zxingcpp.read_barcodes(picture))
    return found


# What office printers leave unprinted at every edge of a sheet (signing.stamp.EDGE_MM says why),
# and the resolution a printout is rasterised at to read it as a phone reads the paper.
UNPRINTABLE_MM = 5
DPI = 300
POINTS_PER_MM = 72 / 25.4


def last_page_as_seen(content: bytes) -> Image.Image:
    """The PDF's last page rendered at 300 dpi by pypdfium2, as a reader sees it: its crop box,
    turned by its /Rotate."""
    document = pypdfium2.PdfDocument(content)
    try:
        return document[len(document) - 1].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        document.close()


def on_paper(picture: Image.Image) -> Image.Image:
    """`picture` with the band printers cannot print left blank at every edge."""
    band = round(UNPRINTABLE_MM * DPI / 25.4)
    printed = picture.crop((band, band, picture.width - band, picture.height - band))
    return ImageOps.expand(printed, border=band, fill=255)


def qr_codes_on_paper(content: bytes) -> list[str]:
    """The QR codes read from the PDF's last page rendered at 300 dpi (pypdfium2) with the band
    printers cannot print left blank at every edge, as on paper."""
    return [result.text for result in zxingcpp.read_barcodes(on_paper(last_page_as_seen(content)))]


@dataclass(frozen=True)
class SeenQrCode:
    """A QR code read from the last page as a reader sees it: its text, whether it stands upright,
    and its centre in mm from the left and from the bottom edge of the page as seen."""

    text: str
    upright: bool
    from_left_mm: float
    from_bottom_mm: float


def qr_codes_as_seen(content: bytes) -> list[SeenQrCode]:
    picture = on_paper(last_page_as_seen(content))
    found = []
    for result in zxingcpp.read_barcodes(picture):
        corners = [result.position.top_left, result.position.top_right]
        corners += [result.position.bottom_right, result.position.bottom_left]
        x = sum(corner.x for corner in corners) / 4
        y = sum(corner.y for corner in corners) / 4
        found.append(
            SeenQrCode(
                text=result.text,
                upright=result.orientation == 0,
                from_left_mm=x * 25.4 / DPI,
                from_bottom_mm=(picture.height - y) * 25.4 / DPI,
            )
        )
    return found


def ink_distances_mm(content: bytes) -> dict[str, float]:
    """How far the ink on the last page lies inside each edge of the page as a reader sees it, in
    mm; on a blank page, the stamp's."""
    picture = last_page_as_seen(content)
    left, top, right, bottom = (
        ImageOps.invert(picture).point(lambda value: 255 if value > 32 else 0).getbbox()
    )
    return {
        "left": left * 25.4 / DPI,
        "top": top * 25.4 / DPI,
        "right": (picture.width - right) * 25.4 / DPI,
        "bottom": (picture.height - bottom) * 25.4 / DPI,
    }


def stamp_distances_mm(content: bytes) -> dict[str, float]:
    """How far the stamp lies inside each edge of the last page's visible box (its crop box cut to
    its media box) as stored, in mm: the form the stamp was laid as (the last one the page draws), its /BBox through the
    transformations the page's content applies to it."""
    with pikepdf.open(io.BytesIO(content)) as document:
        page = document.pages[-1]
        stack, matrix, placed = [], pikepdf.Matrix(), None
        for operands, operator in pikepdf.parse_content_stream(page):
            if operator == pikepdf.Operator("q"):
                stack.append(matrix)
            elif operator == pikepdf.Operator("Q"):
                matrix = stack.pop()
            elif operator == pikepdf.Operator("cm"):
                matrix = pikepdf.Matrix(*(float(value) for value in operands)) @ matrix
            elif operator == pikepdf.Operator("Do"):
                placed = (page.Resources.XObject[operands[0]], matrix)
        assert placed is not None, "the last page draws no stamp"
        form, matrix = placed
        assert form.Subtype == pikepdf.Name.Form
        if "/Matrix" in form:
            matrix = pikepdf.Matrix(*(float(value) for value in form.Matrix)) @ matrix
        x0, y0, x1, y1 = (float(value) for value in form.BBox)
        corners = [matrix.transform((x, y)) for x in (x0, x1) for y in (y0, y1)]
        box = pikepdf.Rectangle(page.cropbox) & pikepdf.Rectangle(page.mediabox)
    xs, ys = [x for x, _y in corners], [y for _x, y in corners]
    return {
        "left": (min(xs) - box.llx) / POINTS_PER_MM,
        "right": (box.urx - max(xs)) / POINTS_PER_MM,
        "bottom": (min(ys) - box.lly) / POINTS_PER_MM,
        "top": (box.ury - max(ys)) / POINTS_PER_MM,
    }
