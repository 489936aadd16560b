from django import forms
from django.utils.translation import gettext_lazy as _

from service_requests.date_fields import IsoDateField

from .queries import this_month

LONGEST_PERIOD_DAYS = 3 * 366


class PeriodForm(forms.Form):
    """The report's period, Bangkok dates, both days included; this month unless chosen.

    A year typed in the Buddhist Era gets the hint every date field gives (IsoDateField)."""

    start = IsoDateField(label=_("From"))
    end = IsoDateField(label=_("To"))

    def __init__(self, data=None, **kwargs):
        first, last = this_month()
        if not data or not {"start", "end"} & set(data):
            data = {"start": first.isoformat(), "end": last.isoformat()}
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and not self.errors:
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif (end - start).days > LONGEST_PERIOD_DAYS:
                self.add_error("end", _("Choose a period of at most three years."))
        return cleaned
