"""Issuing a signed PDF and checking one against what was issued: each one function, with its
entry in Wagtail's audit log (no personal data: the reference code, the kind, the outcome)."""

import hashlib
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from base.client_address import address_hash
from base.links import absolute_url

from . import credentials, queries
from .models import DocumentKind, IssuedDocument, VerificationAttempt, new_code
from .signatures import check_signature, sign_pdf
from .stamp import render_stamp, stamped


class Outcome(models.TextChoices):
    """What /verify/ says of an uploaded file."""

    GENUINE = "genuine", _("the document issued, unchanged")
    OTHER_DOCUMENT = "other_document", _("another document signed by the office")
    ALTERED = "altered", _("altered, or not a document the office issued")


def verify_url(code: str, *, base_url: str | None = None) -> str:
    with translation.override("th"):
        path = reverse("signing:verify", args=[code])
    return absolute_url(path, base_url=base_url)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@transaction.atomic
def issue_signed_pdf(
    *, pdf: bytes, kind, reference: str, actor, keep: bool = False, base_url: str | None = None
) -> tuple[bytes, IssuedDocument]:
    """Stamp `pdf` with the QR code of its /verify/ page, sign it with the office's certificate
    and record it. `keep`: store the signed file too (printouts, served again unchanged).

    Raises credentials.SigningUnavailable when no certificate can sign (never in production,
    which refuses to start without one)."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied
    kind = DocumentKind(kind)
    found = credentials.credentials()
    office = queries.office_name()
    code = new_code()
    with_stamp = stamped(
        pdf, stamp=render_stamp(office_name=office, verify_url=verify_url(code, base_url=base_url))
    )
    signed = sign_pdf(
        with_stamp,
        credentials=found,
        reason=f"เอกสารที่ {office} ออกให้ (คำขอ {reference})",
        location=office,
    )
    document = IssuedDocument(
        code=code,
        kind=kind,
        reference=reference,
        office_name=office,
        issued_at=timezone.now(),
        sha256=sha256(signed),
        certificate_fingerprint=found.fingerprint,
        certificate_subject=found.subject[:500],
    )
    if keep:
        document.file.save(f"{code}.pdf", ContentFile(signed), save=False)
    try:
        document.save()
    except BaseException:
        if keep:
            document.file.delete(save=False)
        raise
    log(
        instance=document,
        action="signing.issue",
        user=actor,
        data={"kind": kind.value, "reference": reference, "sha256": document.sha256},
    )
    return signed, document


@transaction.atomic
def verify_document(*, document: IssuedDocument, uploaded_bytes: bytes, actor=None) -> Outcome:
    """Whether `uploaded_bytes` is the very document issued as `document`, unchanged: its
    signature intact, valid and trusted (SIGNING_TRUST_ROOTS) over the whole file, and its
    SHA-256 the one recorded. Anyone may ask; the check is audit-logged without the file or who."""
    check = check_signature(uploaded_bytes, trust_roots=credentials.credentials().trust_roots)
    if check.genuine and sha256(uploaded_bytes) == document.sha256:
        outcome = Outcome.GENUINE
    elif check.genuine:
        outcome = Outcome.OTHER_DOCUMENT
    else:
        outcome = Outcome.ALTERED
    log(
        instance=document,
        action="signing.verify",
        user=actor if actor is not None and actor.is_authenticated else None,
        data={"outcome": outcome.value, "signature": check.summary},
    )
    return outcome


# Each check reads and validates a PDF of up to 5 MB: a modest allowance per address.
VERIFICATIONS_PER_WINDOW = 20
VERIFICATION_WINDOW = timedelta(minutes=10)


@transaction.atomic
def record_verification_attempt(*, client_address: str) -> bool:
    """Count one upload to /verify/ from this address; False once it is over its allowance.
    As the status check's limit: in the database, the address only as a keyed hash, rows older
    than the window deleted as new ones arrive."""
    now = timezone.now()
    VerificationAttempt.objects.filter(created_at__lt=now - VERIFICATION_WINDOW).delete()
    client_hash = address_hash(client_address)
    if VerificationAttempt.objects.filter(client_hash=client_hash).count() >= VERIFICATIONS_PER_WINDOW:
        return False
    VerificationAttempt.objects.create(client_hash=client_hash, created_at=now)
    return True


@transaction.atomic
def forget_kept_files(*, reference: str) -> int:
    """Delete the kept signed files of a request (they hold its applicant's personal data) when it
    is de-identified; the records stay, so /verify/ still tells what was issued. Returns how many."""
    documents = list(IssuedDocument.objects.select_for_update().filter(reference=reference).exclude(file=""))
    for document in documents:
        document.file = ""
        document.save(update_fields=["file"])  # django-cleanup deletes the file after the commit
    if documents:
        log(instance=documents[0], action="signing.forget_files", user=None, data={"files": len(documents)})
    return len(documents)
