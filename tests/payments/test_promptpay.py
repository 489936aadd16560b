"""The PromptPay payload against published examples of the Thai QR payment standard, its CRC, and
the rendered code decoded back (zxing-cpp) to the exact payload for the SPEC's order amounts."""

import io
from decimal import Decimal

import pytest
import zxingcpp
from PIL import Image

from payments import promptpay
from payments.presentation import amount_in_thai_words

# dtinth/promptpay-qr, index.test.js (the library behind promptpay.io): credit transfers (tag 29).
# That library writes 58 before 53; EMVCo fields may come in any order, so they are compared as
# fields, and their CRCs are checked as published.
DTINTH_PHONE = "00020101021129370016A000000677010111011300668012345675802TH530376463046197"
DTINTH_NATIONAL_ID = "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"
DTINTH_TAX_ID = "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD"
DTINTH_AMOUNT = "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469"
# A bill payment (tag 30) as a Thai bank issues it: biller 010552300935002, Ref1 55558900, no amount
# (published as a sample EMVCo payload in public QR-parsing code).
BANK_BILL_PAYMENT = "00020101021130510016A000000677010112011501055230093500202085555890053037645802TH6304A648"


@pytest.mark.parametrize(
    "published", [DTINTH_PHONE, DTINTH_NATIONAL_ID, DTINTH_TAX_ID, DTINTH_AMOUNT, BANK_BILL_PAYMENT]
)
def test_the_crc_is_that_of_the_published_examples(published):
    assert promptpay.crc16(published[:-4]) == published[-4:]
    assert promptpay.has_valid_crc(published)
    assert not promptpay.has_valid_crc(published[:-1] + ("0" if published[-1] != "0" else "1"))


def test_crc16_ccitt_false_check_value():
    # The catalogue of CRC algorithms' check value of CRC-16/CCITT-FALSE for "123456789".
    assert promptpay.crc16("123456789") == "29B1"


@pytest.mark.parametrize(
    ("promptpay_id", "amount", "published"),
    [
        ("0801234567", None, DTINTH_PHONE),
        ("080-123-4567", None, DTINTH_PHONE),
        ("1-1111-11111-11-1", None, DTINTH_NATIONAL_ID),
        ("0123456789012", None, DTINTH_TAX_ID),
        ("000-000-0000", Decimal("4.22"), DTINTH_AMOUNT),
    ],
)
def test_credit_transfer_has_the_published_fields(promptpay_id, amount, published):
    ours = promptpay.credit_transfer_payload(promptpay_id, amount)
    assert promptpay.has_valid_crc(ours)
    assert {k: v for k, v in promptpay.parse(ours).items() if k != "63"} == {
        k: v for k, v in promptpay.parse(published).items() if k != "63"
    }


def test_bill_payment_is_the_published_payload_exactly():
    assert promptpay.bill_payment_payload("010552300935002", "55558900", None) == BANK_BILL_PAYMENT


def test_the_orders_555_payload_exactly():
    payload = promptpay.bill_payment_payload("099400000000000", "4120251130101010", Decimal("555.00"))
    body = (
        "000201"
        "010212"
        "3059"
        "0016A000000677010112"
        "0115099400000000000"
        "02164120251130101010"
        "5303764"
        "5406555.00"
        "5802TH"
        "6304"
    )
    assert payload == body + promptpay.crc16(body)


def decoded(png: bytes) -> str:
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    return result.text


@pytest.mark.parametrize("amount", [Decimal("555.00"), Decimal("3312.00")])
def test_the_rendered_codes_decode_to_the_exact_payload(amount):
    for payload in (
        promptpay.bill_payment_payload("099400000000000", "4120251130101010", amount),
        promptpay.credit_transfer_payload("0812345678", amount),
    ):
        assert decoded(promptpay.qr_png(payload)) == payload
        assert promptpay.parse(decoded(promptpay.qr_png(payload)))["54"] == f"{amount:.2f}"


def test_promptpay_ids():
    assert promptpay.normalised_promptpay_id("081-234-5678") == ("01", "0066812345678")
    assert promptpay.normalised_promptpay_id("+66812345678") == ("01", "0066812345678")
    assert promptpay.normalised_promptpay_id("0994000000000") == ("02", "0994000000000")
    assert promptpay.normalised_promptpay_id("123456789012345") == ("03", "123456789012345")
    with pytest.raises(ValueError):
        promptpay.normalised_promptpay_id("12345")


def test_ref1_is_the_reference_in_uppercase_letters_and_digits():
    assert promptpay.bill_reference("4120251130101010-2") == "41202511301010102"
    assert len(promptpay.bill_reference("x" * 40)) == 20


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (Decimal("555.00"), "ห้าร้อยห้าสิบห้าบาทถ้วน"),
        (Decimal("3312.00"), "สามพันสามร้อยสิบสองบาทถ้วน"),
        (Decimal("530.25"), "ห้าร้อยสามสิบบาทยี่สิบห้าสตางค์"),
    ],
)
def test_amounts_in_thai_words(amount, words):
    assert amount_in_thai_words(amount) == words
