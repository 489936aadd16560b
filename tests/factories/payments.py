"""Payments as an applicant and an officer make them: a transfer slip's picture, a paid request."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import segno
from PIL import Image, ImageDraw

from payments import actions, promptpay


def slip_image(payload: str | None, *, kind="PNG") -> bytes:
    """A bank transfer slip: a white page with some lines and, unless None, a QR code of `payload`."""
    page = Image.new("RGB", (600, 900), "white")
    draw = ImageDraw.Draw(page)
    for y in range(80, 400, 40):
        draw.rectangle((60, y, 540, y + 12), fill=(60, 60, 60))
    if payload is not None:
        buffer = io.BytesIO()
        segno.make_qr(payload, error="m").save(buffer, kind="png", scale=6, border=4)
        buffer.seek(0)
        code = Image.open(buffer).convert("RGB")
        page.paste(code, (180, 480))
    output = io.BytesIO()
    page.save(output, format=kind, **({"quality": 90} if kind == "JPEG" else {}))
    return output.getvalue()


def slip_upload(payload: str | None, *, name="slip.png", kind="PNG") -> SimpleUploadedFile:
    content_type = "image/png" if kind == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, slip_image(payload, kind=kind), content_type=content_type)


def slip_payload(reference: str, *, bank: str = "014") -> str:
    """The verification QR code a Thai bank prints on a slip (made up: no real transfer)."""
    return promptpay.slip_verification_payload(bank, reference)


SLIP_PAYLOAD = slip_payload("202511301234567890ABCDEF0")


def paid(service_request, *, applicant, officer, payload: str | None = None):
    """The applicant sends a slip (no QR code unless `payload`) and the officer confirms it."""
    actions.send_slip(applicant=applicant, service_request=service_request, uploaded=slip_upload(payload))
    return actions.confirm_payment(actor=officer, service_request=service_request)
