"""12 หนังสือรับรอง: a certificate letter (conduct, salary, employment, ...)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import PersonnelType

from ..details import DetailsForm, RequestDetails
from . import groups
from .base import AttachmentSlot, EService
from .common import ID_CARD_COPY, OFFICER_TYPES, OTHER_DOCUMENT_1


class CertificateKind(models.TextChoices):
    CONDUCT = "conduct", _("Certificate of conduct")
    SALARY = "salary", _("Salary certificate")
    EMPLOYMENT = "employment", _("Employment certificate")
    OTHER = "other", _("Other")


class CertificateDetails(RequestDetails):
    """คำขอหนังสือรับรอง: the manual's fields for a certificate letter."""

    officer_type = models.CharField(_("officer type"), max_length=32, choices=OFFICER_TYPES)
    work_unit = models.CharField(_("work group / school"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    academic_standing = models.CharField(_("academic standing / rank / level"), max_length=100)
    salary = models.DecimalField(_("salary (baht)"), max_digits=10, decimal_places=2)
    academic_allowance = models.DecimalField(
        _("academic standing allowance (baht)"), max_digits=10, decimal_places=2, default=0
    )
    compensation = models.DecimalField(_("compensation (baht)"), max_digits=10, decimal_places=2, default=0)
    certificate_kind = models.CharField(
        _("certificate wanted"), max_length=16, choices=CertificateKind.choices
    )
    certificate_other = models.CharField(_("other certificate"), max_length=255, blank=True)
    purpose = models.CharField(_("to be used for"), max_length=255)

    personal_fields = (
        "work_unit",
        "position",
        "academic_standing",
        "salary",
        "academic_allowance",
        "compensation",
        "certificate_other",
        "purpose",
    )

    class Meta:
        verbose_name = _("certificate request details")
        verbose_name_plural = _("certificate request details")

    def validate_for_request(self):
        errors = {
            name: _("The amount cannot be negative.")
            for name in ("salary", "academic_allowance", "compensation")
            if getattr(self, name) is not None and getattr(self, name) < 0
        }
        if self.certificate_kind == CertificateKind.OTHER and not self.certificate_other:
            errors["certificate_other"] = _("Please say which certificate you need.")
        if errors:
            raise ValidationError(errors)


class CertificateForm(DetailsForm):
    class Meta:
        model = CertificateDetails
        fields = [
            "officer_type",
            "work_unit",
            "position",
            "academic_standing",
            "salary",
            "academic_allowance",
            "compensation",
            "certificate_kind",
            "certificate_other",
            "purpose",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("salary", "academic_allowance", "compensation"):
            self.fields[name].widget.attrs.update({"min": "0", "step": "0.01", "inputmode": "decimal"})


def sample_details(variant=0):
    """A salary certificate for a bank loan."""
    return {
        "officer_type": PersonnelType.TEACHER,
        "work_unit": "โรงเรียนบ้านหนองบัว",
        "position": "ครู",
        "academic_standing": "ชำนาญการ คศ.2",
        "salary": Decimal("32150.00"),
        "academic_allowance": Decimal("3500.00"),
        "compensation": Decimal("0.00"),
        "certificate_kind": "salary",
        "certificate_other": "",
        "purpose": "ประกอบการขอสินเชื่อธนาคารออมสิน",
    }


SERVICE = EService(
    code="12",
    slug="certificate",
    name=_("Certificate letter"),
    form_title=_("Application for a certificate letter"),
    officer_group=groups.PERSONNEL,
    details_form=CertificateForm,
    attachment_slots=(
        ID_CARD_COPY,
        AttachmentSlot("last_payslip", _("Copy of the last pay slip")),
        OTHER_DOCUMENT_1,
    ),
    icon=(
        '<path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21H11"/><path d="M14 3l5 5v2.5"/>'
        '<path d="M14 3v5h5M8 9h3M8 12.5h6"/><circle cx="16.5" cy="15.5" r="2.8"/>'
        '<path d="M15 18l-.8 3.5 2.3-1.2 2.3 1.2L18 18"/>'
    ),
    sample_details=sample_details,
)
