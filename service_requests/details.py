"""The shape every service's own-fields model takes: one row per request, shown field by field."""

import datetime
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _

from home.dates import format_date


def display_value(value):
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


class RequestDetails(models.Model):
    """Abstract: a service's own fields for one request (linked one-to-one)."""

    request = models.OneToOneField(
        "service_requests.ServiceRequest", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        abstract = True

    def rows(self):
        """(label, value) for each field, in the form's order, for detail pages and printouts."""
        result = []
        for field in self._meta.concrete_fields:
            if field.name == "request":
                continue
            value = getattr(self, field.name)
            if field.choices:
                value = getattr(self, f"get_{field.name}_display")()
            result.append((field.verbose_name, display_value(value)))
        return result
