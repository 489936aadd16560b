"""What every request shares; each service's own fields live in its catalogue module's model."""

import uuid

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from django_cleanup import cleanup

from base.dates import format_datetime

from .catalogue import IdCardCopy, get_service, service_choices
from .storage import private_storage
from .workflow import RequestStatus, Role


def generated_name(folder, filename):
    """Stored names are generated: what applicants called their files never reaches the disk."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def attachment_upload_to(instance, filename):
    return generated_name("attachments", filename)


def reply_upload_to(instance, filename):
    return generated_name("replies", filename)


class DeidentificationReason(models.TextChoices):
    """Why a kept request no longer says who filed it."""

    ACCOUNT_CLOSED = "account_closed", _("The applicant closed their account")
    RETENTION = "retention", _("Its retention period ended")


# django-cleanup deletes a file field's file after the commit whenever its row is deleted (one by
# one, by a queryset, by a cascade) or the field is given another file: the models below only.
@cleanup.select
class ServiceRequest(models.Model):
    """One request to one e-service, from submission to completion or cancellation."""

    reference = models.CharField(_("reference code"), max_length=24, unique=True, editable=False)
    service_code = models.CharField(_("service"), max_length=4, choices=service_choices, db_index=True)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    # The applicant as they were at submission: a later profile change leaves the request as sent.
    # A de-identified request keeps only a keyed hash of it (accounts.hashing.citizen_id_hash).
    applicant_citizen_id = models.CharField(_("citizen ID"), max_length=64)
    applicant_title = models.CharField(pgettext_lazy("honorific", "title"), max_length=20)
    applicant_first_name = models.CharField(_("first name"), max_length=150)
    applicant_last_name = models.CharField(_("last name"), max_length=150)
    applicant_phone = models.CharField(_("phone"), max_length=10)

    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    # The status's own time: the SLA, the retention period and the reports count from it.
    status_changed_at = models.DateTimeField(_("status changed at"))
    # The time of the request's newest history line (its submission, a move, an officer's message
    # or file, the applicant's edit or correction): the officers' list shows "Last change" from it.
    # Written by the actions that write the history, never read by the SLA.
    last_changed_at = models.DateTimeField(_("last changed at"))
    officer_message = models.TextField(_("message from the officer"), blank=True)
    reply_file = models.FileField(
        _("reply file"), storage=private_storage, upload_to=reply_upload_to, blank=True, max_length=200
    )
    reply_file_name = models.CharField(_("reply file name"), max_length=255, blank=True)
    # One key per rendered form: a double click or a reload cannot create a second request.
    submission_key = models.UUIDField(unique=True, editable=False)
    # Set when the applicant's personal data was removed (service_requests.actions.deidentify_request);
    # the request stays for the office's records and its reports.
    deidentified_at = models.DateTimeField(_("de-identified at"), null=True, blank=True, editable=False)
    deidentified_reason = models.CharField(
        _("why de-identified"),
        max_length=20,
        choices=DeidentificationReason.choices,
        blank=True,
        editable=False,
    )
    # The one officer of the service answerable for the request (actions.assign_request); empty
    # until someone takes it. Changes are kept in AssignmentChange and the audit log.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
        editable=False,
    )

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        # Given to a supervisors' group (Settings → Groups): its members may assign the requests
        # of the services they are officers of to another officer of that service.
        permissions = [("assign_servicerequest", _("Can assign requests to others"))]
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["applicant", "-submitted_at"], name="request_applicant_newest"),
            models.Index(fields=["service_code", "status"], name="request_service_status"),
            models.Index(fields=["status", "-submitted_at"], name="request_status_newest"),
            # The officers' list, newest first: read backwards until a page of their services is
            # found, instead of sorting all of them (issue 12: 234 ms to 0.3 ms with 290,000 requests).
            models.Index(fields=["-submitted_at", "-id"], name="request_newest"),
            # The same for the officers' list sorted by its last change (either way).
            models.Index(fields=["-last_changed_at", "-id"], name="request_last_changed"),
            # The summary report: requests completed in a period.
            models.Index(fields=["status", "status_changed_at"], name="request_status_changed"),
        ]

    def __str__(self):
        return self.reference

    @property
    def applicant_full_name(self):
        return f"{self.applicant_title}{self.applicant_first_name} {self.applicant_last_name}"

    @property
    def service(self):
        return get_service(self.service_code)


class StatusChange(models.Model):
    """One line of a request's history: from, to, by whom, when, and the message."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=16, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=RequestStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_role = models.CharField(_("role"), max_length=16)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.request_id}: {self.from_status or '-'} → {self.to_status}"

    # How a history line reads, the same on the applicant's page, the officers' and the printout.

    @property
    def move_label(self):
        """ "from → to", or the status alone for the submission and for moves that kept it."""
        if self.from_status and self.from_status != self.to_status:
            return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        return self.get_to_status_display()

    @property
    def kept_status_note(self):
        """Why a line kept the status: the applicant's correction or the officer's message."""
        if self.from_status != self.to_status:
            return ""
        if self.actor_role == Role.APPLICANT:
            return _("details corrected")
        return _("message or file from the officer")

    @property
    def actor_name(self):
        return (self.actor.get_full_name() or self.actor.citizen_id) if self.actor else ""

    @property
    def role_label(self):
        return _("officer") if self.actor_role == Role.OFFICER else _("applicant")


