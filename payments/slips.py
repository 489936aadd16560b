"""Reading the verification QR code printed on a Thai bank's transfer slip (zxing-cpp).

Only pictures are read (png, jpg): a PDF slip is accepted without a code, for the officer to check
by eye, like a picture whose code cannot be read. Only a code shaped like a bank slip's
verification code counts (promptpay.slip_transfer_of): any other QR code on the picture (a web
address, a payment code, a code of any text) proves no transfer and is not kept."""

import zxingcpp
from PIL import Image, ImageOps

from .promptpay import slip_transfer_of

MAX_PAYLOAD_LENGTH = 512


def slip_qr_payload_of(uploaded, content_type: str) -> str:
    """The text of the slip's verification QR code, or "" when the picture has none that can be
    read (no QR code, or only codes of something else)."""
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
        if len(text) <= MAX_PAYLOAD_LENGTH and slip_transfer_of(text) is not None:
            return text
    return ""
