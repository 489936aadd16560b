"""The form-order service's admin (EService.admin_viewsets of service 41): the price list."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .school_record_forms import PriceItem


class PriceItemViewSet(ModelViewSet):
    """Settings → the price list of form orders. A changed price applies to new orders only:
    each order keeps the unit prices on its lines."""

    model = PriceItem
    name = "price_list"
    icon = "tag"
    menu_label = _("Price list")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "code",
        "level",
        "unit",
        "price",
        BooleanColumn("is_active", label=_("Active")),
        "sort_order",
    ]
    list_filter = ["level", "is_active"]
    search_fields = ["code"]
    search_backend_name = None  # the database's own search: prices are not in Wagtail's index
    form_fields = ["code", "level", "unit", "price", "is_active", "sort_order"]
    ordering = ["sort_order", "code"]
