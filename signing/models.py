"""What the office issued signed: one row per signed PDF, found by the code in its QR stamp.

It names no person: the request's reference code, the office, the kind and the time are all
/verify/ shows. The row stays when the request is de-identified (its kept file is deleted)."""

import secrets
import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from django_cleanup import cleanup


def private_storage():
    """The private storage (no URL): a kept printout holds the applicant's personal data."""
    return storages["private"]


def signed_upload_to(instance, filename):
    return f"signed/{uuid.uuid4().hex}.pdf"


def new_code() -> str:
    """16 URL-safe characters (96 random bits): not guessable, short enough for a QR code."""
    return secrets.token_urlsafe(12)


class DocumentKind(models.TextChoices):
    REPLY_FILE = "reply_file", _("reply document")
    PRINTOUT = "printout", _("request printout")


@cleanup.select
class IssuedDocument(models.Model):
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_code, editable=False
    )
    kind = models.CharField(_("document type"), max_length=20, choices=DocumentKind.choices)
    # The request's reference code (not personal data); no key, so this app stays below requests.
    reference = models.CharField(_("reference code"), max_length=64, db_index=True)
    office_name = models.CharField(_("office"), max_length=255)
    issued_at = models.DateTimeField(_("issued at"))
    sha256 = models.CharField(_("SHA-256 of the signed file"), max_length=64)
    certificate_fingerprint = models.CharField(_("certificate fingerprint (SHA-256)"), max_length=64)
    certificate_subject = models.CharField(_("certificate subject"), max_length=500)
    # The signed printout, kept so every download is the same document (reply files are kept by
    # the request itself).
    file = models.FileField(
        _("signed file"), storage=private_storage, upload_to=signed_upload_to, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference} ({self.code})"


class VerificationAttempt(models.Model):
    """One upload to /verify/, kept for its per-address limit only: the address as a keyed hash,
    deleted once older than the window (actions.record_verification_attempt)."""

    client_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("document check")

    def __str__(self):
        return f"{self.client_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"
