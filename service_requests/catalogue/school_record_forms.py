"""41 ซื้อ ปพ.1-3: ordering educational record forms at the prices of the day.

Prices and the shipping rule live in the admin and change; each order keeps its lines with the
unit prices it was made with, so a later price change never changes an old order.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language, npgettext
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from ..details import DetailsForm, RequestDetails
from . import groups
from .base import AttachmentSlot, EService
from .common import OTHER_DOCUMENT_1, OTHER_DOCUMENT_2
from .id_card import IdCardDetails

SATANG = Decimal("0.01")
MAX_QUANTITY = 10_000
DELIVERY_ADDRESS_LENGTH = 500


def to_baht(amount) -> Decimal:
    """Round to the satang, half up, as money is counted."""
    return Decimal(amount).quantize(SATANG, rounding=ROUND_HALF_UP)


# The price list's units as offices write them (Thai, stored as typed on the items and the order
# lines), with their English names by count. English pages show those; Thai pages and the Thai
# printout show the unit as stored, as does an English page for a unit not named here.
ENGLISH_UNITS = {
    "เล่ม": lambda count: npgettext("unit of a record form", "book", "books", count),
    "แผ่น": lambda count: npgettext("unit of a record form", "sheet", "sheets", count),
    "ชุด": lambda count: npgettext("unit of a record form", "set", "sets", count),
    "ฉบับ": lambda count: npgettext("unit of a record form", "copy", "copies", count),
}


def unit_name(unit: str, count: int = 1) -> str:
    """A unit in the reader's language: "เล่ม" on Thai pages, "book" or "books" on English ones."""
    english = ENGLISH_UNITS.get((unit or "").strip())
    if english is None or not (get_language() or "").startswith("en"):
        return unit
    return english(count)


