"""The request fixtures of tests/service_requests, and orders of the SPEC's examples."""

from django.test import Client

import pytest

from demo.price_list import ensure_price_list
from payments.models import PaymentSettings
from service_requests import actions as request_actions
from tests.factories.payments import (  # noqa: F401  (used by the tests here)
    SLIP_PAYLOAD,
    slip_image,
    slip_payload,
    slip_upload,
)
from tests.factories.service_requests import contact_of, pdf_upload
from tests.service_requests.conftest import (  # noqa: F401  (fixtures)
    empty_private_storage,
    officer_for,
    other_applicant,
    private_files,
    private_media_root,
    submit,
)

ORDER_PAGE = "/services/school-record-forms/"
ADDRESS = "12 หมู่ 3 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000"


@pytest.fixture
def price_list(db):
    return {item.code: item for item in ensure_price_list()}


def order_details(price_list, **quantities_by_code):
    return {
        "school": "โรงเรียนบ้านหนองบัว",
        "affiliation_other": "",
        "delivery_address": ADDRESS,
        "quantities": {item: quantities_by_code.get(code, 0) for code, item in price_list.items()},
    }


def edit_order(service_request, user, price_list, **quantities):
    """The applicant's edit of an order (the action their edit page calls): 10 × ปพ.3-ป and these."""
    return request_actions.edit_request(
        actor=user,
        service_request=service_request,
        contact=contact_of(user),
        details=order_details(price_list, **{"ปพ.3-ป": 10, **quantities}),
        attachments={},
    )


@pytest.fixture
def order(submit, price_list, page_tree):  # noqa: F811 (the imported fixture)
    """File an order: by default the SPEC's 3 × ปพ.1-ป + 10 × ปพ.3-ป = 530 + 25 shipping = 555.00."""

    def make(applicant=None, **quantities):
        quantities = quantities or {"ปพ.1-ป": 3, "ปพ.3-ป": 10}
        return submit(
            "41",
            applicant=applicant,
            details=order_details(
                price_list, **{code.replace("_", "."): n for code, n in quantities.items()}
            ),
            attachments={"order_letter": pdf_upload("หนังสือขอสั่งซื้อ.pdf")},
        )

    return make


@pytest.fixture
def office_payments(page_tree):
    """Set the office's PromptPay settings: office_payments(biller_id=..., promptpay_id=...)."""

    def configure(*, biller_id="", promptpay_id="", account_name="สำนักงานเขตพื้นที่การศึกษาตัวอย่าง"):
        settings = PaymentSettings.for_site(page_tree.site)
        settings.biller_id, settings.promptpay_id, settings.account_name = (
            biller_id,
            promptpay_id,
            account_name,
        )
        settings.save()
        return settings

    return configure


@pytest.fixture
def logged_in():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
