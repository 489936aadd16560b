"""What applicants and officers see of form orders (41) and living-pension requests (21): the
order form's price table, an order's stored lines and totals, the pension amount's rule on its
field, the officer's reply file, and the price list in the admin."""

import uuid
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

import pytest
from bs4 import BeautifulSoup

from demo.price_list import ensure_price_list
from service_requests import actions
from service_requests.catalogue.school_record_forms import FormOrderLine, PriceItem, ShippingSettings
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import contact_of, pdf_upload, png_upload
from tests.helpers import in_thai
from tests.service_requests.helpers import downloaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def price_list():
    """The manual's price list, by code: ปพ.1-ป 160, ปพ.3-ป 5, ปพ.1-บ 160, ปพ.2-บ 2, ปพ.3-บ 5 baht."""
    return {item.code: item for item in ensure_price_list()}


@pytest.fixture
def order(submit, price_list):
    """3 × ปพ.1-ป + 10 × ปพ.3-ป: 530.00, shipping 25.00, grand total 555.00."""
    quantities = dict.fromkeys(price_list.values(), 0)
    quantities[price_list["ปพ.1-ป"]] = 3
    quantities[price_list["ปพ.3-ป"]] = 10
    return submit(
        "41",
        details={
            "school": "โรงเรียนบ้านหนองบัว",
            "affiliation_other": "",
            "delivery_address": "12 หมู่ 3 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000",
            "quantities": quantities,
        },
        attachments={"order_letter": pdf_upload("หนังสือขอสั่งซื้อ.pdf")},
    )


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def posted_order(user, price_list, quantities, **changes) -> dict:
    """What the order form posts: the contact, the school and one quantity per item by code."""
    data = {f"contact-{name}": value for name, value in contact_of(user).items()}
    data["contact-submission_key"] = str(uuid.uuid4())
    data["details-school"] = "โรงเรียนบ้านหนองบัว"
    data["details-affiliation_other"] = ""
    data["details-delivery_address"] = "12 หมู่ 3 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000"
    for code, item in price_list.items():
        data[f"details-quantity_{item.pk}"] = quantities.get(code, "0")
    data["files-order_letter"] = png_upload("letter.png")
    return {**data, **changes}


def posted_pension(user, **changes) -> dict:
    data = {f"contact-{name}": value for name, value in contact_of(user).items()}
    data["contact-submission_key"] = str(uuid.uuid4())
    data["details-email"] = "wilaiwan@example.com"
    data["files-id_card_copy"] = png_upload()
    return {**data, **changes}


def amounts_of(table) -> list[str]:
    """The price table's figures as shown: the line amounts, then total, shipping, grand total."""
    lines = [cell.get_text(strip=True) for cell in table.select("[data-line-amount]")]
    totals = [
        table.select_one(selector).get_text(strip=True)
        for selector in ("[data-order-total]", "[data-order-shipping]", "[data-order-grand-total]")
    ]
    return lines + totals


# The order form


def test_the_order_form_shows_each_active_item_by_level_with_its_price_and_the_shipping_rule(
    client, page_tree, user, price_list
):
    PriceItem.objects.filter(code="ปพ.2-บ").update(is_active=False)
    client.force_login(user)
    table = page_of(client.get(page_tree.service_pages["school-record-forms"].url)).select_one(
        "[data-order-table]"
    )

    assert table["data-shipping-rate"] == "3.50"
    assert table["data-shipping-minimum"] == "25.00"
    levels = [row.get_text(strip=True) for row in table.select(".order-lines__level")]
    assert levels == [in_thai("Primary"), in_thai("Lower secondary")]
    rows = table.select("[data-price-row]")
    assert [row.label.get_text(strip=True) for row in rows] == ["ปพ.1-ป", "ปพ.3-ป", "ปพ.1-บ", "ปพ.3-บ"]
    first = rows[0]
    quantity = first.select_one("input")
    assert quantity["name"] == f"details-quantity_{price_list['ปพ.1-ป'].pk}"
    assert quantity["data-price"] == "160.00"
    assert first.label["for"] == quantity["id"]
    assert "160.00 / เล่ม" in first.get_text()
    assert amounts_of(table) == ["0.00"] * 4 + ["0.00", "0.00", "0.00"]
    assert table.find_next("script", src=True)["src"].endswith("js/order-totals.js")


def test_an_order_sent_back_shows_its_amounts_and_each_quantitys_message_on_its_field(
    client, page_tree, user, price_list
):
    client.force_login(user)
    page = page_tree.service_pages["school-record-forms"]
    response = client.post(
        page.url,
        posted_order(user, price_list, {"ปพ.1-ป": "3", "ปพ.3-ป": "10", "ปพ.1-บ": "1.5", "ปพ.3-บ": "-1"}),
    )

    assert response.status_code == 200
    assert not ServiceRequest.objects.exists()
    table = page_of(response).select_one("[data-order-table]")
    # Without the script the table still adds up what can be counted; the invalid lines show "–".
    assert amounts_of(table) == ["480.00", "50.00", "–", "0.00", "–", "530.00", "25.00", "555.00"]
    fractional = table.select_one(f"#id_details-quantity_{price_list['ปพ.1-บ'].pk}")
    assert fractional["aria-invalid"] == "true"
    message = table.select_one(f"#{fractional['aria-describedby']}")
    assert message.get_text(strip=True) == in_thai("Please enter a whole number.")
    negative = table.select_one(f"#id_details-quantity_{price_list['ปพ.3-บ'].pk}_error")
    assert negative.get_text(strip=True) == in_thai("The quantity cannot be negative.")


