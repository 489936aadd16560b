"""The admin's active date-range filter chip ("Submitted between: 1 พ.ย. 2569 - ไม่กำหนด"),
written as the portal writes dates (Buddhist Era in Thai) instead of Django's DATE_FORMAT."""

from wagtail.admin.active_filters import DateFromToRangeFilterAdapter, register_filter_adapter_class

import django_filters

from .dates import format_date


class PortalDateRangeFilterAdapter(DateFromToRangeFilterAdapter):
    def format_value(self, value):
        return format_date(value) if value is not None else self.empty_value_label


def register():
    register_filter_adapter_class(django_filters.DateFromToRangeFilter, PortalDateRangeFilterAdapter)