class SchoolLevel(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary")


class PriceItem(models.Model):
    """One form on the price list, e.g. ปพ.1-ป at 160 baht per book."""

    code = models.CharField(_("item"), max_length=40, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=SchoolLevel.choices)
    unit = models.CharField(_("unit"), max_length=40)
    price = models.DecimalField(_("price (baht)"), max_digits=10, decimal_places=2)
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("price list item")
        verbose_name_plural = _("price list")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return f"{self.code} ({self.price} / {self.unit_name})"

    @property
    def unit_name(self) -> str:
        """Its unit as the price table says it: per book, per sheet (unit_name())."""
        return unit_name(self.unit)


@register_setting(icon="tag")
class ShippingSettings(BaseGenericSetting):
    """The shipping rule for form orders: a share of the total, with a minimum."""

    rate_percent = models.DecimalField(
        # xgettext:no-python-format
        _("shipping (% of the total)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("3.50"),
    )
    minimum = models.DecimalField(
        _("minimum shipping (baht)"), max_digits=10, decimal_places=2, default=Decimal("25.00")
    )

    class Meta:
        verbose_name = _("shipping for form orders")

    @property
    def rate(self) -> str:
        """The rate as the office writes it (ร้อยละ 3.5): no trailing zeros, never an exponent."""
        return format(self.rate_percent.normalize(), "f")

    def shipping_for(self, total: Decimal) -> Decimal:
        if total <= 0:
            return Decimal("0.00")
        return max(to_baht(total * self.rate_percent / 100), to_baht(self.minimum))


@dataclass(frozen=True)
class Quote:
    """What an order costs: each line's amount, the total, shipping and the grand total."""

    lines: list[tuple[PriceItem, int, Decimal]]  # (item, quantity, amount), ordered items only
    total: Decimal
    shipping: Decimal
    grand_total: Decimal


def quote(quantities, shipping_rule) -> Quote:
    """Price {item: quantity} at the items' current prices, exact to the satang (half up)."""
    lines = [
        (item, quantity, to_baht(item.price * quantity)) for item, quantity in quantities.items() if quantity
    ]
    total = to_baht(sum((amount for _item, _quantity, amount in lines), Decimal(0)))
    shipping = shipping_rule.shipping_for(total)
    return Quote(lines=lines, total=total, shipping=shipping, grand_total=total + shipping)


class FormOrderDetails(RequestDetails):
    """สั่งซื้อแบบพิมพ์ทางการศึกษา (ปพ.): the school and the money; the items are its lines."""

    school = models.CharField(_("school"), max_length=255)
    affiliation_other = models.CharField(_("other affiliation (please specify)"), max_length=255, blank=True)
    # Shipping is charged, so the forms are sent: where to (issue 15).
    delivery_address = models.TextField(_("delivery address"), max_length=DELIVERY_ADDRESS_LENGTH)
    total = models.DecimalField(_("total (baht)"), max_digits=12, decimal_places=2, editable=False)
    shipping = models.DecimalField(_("shipping (baht)"), max_digits=12, decimal_places=2, editable=False)
    grand_total = models.DecimalField(
        _("grand total (baht)"), max_digits=12, decimal_places=2, editable=False
    )

    # The lines as a price table, with the totals, instead of the generic list of fields.
    details_template = "service_requests/details/form_order.html"
    personal_fields = ("school", "affiliation_other", "delivery_address")

    class Meta:
        verbose_name = _("form order details")
        verbose_name_plural = _("form order details")

    def amount_due(self):
        """What the applicant pays for the order: the grand total, shipping included."""
        return self.grand_total

    @classmethod
    def initial_for(cls, user):
        """The delivery address of the applicant's last order, else the contact address of their
        last ID-card request (the profile holds no address)."""
        last_order = (
            cls.objects.filter(request__applicant=user)
            .exclude(delivery_address="")
            .order_by("-request__submitted_at")
            .values_list("delivery_address", flat=True)
            .first()
        )
        if last_order:
            return {"delivery_address": last_order}
        contact = (
            IdCardDetails.objects.filter(request__applicant=user)
            .exclude(contact_address="")
            .order_by("-request__submitted_at")
            .values_list("contact_address", flat=True)
            .first()
        )
        return {"delivery_address": contact} if contact else {}

    @classmethod
    def create_for(cls, service_request, data):
        quantities = data.pop("quantities")
        details = cls(request=service_request, **data)
        order_quote = details.price(quantities)
        details.save()
        details.save_lines(order_quote)
        return details

    @classmethod
    def check_answers(cls, data, *, current=None):
        """The order's own rule too: something ordered (price() refuses an empty order)."""
        answers = dict(data)
        quantities = answers.pop("quantities")
        super().check_answers(answers, current=current)
        cls().price(quantities)

    def update_from(self, data):
        quantities = data.pop("quantities")
        for name, value in data.items():
            setattr(self, name, value)
        order_quote = self.price(quantities)
        self.save()
        self.lines.all().delete()
        self.save_lines(order_quote)

    def price(self, quantities) -> Quote:
        """Take the totals from today's prices; refuse an order with nothing in it."""
        if not any(quantity > 0 for quantity in quantities.values()):
            raise ValidationError(_("Please order at least one item."))
        order_quote = quote(quantities, ShippingSettings.load())
        self.total, self.shipping, self.grand_total = (
            order_quote.total,
            order_quote.shipping,
            order_quote.grand_total,
        )
        return order_quote

    def save_lines(self, order_quote: Quote):
        """Keep each line with the unit price it was ordered at."""
        FormOrderLine.objects.bulk_create(
            FormOrderLine(
                order=self,
                price_item=item,
                code=item.code,
                unit=item.unit,
                unit_price=item.price,
                quantity=quantity,
                line_total=amount,
            )
            for item, quantity, amount in order_quote.lines
        )


class FormOrderLine(models.Model):
    """One item of an order, with the unit price it was ordered at."""

    order = models.ForeignKey(FormOrderDetails, on_delete=models.CASCADE, related_name="lines")
    price_item = models.ForeignKey(PriceItem, null=True, on_delete=models.SET_NULL, related_name="+")
    code = models.CharField(_("item"), max_length=40)
    unit = models.CharField(_("unit"), max_length=40)
    unit_price = models.DecimalField(_("unit price (baht)"), max_digits=10, decimal_places=2)
    quantity = models.PositiveIntegerField(_("quantity"))
    line_total = models.DecimalField(_("amount (baht)"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("order line")
        ordering = ["id"]

    def __str__(self):
        return f"{self.code} × {self.quantity}"

    @property
    def unit_name(self) -> str:
        """Its unit by its quantity, in the reader's language: 3 books, 1 sheet (unit_name())."""
        return unit_name(self.unit, self.quantity)


@dataclass(frozen=True)
class PriceRow:
    """One item of the order form's price table: its quantity field and the amount it makes."""

    item: PriceItem
    field: forms.BoundField
    amount: Decimal | None  # None while the quantity typed is not a valid one


@dataclass(frozen=True)
class PriceGroup:
    level: str
    rows: list[PriceRow]


class FormOrderForm(DetailsForm):
    """The school, and one quantity field per active price-list item."""

    fields_template = "service_requests/forms/form_order.html"

    class Meta:
        model = FormOrderDetails
        fields = ["school", "affiliation_other", "delivery_address"]
        widgets = {"delivery_address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.price_items = list(PriceItem.objects.filter(is_active=True))
        ordered = {}
        if self.instance.pk:
            ordered = {line.price_item_id: line.quantity for line in self.instance.lines.all()}
        for item in self.price_items:
            self.fields[f"quantity_{item.pk}"] = forms.IntegerField(
                label=f"{item.code} ({item.price:,.2f} / {item.unit_name})",
                min_value=0,
                max_value=MAX_QUANTITY,
                required=False,
                initial=ordered.get(item.pk, 0),
                error_messages={
                    "invalid": _("Please enter a whole number."),
                    "min_value": _("The quantity cannot be negative."),
                    "max_value": _("At most %(limit_value)s per item."),
                },
                widget=forms.NumberInput(
                    attrs={
                        "min": "0",
                        "max": str(MAX_QUANTITY),
                        "step": "1",
                        "inputmode": "numeric",
                        "data-price": str(item.price),
                    }
                ),
            )

    @cached_property
    def shipping_rule(self):
        return ShippingSettings.load()

    def _typed_quantity(self, item):
        """The quantity the form holds for an item (0 when empty), or None when it is not valid."""
        value = self[f"quantity_{item.pk}"].value()
        if value in (None, ""):
            return 0
        try:
            quantity = int(str(value).strip())
        except ValueError:
            return None
        return quantity if 0 <= quantity <= MAX_QUANTITY else None

    def price_groups(self) -> list[PriceGroup]:
        """The active items by school level, each with the amount its typed quantity makes, so the
        table shows the same figures with or without the page's script."""
        groups = {}
        for item in self.price_items:
            quantity = self._typed_quantity(item)
            amount = None if quantity is None else to_baht(item.price * quantity)
            row = PriceRow(item=item, field=self[f"quantity_{item.pk}"], amount=amount)
            groups.setdefault(item.level, []).append(row)
        return [
            PriceGroup(level=label, rows=groups[level])
            for level, label in SchoolLevel.choices
            if level in groups
        ]

    def typed_totals(self) -> Quote:
        """The price of the quantities typed so far (invalid ones count 0), as the server takes it."""
        typed = {item: self._typed_quantity(item) or 0 for item in self.price_items}
        return quote(typed, self.shipping_rule)

    def details_data(self):
        data = super().details_data()
        data["quantities"] = {
            item: self.cleaned_data.get(f"quantity_{item.pk}") or 0 for item in self.price_items
        }
        return data

    @classmethod
    def posted_data(cls, details):
        details = dict(details)
        quantities = details.pop("quantities")
        return super().posted_data(details) | {
            f"quantity_{item.pk}": str(quantity) for item, quantity in quantities.items()
        }


def sample_details(variant=0):
    """3 × ปพ.1-ป and 10 × ปพ.3-ป (priced as the manual prices them unless the list has them)."""
    ordered = {
        "ปพ.1-ป": (
            3,
            {"level": SchoolLevel.PRIMARY, "unit": "เล่ม", "price": Decimal("160.00"), "sort_order": 10},
        ),
        "ปพ.3-ป": (
            10,
            {"level": SchoolLevel.PRIMARY, "unit": "แผ่น", "price": Decimal("5.00"), "sort_order": 20},
        ),
    }
    for code, (_quantity, defaults) in ordered.items():
        PriceItem.objects.get_or_create(code=code, defaults=defaults)
    ShippingSettings.load()
    return {
        "school": "โรงเรียนบ้านหนองบัว",
        "affiliation_other": "",
        "delivery_address": "โรงเรียนบ้านหนองบัว 12 หมู่ 3 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000",
        "quantities": {
            item: ordered.get(item.code, (0, None))[0] for item in PriceItem.objects.filter(is_active=True)
        },
    }


SERVICE = EService(
    code="41",
    slug="school-record-forms",
    name=_("School record forms (ปพ.1-3)"),
    form_title=_("Order of educational record forms (ปพ.)"),
    officer_group=groups.ACADEMIC,
    details_form=FormOrderForm,
    kept_lists=("service_requests.PriceItem", "service_requests.ShippingSettings"),
    icon=(
        '<path d="M4 4.5A1.5 1.5 0 0 1 5.5 3H19v15H5.5A1.5 1.5 0 0 0 4 19.5z"/>'
        '<path d="M4 19.5A1.5 1.5 0 0 0 5.5 21H19v-3"/><path d="M8 7.5h7M8 11h5"/>'
    ),
    admin_viewsets=("service_requests.catalogue.school_record_forms_admin.PriceItemViewSet",),
    sample_details=sample_details,
    attachment_slots=(
        AttachmentSlot("order_letter", _("Order letter"), required=True),
        OTHER_DOCUMENT_1,
        OTHER_DOCUMENT_2,
    ),
)