class InternalNote(models.Model):
    """A note officers of the service keep about a request among themselves (issue 13).

    Never shown to the applicant: not on their pages, e-mails, printouts, data copy or the status
    check. Only queries.internal_notes_of() reads notes, for the officers' process page. The
    author's name is copied, so the thread still says who wrote a note after the account goes.
    """

    request = models.ForeignKey(
        ServiceRequest,
        verbose_name=_("service request"),
        on_delete=models.CASCADE,
        related_name="internal_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("author's name"), max_length=400)
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["request", "created_at"], name="internal_note_when")]

    def __str__(self):
        return f"{self.request_id}: {self.author_name} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def created_at_display(self):
        """When, as people read it here (Buddhist Era in Thai)."""
        return format_datetime(self.created_at)


class AssignmentChange(models.Model):
    """One change of a request's assignee: from whom to whom, by whom, when. Officers see these
    on the process page beside the status history; the applicant never does."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="assignment_changes")
    from_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("assignment change")
        verbose_name_plural = _("assignment changes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.request_id}: {self.from_assignee_id or '-'} → {self.to_assignee_id or '-'}"

    @property
    def description(self):
        """How the line reads: "took the request", "released it", "assigned to …"."""
        if self.to_assignee_id is not None and self.to_assignee_id == self.actor_id:
            return _("Took the request")
        if self.to_assignee_id is None:
            if self.from_assignee_id is not None and self.from_assignee_id == self.actor_id:
                return _("Released the request")
            return _("Removed the assignee %(name)s") % {"name": officer_name(self.from_assignee)}
        return _("Assigned to %(name)s") % {"name": officer_name(self.to_assignee)}


def officer_name(user) -> str:
    """A staff member as officers read them: the full name, else the citizen ID; "—" for none."""
    if user is None:
        return "—"
    return user.get_full_name().strip() or user.citizen_id


class SlotFile(models.Model):
    """A file of one of the service's attachment slots, as the private storage keeps it."""

    slot = models.CharField(_("slot"), max_length=40)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=attachment_upload_to, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=64)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


