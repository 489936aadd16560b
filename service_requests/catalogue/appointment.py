"""32 นัดหมาย: an appointment to meet the director or a deputy, on a working day in office hours.

An executive cannot have two accepted appointments (in progress or completed) at the same time;
submitted ones do not block. The same guarantee as rooms: a check in the transaction, and on
PostgreSQL an exclusion constraint over the executive and the time range of accepted ones.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from base.working_days import add_working_days, is_working_day

from ..availability import CalendarSource, times_of
from ..date_fields import IsoDateField, IsoTimeField
from ..details import DetailsForm, RequestDetails
from ..workflow import CONFIRMED
from . import groups
from .base import AttachmentSlot, EService
from .common import OTHER_DOCUMENT_1, OTHER_DOCUMENT_2, TOO_FAR_AHEAD, too_far_ahead

APPOINTMENT_LENGTH = datetime.timedelta(minutes=30)
# Government office hours (เวลาราชการ); the last appointment ends when the office closes.
OFFICE_OPENS = datetime.time(8, 30)
OFFICE_CLOSES = datetime.time(16, 30)


class Executive(models.Model):
    """An executive who takes appointments (the director, the deputies), kept by administrators."""

    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("executive")
        verbose_name_plural = _("executives")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.position})"


class AppointmentDetails(RequestDetails):
    """ขอนัดหมายเพื่อเข้าพบผู้บริหาร: who comes, about what, to meet whom, when."""

    visitor = models.CharField(_("visitor's name / group / organisation"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255)
    executive = models.ForeignKey(
        Executive, verbose_name=_("executive to meet"), on_delete=models.PROTECT, related_name="appointments"
    )
    starts_at = models.DateTimeField(_("date and time"))
    ends_at = models.DateTimeField(_("until"), editable=False)
    # True while an officer has accepted it (in progress or completed): only these block the time.
    accepted = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("appointment details")
        verbose_name_plural = _("appointment details")
        indexes = [models.Index(fields=["executive", "starts_at"], name="appointment_executive_start")]

    internal_fields = ("ends_at", "accepted")
    personal_fields = ("visitor", "subject")
    conflict_message = _("The executive already has an appointment at that time. Please choose another time.")
    conflict_field = "date"

    def validate_for_request(self):
        starts = timezone.localtime(self.starts_at)
        ends = starts + APPOINTMENT_LENGTH
        if self.starts_at <= timezone.now():
            raise ValidationError({"date": _("The appointment cannot be in the past.")})
        if too_far_ahead(self.starts_at):
            raise ValidationError({"date": TOO_FAR_AHEAD})
        if not is_working_day(starts.date()):
            raise ValidationError(
                {"date": _("Executives meet visitors on working days only: not at weekends or on holidays.")}
            )
        if starts.time() < OFFICE_OPENS or ends.time() > OFFICE_CLOSES or ends.date() != starts.date():
            raise ValidationError(
                {
                    "time": _(
                        "Please choose a time in office hours: appointments start from 08:30, the last at 16:00."
                    )
                }
            )
        self.ends_at = ends
        if self.clashing().exists():
            raise ValidationError({self.conflict_field: self.conflict_message})

    def check_conflicts(self):
        """On acceptance: no other accepted appointment of the executive may share the time."""
        self.ends_at = self.starts_at + APPOINTMENT_LENGTH
        if self.accepted and self.clashing().exists():
            raise ValidationError({self.conflict_field: self.conflict_message})

    @classmethod
    def taking(cls, executive_id, *, starts, ends):
        """The executive's accepted appointments that share some of [starts, ends)."""
        return cls.objects.filter(
            executive_id=executive_id, accepted=True, starts_at__lt=ends, ends_at__gt=starts
        )

    def clashing(self):
        """The other accepted appointments this one would clash with."""
        return self.taking(self.executive_id, starts=self.starts_at, ends=self.ends_at).exclude(
            request_id=self.request_id
        )

    def on_status_change(self, status):
        self.accepted = status in CONFIRMED

    def calendar_event(self, *, office_address):
        return {
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "summary": _("Appointment with %(executive)s: %(subject)s")
            % {"executive": self.executive.name, "subject": self.subject},
            "location": office_address,
        }


class AppointmentForm(DetailsForm):
    date = IsoDateField(label=_("Appointment date"))
    time = IsoTimeField(label=_("Time"))

    class Meta:
        model = AppointmentDetails
        fields = ["visitor", "subject", "executive"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["executive"].queryset = Executive.objects.filter(is_active=True)
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            self.initial.update(date=starts.date(), time=starts.time())

    def details_data(self):
        data = super().details_data()
        data["starts_at"] = timezone.make_aware(
            datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        )
        return data

    @classmethod
    def posted_data(cls, details):
        details = dict(details)
        starts = timezone.localtime(details.pop("starts_at"))
        details.pop("ends_at", None)
        return super().posted_data(details) | {
            "date": starts.date().isoformat(),
            "time": starts.strftime("%H:%M"),
        }


CALENDAR = CalendarSource(
    resource_param="executive",
    date_field="date",
    heading=_("The executive's confirmed appointments"),
    intro=_("Appointments the office has confirmed are listed below; please choose another time."),
    resource_label=_("Executive"),
    taken_label=_("Appointment"),
    resources=lambda: Executive.objects.filter(is_active=True),
    taken_times=lambda executive_id, *, starts, ends: times_of(
        AppointmentDetails.taking(executive_id, starts=starts, ends=ends)
    ),
    public=False,
)


def sample_details(variant=0):
    """A visit to the demo's director at 10:00 on the (variant + 1)-th working day ahead."""
    executive = Executive.objects.get_or_create(
        name="นายประเสริฐ บุญมา", defaults={"position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"}
    )[0]
    day = add_working_days(timezone.localdate(), variant + 1)
    return {
        "visitor": "คณะครูโรงเรียนบ้านหนองบัว",
        "subject": "ขอคำปรึกษาเรื่องโครงการโรงเรียนคุณภาพ",
        "executive": executive,
        "starts_at": timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))),
    }


SERVICE = EService(
    code="32",
    slug="appointment",
    name=_("Appointment with executives"),
    form_title=_("Appointment request to meet the executives"),
    officer_group=groups.DIRECTOR_OFFICE,
    details_form=AppointmentForm,
    kept_lists=("service_requests.Executive",),
    icon='<rect x="3" y="4.5" width="18" height="16" rx="2"/><path d="M3 9.5h18M8 2.5v4M16 2.5v4"/><path d="M8.5 15l2.3 2.3 4.7-4.8"/>',
    calendar=CALENDAR,
    admin_viewsets=(
        "service_requests.catalogue.appointment_admin.ExecutiveViewSet",
        "service_requests.catalogue.appointment_admin.ExecutiveAppointmentsViewSet",
    ),
    sample_details=sample_details,
    attachment_slots=(
        AttachmentSlot("official_letter", _("Related official letter")),
        OTHER_DOCUMENT_1,
        OTHER_DOCUMENT_2,
    ),
)
