from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from .models import ClosureDay


class ClosureDayViewSet(ModelViewSet):
    """Settings → closure days: days the office is closed besides weekends and public holidays."""

    model = ClosureDay
    name = "closure_days"
    url_prefix = "closure-days"
    icon = "calendar"
    menu_label = _("Closure days")
    add_to_settings_menu = True
    add_to_reference_index = False
    list_display = ["date", "reason"]
    form_fields = ["date", "reason"]
    ordering = "-date"
