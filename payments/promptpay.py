"""Thai QR payment codes (PromptPay), EMVCo Merchant-Presented Mode as the Bank of Thailand's
Thai QR Code Payment Standard profiles it.

A payload is a run of TLV fields (two-digit ID, two-digit length, value), in ID order:
00 "01" (payload format), 01 "12" (dynamic: it carries an amount; "11" static, no amount),
29 credit transfer to a PromptPay ID (AID A000000677010111; 01 phone as 0066 + 9 digits, 02 a
13-digit citizen or tax ID, 03 a 15-digit e-wallet ID) or 30 bill payment (AID A000000677010112;
01 biller ID, 02 Ref1, 03 Ref2), 53 "764" (baht), 54 the amount ("555.00"), 58 "TH", and last 63,
the CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF) of everything before it including "6304",
as four uppercase hex digits.

A Thai bank's transfer slip carries another code of the same TLV build, the "mini QR" by which
the receiving bank verifies the transfer with the sending bank: 00 (sub-fields 00 the API ID
"000001", 01 the sending bank's 3-digit code, 02 the transaction reference), 51 "TH", and last 91,
the same CRC as 63 above ("9104" and four hex digits).
"""

import binascii
import io
import re
from decimal import Decimal

PROMPTPAY_CREDIT_TRANSFER_AID = "A000000677010111"
PROMPTPAY_BILL_PAYMENT_AID = "A000000677010112"
THAI_BAHT = "764"
MAX_REFERENCE_LENGTH = 20
SLIP_VERIFICATION_API_ID = "000001"


def tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16(data: str) -> str:
    """CRC-16/CCITT-FALSE of the text, as the standard writes it (4 uppercase hex digits)."""
    return f"{binascii.crc_hqx(data.encode('ascii'), 0xFFFF):04X}"


def with_crc(body: str) -> str:
    body += "6304"
    return body + crc16(body)


def parse(payload: str) -> dict[str, str]:
    """{ID: value} of a payload's top-level fields (raises ValueError on a malformed one)."""
    fields, position = {}, 0
    while position < len(payload):
        tag, length = payload[position : position + 2], payload[position + 2 : position + 4]
        if not (tag.isdigit() and length.isdigit()):
            raise ValueError("not a TLV payload")
        end = position + 4 + int(length)
        if end > len(payload):
            raise ValueError("a field runs past the end")
        fields[tag] = payload[position + 4 : end]
        position = end
    return fields


def has_valid_crc(payload: str) -> bool:
    return len(payload) > 8 and payload[-8:-4] == "6304" and crc16(payload[:-4]) == payload[-4:].upper()


def slip_transfer_of(payload: str) -> tuple[str, str] | None:
    """(sending bank code, transaction reference) of a bank slip's verification QR code, or None
    when the text is anything else (a web address, a payment code, a malformed field or CRC)."""
    if len(payload) < 8 or payload[-8:-4] != "9104" or crc16(payload[:-4]) != payload[-4:].upper():
        return None
    try:
        transfer = parse(parse(payload).get("00", ""))
    except ValueError:
        return None
    bank, reference = transfer.get("01", ""), transfer.get("02", "")
    if transfer.get("00") != SLIP_VERIFICATION_API_ID or not re.fullmatch(r"\d{3}", bank):
        return None
    if not re.fullmatch(r"[0-9A-Za-z]+", reference):
        return None
    return bank, reference


def slip_verification_payload(bank: str, reference: str) -> str:
    """The verification QR code's text a bank prints on the slip of this transfer."""
    transfer = tlv("00", SLIP_VERIFICATION_API_ID) + tlv("01", bank) + tlv("02", reference)
    body = tlv("00", transfer) + tlv("51", "TH") + "9104"
    return body + crc16(body)


def normalised_promptpay_id(promptpay_id: str) -> tuple[str, str]:
    """(sub-tag, value) of a PromptPay ID: a Thai mobile number (0812345678 → 01 0066812345678), a
    13-digit citizen or tax ID (02) or a 15-digit e-wallet ID (03)."""
    digits = re.sub(r"\D", "", promptpay_id)
    if len(digits) == 15:
        return "03", digits
    if len(digits) == 13:
        return "02", digits
    if digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits.startswith("0"):
        return "01", "0066" + digits[1:]
    raise ValueError("not a PromptPay ID")


def bill_reference(reference: str) -> str:
    """A request's reference as Ref1: uppercase letters and digits only, at most 20."""
    return re.sub(r"[^0-9A-Z]", "", reference.upper())[:MAX_REFERENCE_LENGTH]


def amount_text(amount: Decimal) -> str:
    return f"{Decimal(amount).quantize(Decimal('0.01')):f}"


def _payload(merchant: str, amount: Decimal | None) -> str:
    body = tlv("00", "01") + tlv("01", "12" if amount is not None else "11") + merchant
    body += tlv("53", THAI_BAHT)
    if amount is not None:
        body += tlv("54", amount_text(amount))
    body += tlv("58", "TH")
    return with_crc(body)


def credit_transfer_payload(promptpay_id: str, amount: Decimal | None) -> str:
    """Pay to a PromptPay ID (tag 29)."""
    sub_tag, value = normalised_promptpay_id(promptpay_id)
    merchant = tlv("29", tlv("00", PROMPTPAY_CREDIT_TRANSFER_AID) + tlv(sub_tag, value))
    return _payload(merchant, amount)


def bill_payment_payload(biller_id: str, ref1: str, amount: Decimal | None, ref2: str = "") -> str:
    """Pay a bill (tag 30): the biller ID (tax ID + 2-digit suffix) and Ref1 (and Ref2) by which
    the office's bank statement names the payment."""
    inner = tlv("00", PROMPTPAY_BILL_PAYMENT_AID) + tlv("01", biller_id) + tlv("02", ref1)
    if ref2:
        inner += tlv("03", ref2)
    return _payload(tlv("30", inner), amount)


def qr_code(payload: str):
    import segno  # deferred (tests/portal/test_layers.py DEFERRED_LIBRARIES): only pages that pay

    # Error correction M, as banks' own codes use; segno may raise it when it fits.
    return segno.make_qr(payload, error="m")


def qr_svg(payload: str, title: str = "") -> str:
    """An inline <svg> element of the code (no data: URL, no script: fits the pages' CSP)."""
    # A viewBox instead of a fixed size (the page's CSS sizes it), on white even in dark mode.
    return qr_code(payload).svg_inline(
        scale=5, border=4, title=title or None, svgclass="promptpay-qr", omitsize=True, light="#fff"
    )


def qr_png(payload: str, scale: int = 6) -> bytes:
    output = io.BytesIO()
    qr_code(payload).save(output, kind="png", scale=scale, border=4)
    return output.getvalue()
