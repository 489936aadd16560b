"""Reading the QR code printed on a Thai bank's transfer slip (zxing-cpp).

Only pictures are read (png, jpg): a PDF slip is accepted without a code, for the officer to check
by eye, like a picture whose code cannot be read."""

import zxingcpp
from PIL import Image, ImageOps

MAX_PAYLOAD_LENGTH = 512


def qr_payload_of(uploaded, content_type: str) -> str:
    """The text of the first QR code on the slip, or "" when it has none that can be read."""
    if content_type not in ("image/png", "image/jpeg"):
        return ""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            picture = ImageOps.exif_transpose(image).convert("L")
        results = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    finally:
        uploaded.seek(0)
    for result in results:
        text = result.text.strip()
        if text and len(text) <= MAX_PAYLOAD_LENGTH:
            return text
    return ""
