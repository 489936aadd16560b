"""The price list of form orders (service 41) and its shipping rule, as the manual gives them."""

from decimal import Decimal

from service_requests.catalogue.school_record_forms import PriceItem, SchoolLevel, ShippingSettings

BOOK, SHEET = "เล่ม", "แผ่น"
PRICE_LIST = (
    # code, level, unit, price (baht)
    ("ปพ.1-ป", SchoolLevel.PRIMARY, BOOK, Decimal("160.00")),
    ("ปพ.3-ป", SchoolLevel.PRIMARY, SHEET, Decimal("5.00")),
    ("ปพ.1-บ", SchoolLevel.LOWER_SECONDARY, BOOK, Decimal("160.00")),
    ("ปพ.2-บ", SchoolLevel.LOWER_SECONDARY, SHEET, Decimal("2.00")),
    ("ปพ.3-บ", SchoolLevel.LOWER_SECONDARY, SHEET, Decimal("5.00")),
)


def ensure_price_list() -> list[PriceItem]:
    """The items by code (prices an administrator has changed are kept), and the shipping
    setting's row with its defaults (3.5 % of the total, at least 25 baht)."""
    items = [
        PriceItem.objects.get_or_create(
            code=code,
            defaults={"level": level, "unit": unit, "price": price, "sort_order": order * 10},
        )[0]
        for order, (code, level, unit, price) in enumerate(PRICE_LIST, start=1)
    ]
    ShippingSettings.load()  # creates the row, with the model's defaults, when there is none
    return items