def test_an_order_of_nothing_is_refused_above_the_price_table(client, page_tree, user, price_list):
    client.force_login(user)
    response = client.post(
        page_tree.service_pages["school-record-forms"].url, posted_order(user, price_list, {})
    )

    assert response.status_code == 200
    assert not ServiceRequest.objects.exists()
    order_table = page_of(response).select_one("[data-order-table]")
    error = order_table.select_one(".order-table__error")
    assert error.get_text(strip=True) == in_thai("Please order at least one item.")
    assert "order-table-error" in order_table.table["aria-describedby"]


def test_a_sent_order_is_priced_again_on_the_server(client, page_tree, user, price_list):
    client.force_login(user)
    response = client.post(
        page_tree.service_pages["school-record-forms"].url, posted_order(user, price_list, {"ปพ.1-บ": "20"})
    )

    service_request = ServiceRequest.objects.get()
    assert response.url == reverse("service_requests:submitted", args=[service_request.reference])
    details = service_request.service.details_model.objects.get(request=service_request)
    assert (details.total, details.shipping, details.grand_total) == (
        Decimal("3200.00"),
        Decimal("112.00"),
        Decimal("3312.00"),
    )


# An order's pages


def order_table_of(response):
    return page_of(response).select_one("table.order-lines, #details-section table.listing")


def figures(table) -> list[list[str]]:
    return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in table.select("tr")]


STORED_ORDER = [
    ["ปพ.1-ป", "160.00", "3 เล่ม", "480.00"],
    ["ปพ.3-ป", "5.00", "10 แผ่น", "50.00"],
]


def test_the_order_page_shows_the_stored_lines_and_totals_after_a_price_change(
    client, user, order, price_list
):
    PriceItem.objects.filter(code="ปพ.1-ป").update(price=Decimal("200.00"))
    ShippingSettings.objects.update(minimum=Decimal("50.00"))
    client.force_login(user)

    response = client.get(reverse("service_requests:detail", args=[order.reference]))

    rows = figures(order_table_of(response))
    assert rows[1:3] == STORED_ORDER
    assert [row[-1] for row in rows[3:]] == ["530.00", "25.00", "555.00"]
    assert "โรงเรียนบ้านหนองบัว" in response.content.decode()


ENGLISH_ORDER = [
    ["ปพ.1-ป", "160.00", "3 books", "480.00"],
    ["ปพ.3-ป", "5.00", "10 sheets", "50.00"],
]


def test_the_english_order_page_says_the_units_in_english(client, user, order):
    client.force_login(user)
    with translation.override("en"):
        url = reverse("service_requests:detail", args=[order.reference])

    rows = figures(order_table_of(client.get(url)))

    assert url.startswith("/en/")
    assert rows[1:3] == ENGLISH_ORDER


def test_the_english_order_form_gives_the_prices_per_book_and_per_sheet(
    client, user, price_list, page_tree, english_tree
):
    english = page_tree.service_pages["school-record-forms"].copy_for_translation(
        english_tree.services.locale
    )
    english.save_revision().publish()
    client.force_login(user)

    table = page_of(client.get("/en/services/school-record-forms/")).select_one("[data-order-table]")

    prices = [row.select("td")[0].get_text(" ", strip=True) for row in table.select("[data-price-row]")]
    assert prices == ["160.00 / book", "5.00 / sheet", "160.00 / book", "2.00 / sheet", "5.00 / sheet"]


def test_a_unit_without_an_english_name_shows_as_the_office_wrote_it(client, user, order):
    FormOrderLine.objects.filter(order__request=order, code="ปพ.3-ป").update(unit="ม้วน")
    client.force_login(user)
    with translation.override("en"):
        url = reverse("service_requests:detail", args=[order.reference])

    assert figures(order_table_of(client.get(url)))[2] == ["ปพ.3-ป", "5.00", "10 ม้วน", "50.00"]


def test_the_officers_process_page_shows_the_order_as_a_price_table(client, order, officer_for):
    client.force_login(officer_for("41"))

    response = client.get(reverse("service_request_admin:process", args=[order.pk]))

    rows = figures(order_table_of(response))
    assert rows[1:3] == STORED_ORDER
    assert [row[-1] for row in rows[3:]] == ["530.00", "25.00", "555.00"]


# Living pension


