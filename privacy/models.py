"""A copy of an applicant's data (PDPA §30, §31): one ZIP built in the background, kept 24 hours."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from service_requests.storage import private_storage

# How long a finished ZIP may be downloaded; after that its file is deleted.
EXPORT_LIFETIME = timedelta(hours=24)


def export_upload_to(instance, filename):
    return f"exports/{uuid.uuid4().hex}.zip"


class DataExport(models.Model):
    """One request for a copy of the applicant's data, from the queue to the ready ZIP."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    # The download's address: not guessable, and only its applicant's anyway (queries).
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    requests_done = models.PositiveIntegerField(_("requests done"), default=0)
    requests_total = models.PositiveIntegerField(_("requests in all"), default=0)
    created_at = models.DateTimeField(_("requested at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=export_upload_to, blank=True, max_length=200
    )
    size = models.PositiveBigIntegerField(_("size"), default=0)
    # The portal's address as the applicant's browser saw it: the printouts' QR codes link there.
    base_url = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("copy of personal data")
        verbose_name_plural = _("copies of personal data")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["applicant", "-created_at"], name="export_applicant_newest")]

    def __str__(self):
        # No name: this is the label the audit log keeps, and it outlives a deleted account.
        return f"{self._meta.verbose_name} {self.pk}"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)