@cleanup.select
class Attachment(SlotFile):
    """A file the applicant attached into one of the service's named slots."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [models.UniqueConstraint(fields=["request", "slot"], name="one_attachment_per_slot")]


ID_CARD_COPY_HELP = _(
    "For the services that ask for a copy of the applicant's national ID card: the Electronic "
    "Administration Act B.E. 2565 lets the office verify identity itself instead of asking for a copy. "
    "Requests already filed keep their files."
)


class ServiceAssignment(models.Model):
    """Which group's officers work which e-service; administrators change it in the admin."""

    service_code = models.CharField(_("service"), max_length=4, choices=service_choices, unique=True)
    group = models.ForeignKey(
        Group, verbose_name=_("officer group"), on_delete=models.PROTECT, related_name="+"
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"),
        null=True,
        blank=True,
        help_text=_(
            "How long a completed or cancelled request keeps the applicant's personal data and files, "
            "counted from its closing. Empty: the portal's default."
        ),
    )
    # Read through the catalogue (get_service gives the service with its slots as chosen here).
    id_card_copy = models.CharField(
        _("copy of the national ID card"),
        max_length=16,
        choices=IdCardCopy.choices,
        default=IdCardCopy.REQUIRED,
        help_text=ID_CARD_COPY_HELP,
    )

    class Meta:
        verbose_name = _("service assignment")
        verbose_name_plural = _("service assignments")

    def __str__(self):
        return f"{self.get_service_code_display()} → {self.group}"

    @property
    def retention_period_display(self):
        """The period the retention job applies, as the list of assignments shows it: the
        administrator's own, or the portal's default said as such ("3,650 days (default)")."""
        if self.retention_days is not None:
            return period_display(self.retention_days)
        return period_display(settings.REQUEST_RETENTION_DAYS, is_default=True)


def days_display(days: int) -> str:
    return ngettext("%(count)s day", "%(count)s days", days) % {
        "count": number_format(days, force_grouping=True)
    }


def period_display(days: int, *, is_default: bool = False) -> str:
    """A retention period as people think of it: in years when it is a whole number of 365-day
    years, with the days the job counts ("10 ปี (3,650 วัน)"), else in days; `is_default`: the
    portal's REQUEST_RETENTION_DAYS, said as such."""
    years, rest = divmod(days, 365)
    if years and not rest:
        values = {
            "years": ngettext("%(count)s year", "%(count)s years", years) % {"count": years},
            "days": days_display(days),
        }
        if is_default:
            return _("%(years)s (%(days)s, default)") % values
        return _("%(years)s (%(days)s)") % values
    if is_default:
        return _("%(days)s (default)") % {"days": days_display(days)}
    return days_display(days)


class RetentionRun(models.Model):
    """One run of the retention job (manage.py apply_retention): when, and how much it removed.
    Its audit-log entry hangs on this row."""

    ran_at = models.DateTimeField(_("ran at"))
    counts = models.JSONField(_("counts"), default=dict)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-ran_at"]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.ran_at:%Y-%m-%d %H:%M}"


class StatusLookup(models.Model):
    """One public status lookup, kept for the rate limit only: the address is stored as a keyed
    hash, never in clear, and rows older than the window are deleted as new ones arrive."""

    client_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("status lookup")

    def __str__(self):
        return f"{self.client_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"


class AccessKind(models.TextChoices):
    """What an officer did with a request's personal data (RequestAccess.kind)."""

    VIEWED = "viewed", _("viewed the request")
    ATTACHMENT = "attachment", _("downloaded an attachment")
    REPLY_FILE = "reply_file", _("downloaded the reply file")
    PRINTED = "printed", _("printed the request")
    BUNDLED = "bundled", _("printed the request with its attachments")
    EXPORTED = "exported", _("exported it in a list of requests")
    SEARCHED = "searched", _("found it by searching a citizen ID")


