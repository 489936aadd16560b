"""The e-mails of a request to be paid: the "received" e-mail (ได้รับคำขอแล้ว) says how much to
pay and links to the payment section, so an applicant who closed the page still knows to pay."""

from django.core import mail

import pytest

from base.links import email_url
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

EMAIL = "wilaiwan@example.com"


@pytest.fixture
def with_email(user):
    user.email = user.verified_email = EMAIL
    user.save(update_fields=["email", "verified_email"])
    return user


def test_the_received_email_of_an_order_says_the_amount_and_links_to_the_payment(
    order, with_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        service_request = order()  # 3 × ปพ.1-ป + 10 × ปพ.3-ป + shipping = 555.00
    [message] = [message for message in mail.outbox if message.to == [EMAIL]]
    body = message.body
    assert f"{in_thai('Amount to pay')}: 555.00 บาท (ห้าร้อยห้าสิบห้าบาทถ้วน)" in body
    assert in_thai("This request must be paid before the office can complete it.") in body
    link = email_url("service_requests:detail", args=[service_request.reference], fragment="payment")
    assert link.startswith("http") and link.endswith(f"/my/requests/{service_request.reference}/#payment")
    assert f"\n{link}\n" in body
    # Under the reference code, before what happens next.
    assert (
        body.index(service_request.reference)
        < body.index("555.00")
        < body.index(in_thai("What happens next"))
    )


def test_a_large_amount_is_grouped_as_on_the_pages(order, with_email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order(**{"ปพ.1-ป": 200})
    [message] = [message for message in mail.outbox if message.to == [EMAIL]]
    assert "บาท" in message.body
    amount_line = next(
        line for line in message.body.splitlines() if line.startswith(in_thai("Amount to pay"))
    )
    assert "," in amount_line  # e.g. 1,234.00: thousands grouped


def test_the_received_email_of_a_free_service_says_nothing_of_paying(
    submit, with_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        service_request = submit("12")
    [message] = [message for message in mail.outbox if message.to == [EMAIL]]
    assert "บาท" not in message.body
    assert "#payment" not in message.body
    assert in_thai("This request must be paid before the office can complete it.") not in message.body
    assert service_request.reference in message.body
