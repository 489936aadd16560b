from django import forms
from django.utils.translation import gettext_lazy as _

from base.working_days import bangkok_today
from service_requests.catalogue.common import BOOKING_HORIZON, TOO_FAR_AHEAD

from .queries import this_month

LONGEST_PERIOD_DAYS = 3 * 366


def date_input():
    # The browser's own date picker; the value is always sent as YYYY-MM-DD.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The report's period, Bangkok dates, both days included; this month unless chosen."""

    start = forms.DateField(label=_("From"), widget=date_input(), input_formats=["%Y-%m-%d"])
    end = forms.DateField(label=_("To"), widget=date_input(), input_formats=["%Y-%m-%d"])

    def __init__(self, data=None, **kwargs):
        first, last = this_month()
        if not data or not {"start", "end"} & set(data):
            data = {"start": first.isoformat(), "end": last.isoformat()}
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        latest = bangkok_today() + BOOKING_HORIZON  # bookings are the only requests ahead of today
        for name, day in (("start", start), ("end", end)):
            if day and day > latest:
                self.add_error(name, TOO_FAR_AHEAD)  # nearly always a Buddhist Era year
        if start and end and not self.errors:
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif (end - start).days > LONGEST_PERIOD_DAYS:
                self.add_error("end", _("Choose a period of at most three years."))
        return cleaned
