"""School-record form orders (service 41): exact money (Decimal, satang rounded half up), shipping
at 3.5 % with a 25-baht minimum, lines kept at the prices of the day, and the quantities the form
refuses."""

from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from service_requests import actions
from service_requests.catalogue.school_record_forms import (
    FormOrderDetails,
    PriceItem,
    ShippingSettings,
    to_baht,
)
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import files_post, form_data, price_list
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

ORDER_PAGE = "/services/school-record-forms/"


@pytest.fixture
def items(db):
    """Today's price list by code: ปพ.1-ป and ปพ.1-บ 160 a book, ปพ.3-ป and ปพ.3-บ 5 and ปพ.2-บ 2 a sheet."""
    return price_list()


@pytest.fixture
def applicant_client(client, user, page_tree):
    client.force_login(user)
    return client


def order_details(items, **quantities_by_code):
    return {
        "school": "โรงเรียนบ้านหนองบัว",
        "affiliation_other": "",
        "delivery_address": "12 หมู่ 3 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000",
        "quantities": {item: quantities_by_code.get(code, 0) for code, item in items.items()},
    }


def post_order(client, user, items, **posted_quantities):
    """Post the order form with these quantities (as typed) by item code; the others stay 0."""
    data = form_data("41", user, details=order_details(items)) | files_post("41")
    data |= {f"details-quantity_{items[code].pk}": typed for code, typed in posted_quantities.items()}
    return client.post(ORDER_PAGE, data)


def money(details):
    return (details.total, details.shipping, details.grand_total)


def lines(details):
    return [(line.code, line.quantity, line.unit_price, line.line_total) for line in details.lines.all()]


def test_the_manuals_example_order_through_the_form(applicant_client, user, items):
    response = post_order(applicant_client, user, items, **{"ปพ.1-ป": "3", "ปพ.3-ป": "10"})
    assert response.status_code == 302
    details = FormOrderDetails.objects.get(request=ServiceRequest.objects.get())
    assert money(details) == (Decimal("530.00"), Decimal("25.00"), Decimal("555.00"))
    assert lines(details) == [
        ("ปพ.1-ป", 3, Decimal("160.00"), Decimal("480.00")),
        ("ปพ.3-ป", 10, Decimal("5.00"), Decimal("50.00")),
    ]


def test_twenty_books_pay_three_and_a_half_percent_shipping(submit, items):
    service_request = submit("41", details=order_details(items, **{"ปพ.1-บ": 20}))
    details = FormOrderDetails.objects.get(request=service_request)
    assert money(details) == (Decimal("3200.00"), Decimal("112.00"), Decimal("3312.00"))
    assert lines(details) == [("ปพ.1-บ", 20, Decimal("160.00"), Decimal("3200.00"))]


def test_the_money_is_decimal_and_rounded_half_up_to_the_satang(submit, items):
    # 6 × 160 + 7 × 5 + 4 × 2 = 1,003.00; 3.5 % of it is 35.105, which is 35.11 rounded half up
    # (35.10 rounded half to even, and whatever binary floating point makes of it).
    service_request = submit("41", details=order_details(items, **{"ปพ.1-ป": 6, "ปพ.3-ป": 7, "ปพ.2-บ": 4}))
    details = FormOrderDetails.objects.get(request=service_request)
    assert money(details) == (Decimal("1003.00"), Decimal("35.11"), Decimal("1038.11"))
    assert all(isinstance(amount, Decimal) for amount in money(details))
    assert all(isinstance(value, Decimal) for line in lines(details) for value in line[2:])


def test_to_baht_rounds_exactly():
    assert to_baht(Decimal("2.675")) == Decimal("2.68")  # a float 2.675 is 2.67499999...
    assert to_baht(Decimal("0.005")) == Decimal("0.01")
    assert to_baht(Decimal("0.004999")) == Decimal("0.00")
    assert str(to_baht(25)) == "25.00"


def test_a_small_order_pays_the_minimum_shipping(submit, items):
    service_request = submit("41", details=order_details(items, **{"ปพ.2-บ": 1}))
    details = FormOrderDetails.objects.get(request=service_request)
    assert money(details) == (Decimal("2.00"), Decimal("25.00"), Decimal("27.00"))


def test_the_shipping_rule_kept_in_the_admin_applies_to_new_orders(submit, items):
    settings = ShippingSettings.load()
    settings.rate_percent, settings.minimum = Decimal("5.00"), Decimal("40.00")
    settings.save()
    big = FormOrderDetails.objects.get(request=submit("41", details=order_details(items, **{"ปพ.1-บ": 20})))
    small = FormOrderDetails.objects.get(request=submit("41", details=order_details(items, **{"ปพ.3-บ": 1})))
    assert big.shipping == Decimal("160.00")
    assert small.shipping == Decimal("40.00")


