"""The appointment service's admin (EService.admin_viewsets of service 32): administrators keep
the executives who take appointments (Settings menu)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from base.admin_delete import ProtectedDeleteMixin

from .appointment import Executive


class ExecutiveDeleteView(ProtectedDeleteMixin, DeleteView):
    instead = _(
        "Hide the executive instead: untick “Active” on the edit page. Appointments are then no "
        "longer offered with them, and the past ones are kept."
    )


class ExecutiveViewSet(ModelViewSet):
    """Settings → executives who take appointments, in the order the form offers them."""

    model = Executive
    icon = "user"
    menu_label = _("Executives")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["name", "position", "is_active", "sort_order"]
    list_display = ["name", "position", BooleanColumn("is_active", label=_("Active"))]
    list_filter = ["is_active"]
    search_fields = ["name", "position"]
    sort_order_field = "sort_order"
    delete_view_class = ExecutiveDeleteView
