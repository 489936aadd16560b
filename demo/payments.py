"""The demo office's PromptPay settings: a clearly fake biller ID (the office's tax-ID style
0994000000000 with suffix 00), so the order pages show a bill-payment code with Ref1."""

from payments.models import PaymentSettings

from .office import OFFICE

DEMO_BILLER_ID = "099400000000000"
# The demo office's name, marked as a test account: what the QR code's payee line shows.
DEMO_ACCOUNT_NAME = f"{OFFICE['name_th']} (บัญชีทดสอบ)"
# What earlier demo loads set (a made-up office's name): replaced, as no administrator chose it.
FORMER_DEMO_ACCOUNT_NAME = "สำนักงานเขตพื้นที่การศึกษาตัวอย่าง (บัญชีทดสอบ)"


def ensure_payment_settings(*, site) -> PaymentSettings:
    """Filled in when empty; what an administrator has set is kept."""
    settings = PaymentSettings.for_site(site)
    if not (settings.biller_id or settings.promptpay_id):
        settings.biller_id = DEMO_BILLER_ID
    if settings.account_name in ("", FORMER_DEMO_ACCOUNT_NAME):
        settings.account_name = DEMO_ACCOUNT_NAME
    settings.save()
    return settings