class RequestAccess(models.Model):
    """One staff read of a request's personal data: who (as they were then), what, when.

    Written only by actions.record_staff_accesses, from the views that hand the data out
    (access_record.RecordsStaffAccess); the applicant's own reads are not recorded. The officer's
    name and groups are copied, so that the record still says who it was after the account or
    its groups change; the row stays with its request for as long as the request is kept.
    """

    request = models.ForeignKey(
        ServiceRequest, verbose_name=_("service request"), on_delete=models.CASCADE, related_name="accesses"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    officer_name = models.CharField(_("officer's name"), max_length=400)
    officer_groups = models.CharField(_("officer's groups"), max_length=500, blank=True)
    officer_was_administrator = models.BooleanField(_("administrator"), default=False)
    kind = models.CharField(_("access"), max_length=16, choices=AccessKind.choices)
    # The attachment's slot name, the page viewed ("process", "history", "cancel") or the export's
    # format ("csv", "xlsx"); list_size: how many requests the exported list held.
    detail = models.CharField(_("detail"), max_length=60, blank=True)
    list_size = models.PositiveIntegerField(_("requests in the list"), null=True, blank=True)
    accessed_at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        verbose_name = _("access to a request")
        verbose_name_plural = _("access record")
        ordering = ["accessed_at", "id"]
        indexes = [models.Index(fields=["request", "accessed_at"], name="request_access_when")]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.request_id}: {self.kind} by {self.officer_name} at {self.accessed_at:%Y-%m-%d %H:%M}"

    @property
    def description(self):
        """What the officer did, in the reader's language: "downloaded an attachment: ID-card copy"."""
        label = self.get_kind_display()
        if self.kind == AccessKind.VIEWED:
            page = VIEWED_PAGES.get(self.detail)
            return f"{label} ({page})" if page else label
        if self.kind == AccessKind.ATTACHMENT:
            slots = self.request.service.slot_labels()
            return f"{label}: {slots.get(self.detail, self.detail)}" if self.detail else label
        if self.kind == AccessKind.EXPORTED:
            count = self.list_size or 0
            return ngettext(
                "exported it in a list of %(count)s request (%(format)s)",
                "exported it in a list of %(count)s requests (%(format)s)",
                count,
            ) % {"count": count, "format": self.detail.upper()}
        return label

    @property
    def accessed_at_display(self):
        """When, as people read it here (Buddhist Era in Thai)."""
        return format_datetime(self.accessed_at)

    @property
    def officer_groups_label(self):
        """The officer's groups then; "administrator" for a superuser outside any group."""
        if self.officer_groups:
            return self.officer_groups
        return _("administrator") if self.officer_was_administrator else ""


VIEWED_PAGES = {
    "process": _("process page"),
    "history": _("history"),
    "cancel": _("cancel page"),
}


class CorrectionRound(models.Model):
    """One return for correction and the applicant's answer to it: the fields and attachment
    slots the officer marked (items), what the request held when returned (`before`) and when
    sent back (`after`), the applicant's reply, and the files their corrections replaced.

    Written only by actions.move_request (opening it) and actions.edit_request (closing it); shown
    only to the request's applicant and the officers of its service.
    `before`/`after`: {key: {"label": ..., "value": ...}} (service_requests.corrections.snapshot).
    """

    request = models.ForeignKey(
        ServiceRequest,
        verbose_name=_("service request"),
        on_delete=models.CASCADE,
        related_name="correction_rounds",
    )
    returned_at = models.DateTimeField(_("returned at"))
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message from the officer"), blank=True)
    before = models.JSONField(_("as returned"), default=dict, blank=True)
    after = models.JSONField(_("as sent back"), default=dict, blank=True)
    reply = models.TextField(_("message to the officer"), blank=True)
    resubmitted_at = models.DateTimeField(_("sent back at"), null=True, blank=True)

    class Meta:
        verbose_name = _("correction round")
        verbose_name_plural = _("correction rounds")
        ordering = ["returned_at", "id"]

    def __str__(self):
        return f"{self.request_id}: {self.returned_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.resubmitted_at is None


class CorrectionItem(models.Model):
    """One field or attachment slot the officer marked for correction, with their note. `key`
    is the form's name of it ("details-school", "files-order_letter"), which is also its id."""

    round = models.ForeignKey(CorrectionRound, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(_("field"), max_length=100)
    label = models.CharField(_("label"), max_length=255)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("field to correct")
        verbose_name_plural = _("fields to correct")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["round", "key"], name="one_item_per_field_and_round")]

    def __str__(self):
        return self.key

    @property
    def anchor(self):
        """The id of the field on the applicant's form."""
        return f"id_{self.key}"


@cleanup.select
class ReplacedAttachment(SlotFile):
    """A file the applicant's correction replaced, kept so that officers can compare both."""

    round = models.ForeignKey(CorrectionRound, on_delete=models.CASCADE, related_name="replaced_files")

    class Meta:
        verbose_name = _("replaced attachment")
        verbose_name_plural = _("replaced attachments")
        ordering = ["id"]
