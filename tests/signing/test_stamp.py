"""signing.stamp: the stamp prints whole on an ordinary office printer, which leaves about 5 mm
at every edge of the sheet unprinted: on every page size it lies at least 5 mm inside each edge,
its QR code still reads with that band left blank, and its modules are large enough to scan from
paper at a real portal's address. It stands upright in the bottom right corner of the page as a
reader sees it, also when the page is turned by /Rotate (scanned letters) or its boxes are off
the origin."""

import io

import pikepdf
import pytest
import segno

from signing.stamp import (
    EDGE_MM,
    FROM_RIGHT_MM,
    HEIGHT_MM,
    POINTS_PER_MM,
    QR_BORDER,
    QR_MM,
    WIDTH_MM,
    render_stamp,
    stamped,
)

from .conftest import (
    A4,
    UNPRINTABLE_MM,
    blank_pdf,
    ink_distances_mm,
    qr_codes_as_seen,
    qr_codes_on_paper,
    stamp_distances_mm,
)

# The longest portal address whose verify URL is still a version 5 code (a host of 51 characters).
LONG_ADDRESS = "https://eservice.primary-education-amnatcharoen-area1.go.th"
VERIFY_URL = f"{LONG_ADDRESS}/verify/ERjgigeWGg0c2Oh2/"

LETTER = (0, 0, 612, 792)


def mm(value: float) -> float:
    return value * POINTS_PER_MM


@pytest.fixture(scope="module")
def stamp():
    return render_stamp(office_name="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ", verify_url=VERIFY_URL)


def test_on_an_a4_page_the_stamp_sits_at_full_size_5_mm_up_and_30_mm_from_the_right(stamp):
    distances = stamp_distances_mm(stamped(blank_pdf(A4, pages=2), stamp=stamp))

    assert distances["bottom"] == pytest.approx(EDGE_MM, abs=0.01)
    assert distances["right"] == pytest.approx(FROM_RIGHT_MM, abs=0.01)
    assert 210 - distances["left"] - distances["right"] == pytest.approx(WIDTH_MM, abs=0.05)
    assert 297 - distances["top"] - distances["bottom"] == pytest.approx(HEIGHT_MM, abs=0.05)


@pytest.mark.parametrize(
    ("mediabox", "cropbox"),
    [
        pytest.param(A4, None, id="A4"),
        pytest.param(LETTER, None, id="US Letter"),
        pytest.param((0, 0, 841.89, 595.28), None, id="A4 landscape"),
        pytest.param((0, 0, 419.53, 595.28), None, id="A5"),
        pytest.param((0, 0, 700, 900), (50, 60, 645.28, 901.89), id="crop box off the origin"),
        pytest.param((0, 0, mm(80), mm(30)), None, id="a small page, narrower than the stamp and its edges"),
        pytest.param((0, 0, mm(60), mm(20)), None, id="a label, lower than the stamp and its edges"),
    ],
)
def test_the_whole_stamp_lies_at_least_5_mm_inside_every_edge_of_the_page(stamp, mediabox, cropbox):
    distances = stamp_distances_mm(stamped(blank_pdf(mediabox, cropbox=cropbox), stamp=stamp))

    assert all(distance >= EDGE_MM - 0.01 for distance in distances.values()), distances
    assert EDGE_MM >= UNPRINTABLE_MM


@pytest.mark.parametrize("mediabox", [A4, LETTER], ids=["A4", "US Letter"])
def test_the_qr_code_reads_with_the_band_printers_cannot_print_left_blank(stamp, mediabox):
    assert qr_codes_on_paper(stamped(blank_pdf(mediabox), stamp=stamp)) == [VERIFY_URL]


def test_at_a_long_portal_address_a_module_of_the_qr_code_is_at_least_a_third_of_a_mm():
    code = segno.make(VERIFY_URL, error="m")
    modules, _rows = code.symbol_size(border=QR_BORDER)

    assert code.version == 5
    assert QR_MM / modules >= 0.33


def assert_upright_in_the_bottom_right_as_seen(content: bytes):
    """The stamp as the reader sees the last page (blank but for it): full size, FROM_RIGHT_MM
    from the right and EDGE_MM up, its QR code upright at its left, read with the band printers
    cannot print left blank."""
    ink = ink_distances_mm(content)
    assert ink["right"] == pytest.approx(FROM_RIGHT_MM, abs=0.3), ink
    assert EDGE_MM - 0.01 <= ink["bottom"] <= EDGE_MM + 0.5, ink
    assert all(distance >= EDGE_MM - 0.01 for distance in ink.values()), ink
    [code] = qr_codes_as_seen(content)
    assert code.text == VERIFY_URL
    assert code.upright
    assert ink["left"] < code.from_left_mm < ink["left"] + QR_MM
    assert ink["bottom"] < code.from_bottom_mm < ink["bottom"] + HEIGHT_MM


@pytest.mark.parametrize("rotate", [0, 90, 180, 270, -90, 450])
@pytest.mark.parametrize("mediabox", [A4, (0, 0, 841.89, 595.28)], ids=["portrait", "landscape"])
def test_on_a_page_turned_by_rotate_the_stamp_stands_upright_in_the_bottom_right_as_seen(
    stamp, mediabox, rotate
):
    # Scanners often store a letter as a page turned by /Rotate; the stamp went to the corner of
    # the page as stored, sideways, and shrunk to fit there.
    content = stamped(blank_pdf(mediabox, pages=2, rotate=rotate), stamp=stamp)

    assert_upright_in_the_bottom_right_as_seen(content)


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
@pytest.mark.parametrize(
    ("mediabox", "cropbox"),
    [
        pytest.param((-120, 40, 700, 1000), None, id="media box off the origin"),
        pytest.param((-120, 40, 700, 1000), (-20, 90, 575.28, 931.89), id="crop box off the origin"),
        pytest.param(A4, (-40, -60, 635.28, 901.89), id="crop box beyond the media box"),
    ],
)
def test_on_a_page_whose_boxes_are_off_the_origin_the_stamp_is_in_the_bottom_right_as_seen(
    stamp, mediabox, cropbox, rotate
):
    # Only the crop box cut to the media box is seen (the PDF standard; pypdfium2 shows that).
    content = stamped(blank_pdf(mediabox, cropbox=cropbox, rotate=rotate), stamp=stamp)

    assert_upright_in_the_bottom_right_as_seen(content)


def test_a_rotate_inherited_from_the_page_tree_turns_the_stamp_too(stamp):
    with pikepdf.new() as document:
        document.add_blank_page(page_size=A4[2:])
        document.Root.Pages.Rotate = 270
        output = io.BytesIO()
        document.save(output)

    assert_upright_in_the_bottom_right_as_seen(stamped(output.getvalue(), stamp=stamp))


def test_a_rotate_that_is_not_a_quarter_turn_still_gets_a_stamp_that_reads(stamp):
    # Against the standard; pdfium shows such a page turned by the quarter turn below it.
    assert_upright_in_the_bottom_right_as_seen(stamped(blank_pdf(A4, rotate=135), stamp=stamp))
