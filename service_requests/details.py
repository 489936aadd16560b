"""The shape every service's own-fields model takes: one row per request, shown field by field,
with the hooks through which a service adds its own rules to the shared workflow."""

import copy
import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.forms.models import ModelFormMetaclass
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from base.dates import format_date, format_datetime

from .date_fields import formfield_for
from .workflow import INITIAL


def display_value(value):
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


class RequestDetails(models.Model):
    """Abstract: a service's own fields for one request (linked one-to-one).

    service_requests.actions calls the hooks below inside its transactions; a service overrides
    the ones it needs (rooms and appointments: conflicts; orders: prices and lines).
    """

    request = models.OneToOneField(
        "service_requests.ServiceRequest", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    # What to tell the applicant when the database refuses a conflicting row (PostgreSQL's
    # exclusion constraints), and on which form field.
    conflict_message = None
    conflict_field = None
    # Bookkeeping fields that applicants and officers need not read.
    internal_fields = ()
    # A template that shows this service's fields better than the generic (label, value) list,
    # e.g. an order's price table; rendered with `record` (this row) on detail, print and process
    # pages. None: the generic list of rows().
    details_template = None
    # The field holding an e-mail address the service's form asks for: that request's e-mails go
    # there too, besides the account's address. None: the form asks for none.
    notification_email_field = None
    # The fields that say something about a person (names, addresses, birth date, e-mail, work,
    # pay, free text): emptied when the request is de-identified (erase_personal_data()); what
    # the office counts (the kind of request, the room, the time, the amounts ordered) stays.
    personal_fields = ()

    class Meta:
        abstract = True

    def __str__(self):
        # Says which request, where Wagtail lists what refers to a room or an executive.
        return _("%(details)s of request %(reference)s") % {
            "details": capfirst(self._meta.verbose_name),
            "reference": self.request.reference,
        }

    @classmethod
    def create_for(cls, service_request, data):
        details = cls._new(data, request=service_request, status=service_request.status)
        details.validate_for_request()
        # A new row: its key is the request's, so a plain save() would try an UPDATE first.
        details.save(force_insert=True)
        return details

    def update_from(self, data):
        self._take(data)
        self.validate_for_request()
        self.save()

    @classmethod
    def check_answers(cls, data, *, current=None):
        """Run the service's rules on what an applicant sends (`current`: the row of the request
        being edited), on a row that is not saved; raise ValidationError as they do. The request's
        forms call it as soon as this service's own fields are valid, so its errors show with the
        contact's and the files' ones and the applicant picks their files again at most once;
        create_for()/update_from() run the same rules again inside the actions' transactions."""
        if current is None:
            details = cls._new(data, request=None, status=INITIAL)
        else:
            details = copy.copy(current)
            details._take(data)
        details.validate_for_request()

    @classmethod
    def _new(cls, data, *, request, status):
        details = cls(request=request, **data)
        details.on_status_change(status)
        return details

    def _take(self, data):
        for name, value in data.items():
            setattr(self, name, value)

    def amount_due(self):
        """What the applicant pays for this request (a Decimal in baht), or None: nothing to pay.
        Apps above the core (payments) ask it through EService.amount_due()."""
        return None

    @classmethod
    def initial_for(cls, user) -> dict:
        """What a new request's form starts with for this applicant (e.g. an order's delivery
        address from their last order): {field name: value}."""
        return {}

    def validate_for_request(self):
        """The service's rules for what an applicant sends; raise ValidationError({field: msg})."""

    def check_conflicts(self):
        """Called after a change of status: refuse what would now clash with other requests."""

    def on_status_change(self, status):
        """Keep fields that depend on the request's status (e.g. 'holds its slot') in step."""

    def notification_email(self) -> str:
        """The address this request's own form gave for its notifications, or ""."""
        if self.notification_email_field is None:
            return ""
        return getattr(self, self.notification_email_field) or ""

    def own_answers(self) -> dict:
        """What the applicant answered beyond this model's fields, by name (a configured
        service's form): a copy of the applicant's data holds it too. None here."""
        return {}

    def calendar_event(self, *, office_address: str) -> dict | None:
        """What the applicant's calendar file of this request says: {starts_at, ends_at,
        summary, location}. None: the service offers no calendar file."""
        return None

    def erase_personal_data(self):
        """Empty every personal field (the caller saves): text becomes "", a nullable field None,
        a number 0, a box unticked. A service with more to erase (e.g. rows of its own) extends it."""
        for name in self.personal_fields:
            setattr(self, name, self.erased_value(self._meta.get_field(name)))

    @classmethod
    def erased_value(cls, field):
        if field.null:
            return None
        if isinstance(field, (models.CharField, models.TextField)):
            return ""
        if isinstance(field, models.BooleanField):
            return False
        if isinstance(field, (models.DecimalField, models.IntegerField, models.FloatField)):
            return 0
        raise ImproperlyConfigured(f"{cls.__name__}.{field.name} cannot be erased: make it null=True.")

    @classmethod
    def export_fields(cls):
        """The fields an officers' export of this service's requests adds as columns (after the
        shared ones), in the model's order: every field but the link and the bookkeeping ones. A
        service wanting other columns overrides it."""
        return [
            field
            for field in cls._meta.concrete_fields
            if field.name != "request" and field.name not in cls.internal_fields
        ]

    @classmethod
    def export_columns(cls) -> list[tuple[str, object]]:
        """(heading, value of a details row) for each of export_fields(): a choice's label, a
        related row's name, yes or no; numbers, amounts and dates as they are (the spreadsheet
        formats them). Labels are looked up once for the whole export."""
        return [(capfirst(field.verbose_name), cls._exported_value(field)) for field in cls.export_fields()]

    @staticmethod
    def _exported_value(field):
        if field.choices:
            labels = {value: str(label) for value, label in field.flatchoices}
            return lambda details: labels.get(
                getattr(details, field.attname), getattr(details, field.attname)
            )
        if field.is_relation:
            return (
                lambda details: ""
                if getattr(details, field.attname) is None
                else str(getattr(details, field.name))
            )
        if isinstance(field, models.BooleanField):
            yes, no = _("Yes"), _("No")
            return lambda details: yes if getattr(details, field.attname) else no
        return lambda details: getattr(details, field.attname)

    def rows(self):
        """(label, value) for each field, in the form's order, for detail pages and printouts."""
        result = []
        for field in self._meta.concrete_fields:
            if field.name == "request" or field.name in self.internal_fields:
                continue
            value = getattr(self, field.name)
            if field.choices:
                value = getattr(self, f"get_{field.name}_display")()
            result.append((field.verbose_name, display_value(value)))
        return result


class DetailsFormMetaclass(ModelFormMetaclass):
    """Gives every service's form the shared date and time fields for its model's ones (ISO boxes,
    the Buddhist Era check) without each module's Meta having to ask for them."""

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = formfield_for
        return super().__new__(mcs, name, bases, attrs)


class DetailsForm(forms.ModelForm, metaclass=DetailsFormMetaclass):
    """Base of the services' forms: details_data() gives the model's fields for the actions.

    Date and time fields a service declares itself are the shared ones of date_fields.
    """

    # A template that lays out this form's fields (rendered with `form`) instead of the generic
    # grid of fields, e.g. the order form's price table. None: the generic grid.
    fields_template = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email_field = self._meta.model.notification_email_field
        if email_field in self.fields:
            self.fields[email_field].help_text = _(
                "We send news of this request's progress here, as well as to your account's e-mail."
            )

    def details_data(self):
        names = {field.name for field in self._meta.model._meta.concrete_fields}
        return {name: value for name, value in self.cleaned_data.items() if name in names}

    @classmethod
    def posted_data(cls, details: dict) -> dict:
        """The inverse of details_data(): what a browser posts (without prefix) for these cleaned
        details, for tests and the demo. Forms with fields of their own override it."""
        posted = {}
        for name, value in details.items():
            if isinstance(value, models.Model):
                posted[name] = str(value.pk)
            elif isinstance(value, bool):
                if value:  # an unticked checkbox is not posted at all
                    posted[name] = "on"
            elif value is None:
                posted[name] = ""
            elif isinstance(value, datetime.date):
                posted[name] = value.isoformat()
            else:
                posted[name] = str(value)
        return posted
