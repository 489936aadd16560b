"""What a PDF attachment may hold: a document that qpdf (through pikepdf) reads completely, with
no password and nothing that acts by itself (scripts, automatic actions, programs to launch,
files inside it, XFA forms). Officers open these files; a PDF that cannot run anything cannot
attack them.

pdf_problem(content) answers with a refusal code or None; uploads.check_upload turns the code into
the applicant's message and the officers' bundle leaves such files out.
"""

import base64
import binascii
import io
import re
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

DAMAGED = "pdf_damaged"
ENCRYPTED = "pdf_encrypted"
ACTIVE = "pdf_active"
EMBEDDED = "pdf_embedded"

# Actions that run code or reach outside the document; links (/URI, /GoTo) are ordinary.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/Rendition",
    "/Movie",
    "/Sound",
    "/RichMediaExecute",
}
# Keys that are active wherever they appear: scripts, and actions triggered by events.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/XFA"}
ACTIVE_ANNOTATIONS = {"/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"}
# A file specification with a file inside (/EF), an embedded file stream, the attachments' name tree.
EMBEDDED_KEYS = {"/EF", "/EmbeddedFiles"}
EMBEDDED_ANNOTATIONS = {"/FileAttachment"}

# Compressed streams are inflated to check them; this caps the work a small file can demand
# (a deflate bomb of a few MB inflates to gigabytes).
MAX_INFLATED_BYTES = 128 * 1024 * 1024
INFLATE_CHUNK = 1024 * 1024


class Damaged(Exception):
    pass


def pdf_problem(content: bytes) -> str | None:
    """The refusal code for this PDF, or None when it is a plain, complete document."""
    try:
        # No recovery: a file whose cross-reference table is broken or cut off is damaged, not
        # something to guess at.
        with pikepdf.open(io.BytesIO(content), attempt_recovery=False) as pdf:
            if len(pdf.pages) == 0:
                return DAMAGED
            found = _active_content(pdf)
            _decode_streams(pdf)
    except pikepdf.PasswordError:
        return ENCRYPTED
    except Exception:  # qpdf and a hostile file's odd types raise many kinds of errors
        return DAMAGED
    return found


def _active_content(pdf) -> str | None:
    """ACTIVE or EMBEDDED if any object of the file (reachable or not) carries such content."""
    found = None
    seen = set()
    stack = list(pdf.objects) + [pdf.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, (Stream, Dictionary)):
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            kind = _kind_of(obj)
            if kind == ACTIVE:
                return ACTIVE
            found = found or kind
            stack.extend(value for _key, value in obj.items())
        elif isinstance(obj, Array):
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            stack.extend(obj)
    return found


def _kind_of(dictionary) -> str | None:
    keys = set(dictionary.keys())
    action = dictionary.get("/S")
    subtype = dictionary.get("/Subtype")
    if keys & ACTIVE_KEYS:
        return ACTIVE
    if isinstance(action, Name) and str(action) in ACTIVE_ACTIONS:
        return ACTIVE
    if isinstance(subtype, Name) and str(subtype) in ACTIVE_ANNOTATIONS:
        return ACTIVE
    if keys & EMBEDDED_KEYS or dictionary.get("/Type") == Name.EmbeddedFile:
        return EMBEDDED
    if isinstance(subtype, Name) and str(subtype) in EMBEDDED_ANNOTATIONS:
        return EMBEDDED
    return None


def _filters(stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, Array):
        return [str(item) for item in value]
    return [str(value)]


def _decode_streams(pdf):
    """Read every stream, and decode those in deflate or ASCII encodings (page content, fonts,
    forms), so that a stream cut short or corrupted is found here. Decoding is done here, within
    a budget, not by qpdf, which would inflate a bomb to the end. Streams in other encodings
    (pictures, LZW) are read but left to the viewer to decode."""
    budget = MAX_INFLATED_BYTES
    for obj in pdf.objects:
        if not isinstance(obj, Stream):
            continue
        data = obj.read_raw_bytes()
        filters = _filters(obj)
        if not filters or not all(name in DECODERS for name in filters):
            continue
        for position, name in enumerate(filters):
            last = position == len(filters) - 1
            data, size = DECODERS[name](data, budget=budget, keep=not last)
            budget -= size
            if budget < 0:
                raise Damaged("too much to decode")


def _inflate(data: bytes, *, budget: int, keep: bool) -> tuple[bytes, int]:
    """The inflated data (when kept) and its size; stops past the budget."""
    if not data:
        return b"", 0  # an empty stream: nothing to inflate
    inflater = zlib.decompressobj()
    kept = []
    produced = 0
    pending = data
    while not inflater.eof:
        chunk = inflater.decompress(pending, INFLATE_CHUNK)
        pending = inflater.unconsumed_tail
        if not chunk and not pending:
            raise Damaged("deflate stream cut short")
        produced += len(chunk)
        if produced > budget:
            break
        if keep:
            kept.append(chunk)
    return b"".join(kept), produced


def _ascii_hex(data: bytes, *, budget: int, keep: bool) -> tuple[bytes, int]:
    digits = re.sub(rb"\s+", b"", data.split(b">", 1)[0])
    decoded = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
    return decoded, len(decoded)


def _ascii_85(data: bytes, *, budget: int, keep: bool) -> tuple[bytes, int]:
    text = data.split(b"~>", 1)[0].strip().removeprefix(b"<~")
    decoded = base64.a85decode(text, ignorechars=b" \t\n\r\x0b\x0c")
    return decoded, len(decoded)


DECODERS = {
    "/FlateDecode": _inflate,
    "/Fl": _inflate,
    "/ASCIIHexDecode": _ascii_hex,
    "/AHx": _ascii_hex,
    "/ASCII85Decode": _ascii_85,
    "/A85": _ascii_85,
}