def test_the_pension_form_ties_the_amount_to_the_pledged_box(client, page_tree, user):
    client.force_login(user)
    soup = page_of(client.get(page_tree.service_pages["living-pension"].url))

    box = soup.select_one("input[name=details-pledged]")
    assert box["type"] == "checkbox"
    amount_part = soup.select_one("[data-shown-when-checked]")
    assert amount_part["data-shown-when-checked"] == box["id"]
    assert amount_part.select_one("input[name=details-pledged_amount]")
    assert soup.find("script", src=lambda src: src and src.endswith("js/shown-when-checked.js"))


def test_a_pledged_pension_without_an_amount_is_refused_on_the_amount_field(client, page_tree, user):
    client.force_login(user)
    page = page_tree.service_pages["living-pension"]

    response = client.post(page.url, posted_pension(user, **{"details-pledged": "on"}))

    assert response.status_code == 200
    assert not ServiceRequest.objects.exists()
    amount = page_of(response).select_one("#id_details-pledged_amount")
    assert amount["aria-invalid"] == "true"
    message = page_of(response).select_one(f"#{amount['aria-describedby']}")
    assert message.get_text(strip=True) == in_thai("Please give the pledged amount.")

    response = client.post(
        page.url, posted_pension(user, **{"details-pledged": "on", "details-pledged_amount": "150000"})
    )

    service_request = ServiceRequest.objects.get()
    assert response.status_code == 302
    details = service_request.service.details_model.objects.get(request=service_request)
    assert (details.pledged, details.pledged_amount) == (True, Decimal("150000.00"))


def test_an_amount_without_the_pledged_box_is_refused_on_the_amount_field(client, page_tree, user):
    client.force_login(user)
    response = client.post(
        page_tree.service_pages["living-pension"].url, posted_pension(user, **{"details-pledged_amount": "5"})
    )

    message = page_of(response).select_one("#id_details-pledged_amount_error")
    assert message.get_text(strip=True) == in_thai("Leave the amount empty when the pension is not pledged.")
    assert not ServiceRequest.objects.exists()


def test_the_officers_reply_to_a_pension_request_downloads_from_the_applicants_list(
    client, user, submit, officer_for
):
    pension = submit(
        "21",
        details={"email": "wilaiwan@example.com", "pledged": False, "pledged_amount": None},
    )
    actions.move_request(
        actor=officer_for("21"),
        service_request=pension,
        to_status=RequestStatus.COMPLETED,
        role=Role.OFFICER,
        message="อนุมัติแล้ว",
        reply_file=pdf_upload("หนังสืออนุมัติ.pdf"),
    )
    client.force_login(user)

    listing = page_of(client.get(reverse("service_requests:my_requests")))
    download_url = reverse("service_requests:reply_file", args=[pension.reference])
    link = listing.select_one(f'a[href="{download_url}"]')
    assert in_thai("Download file") in link.get_text()

    pension.refresh_from_db()
    with pension.reply_file.open("rb") as stored:
        issued = stored.read()  # the office's signed copy of the letter (signing/)
    response = client.get(download_url)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert downloaded(response) == issued  # last: closing the download ends the request


def test_nobody_else_downloads_a_pension_requests_reply(client, submit, officer_for):
    pension = submit(
        "21",
        details={"email": "wilaiwan@example.com", "pledged": False, "pledged_amount": None},
    )
    actions.move_request(
        actor=officer_for("21"),
        service_request=pension,
        to_status=RequestStatus.IN_PROGRESS,
        role=Role.OFFICER,
        reply_file=pdf_upload("หนังสืออนุมัติ.pdf"),
    )
    client.force_login(UserFactory())

    assert client.get(reverse("service_requests:reply_file", args=[pension.reference])).status_code == 404


# The admin


def test_administrators_keep_the_price_list_and_old_orders_keep_their_prices(
    client, superuser, order, price_list
):
    client.force_login(superuser)
    listing = client.get(reverse("price_list:index")).content.decode()
    for code in price_list:
        assert escape(code) in listing

    item = price_list["ปพ.1-ป"]
    response = client.post(
        reverse("price_list:edit", args=[item.pk]),
        {
            "code": item.code,
            "level": item.level,
            "unit": item.unit,
            "price": "175.00",
            "is_active": "on",
            "sort_order": item.sort_order,
        },
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.price == Decimal("175.00")
    details = order.service.details_model.objects.get(request=order)
    assert details.grand_total == Decimal("555.00")
    assert [(line.code, line.unit_price) for line in details.lines.all()] == [
        ("ปพ.1-ป", Decimal("160.00")),
        ("ปพ.3-ป", Decimal("5.00")),
    ]


def test_the_shipping_rule_is_a_setting_in_the_admin(client, superuser):
    client.force_login(superuser)
    menu_url = reverse("wagtailsettings:edit", args=["service_requests", "shippingsettings"])
    assert menu_url in client.get(reverse("wagtailadmin_home")).content.decode()
    edit_url = client.get(menu_url).url  # the setting's one row

    response = client.post(edit_url, {"rate_percent": "4.00", "minimum": "30.00"})

    assert response.status_code == 302
    rule = ShippingSettings.load()
    assert (rule.rate_percent, rule.minimum) == (Decimal("4.00"), Decimal("30.00"))
    assert rule.shipping_for(Decimal("530.00")) == Decimal("30.00")