def test_a_price_change_leaves_the_old_order_as_it_was(submit, officer_for, items):
    old_order = submit("41", details=order_details(items, **{"ปพ.1-ป": 3, "ปพ.3-ป": 10}))
    PriceItem.objects.filter(code="ปพ.1-ป").update(price=Decimal("180.00"))
    PriceItem.objects.filter(code="ปพ.3-ป").update(price=Decimal("6.00"))
    # The officer works the old order after the change: it is not priced again.
    actions.move_request(
        actor=officer_for("41"),
        service_request=old_order,
        to_status=RequestStatus.IN_PROGRESS,
        role=Role.OFFICER,
    )
    details = FormOrderDetails.objects.get(request=old_order)
    assert money(details) == (Decimal("530.00"), Decimal("25.00"), Decimal("555.00"))
    assert lines(details) == [
        ("ปพ.1-ป", 3, Decimal("160.00"), Decimal("480.00")),
        ("ปพ.3-ป", 10, Decimal("5.00"), Decimal("50.00")),
    ]
    new_order = submit("41", details=order_details(price_list(), **{"ปพ.1-ป": 3, "ปพ.3-ป": 10}))
    assert money(FormOrderDetails.objects.get(request=new_order)) == (
        Decimal("600.00"),
        Decimal("25.00"),
        Decimal("625.00"),
    )


def test_a_deleted_price_list_item_leaves_the_old_lines(submit, items):
    order = submit("41", details=order_details(items, **{"ปพ.2-บ": 50}))
    PriceItem.objects.filter(code="ปพ.2-บ").delete()
    assert lines(FormOrderDetails.objects.get(request=order)) == [
        ("ปพ.2-บ", 50, Decimal("2.00"), Decimal("100.00"))
    ]


# Quantities the form refuses


def quantity_errors(response, items, code):
    assert response.status_code == 200
    return list(response.context["request_forms"].details.errors.get(f"quantity_{items[code].pk}", []))


def test_an_order_of_nothing_is_refused(applicant_client, user, items):
    response = post_order(applicant_client, user, items)  # every quantity 0
    assert response.status_code == 200
    assert response.context["request_forms"].details.non_field_errors() == [
        in_thai("Please order at least one item.")
    ]
    assert not ServiceRequest.objects.exists()


def test_an_order_of_nothing_is_refused_with_the_forms_other_errors(applicant_client, user, items):
    data = form_data("41", user, details=order_details(items), **{"contact-applicant_phone": ""})
    response = applicant_client.post(ORDER_PAGE, data | files_post("41"))
    forms = response.context["request_forms"]
    assert list(forms.contact.errors) == ["applicant_phone"]
    assert forms.details.non_field_errors() == [in_thai("Please order at least one item.")]
    assert not ServiceRequest.objects.exists()


def test_empty_quantities_count_as_none(applicant_client, user, items):
    typed = dict.fromkeys(items, "") | {"ปพ.3-บ": "2"}
    assert post_order(applicant_client, user, items, **typed).status_code == 302
    details = FormOrderDetails.objects.get()
    assert lines(details) == [("ปพ.3-บ", 2, Decimal("5.00"), Decimal("10.00"))]


def test_the_action_refuses_an_order_of_nothing_too(submit, items):
    with pytest.raises(ValidationError) as refused:
        submit("41", details=order_details(items))
    assert refused.value.messages == [in_thai("Please order at least one item.")]
    assert not FormOrderDetails.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "The quantity cannot be negative."),
        ("1.5", "Please enter a whole number."),
        ("สาม", "Please enter a whole number."),
        ("10001", "At most %(limit_value)s per item."),
    ],
    ids=["negative", "fractional", "not-a-number", "huge"],
)
def test_quantities_that_are_not_whole_numbers_up_to_10000_are_refused(
    applicant_client, user, items, typed, message
):
    response = post_order(applicant_client, user, items, **{"ปพ.1-ป": "3", "ปพ.3-ป": typed})
    assert quantity_errors(response, items, "ปพ.3-ป") == [in_thai(message) % {"limit_value": 10000}]
    assert not ServiceRequest.objects.exists()


def test_ten_thousand_of_an_item_is_the_most_and_fine(applicant_client, user, items):
    assert post_order(applicant_client, user, items, **{"ปพ.3-ป": "10000"}).status_code == 302
    details = FormOrderDetails.objects.get()
    assert money(details) == (Decimal("50000.00"), Decimal("1750.00"), Decimal("51750.00"))


def test_an_inactive_item_cannot_be_ordered(applicant_client, user, items):
    PriceItem.objects.filter(code="ปพ.2-บ").update(is_active=False)
    response = post_order(applicant_client, user, items, **{"ปพ.2-บ": "5", "ปพ.3-ป": "1"})
    assert response.status_code == 302
    assert [line[0] for line in lines(FormOrderDetails.objects.get())] == ["ปพ.3-ป"]
