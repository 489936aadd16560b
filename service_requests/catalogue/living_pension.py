"""21 บำเหน็จดำรงชีพ: the living-pension lump sum."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..details import DetailsForm, RequestDetails
from . import groups
from .base import EService
from .common import ID_CARD_COPY, OTHER_DOCUMENT_1, OTHER_DOCUMENT_2


class LivingPensionDetails(RequestDetails):
    """การยื่นขอบำเหน็จดำรงชีพ: contact e-mail and whether the pension guarantees a loan."""

    email = models.EmailField(_("email"))
    pledged = models.BooleanField(_("the pension is pledged as a loan guarantee"), default=False)
    pledged_amount = models.DecimalField(
        _("pledged amount (baht)"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    notification_email_field = "email"
    personal_fields = ("email", "pledged_amount")

    class Meta:
        verbose_name = _("living pension request details")
        verbose_name_plural = _("living pension request details")

    def validate_for_request(self):
        if self.pledged and not self.pledged_amount:
            raise ValidationError({"pledged_amount": _("Please give the pledged amount.")})
        if not self.pledged and self.pledged_amount:
            raise ValidationError(
                {"pledged_amount": _("Leave the amount empty when the pension is not pledged.")}
            )
        if self.pledged_amount is not None and self.pledged_amount < 0:
            raise ValidationError({"pledged_amount": _("The amount cannot be negative.")})


class LivingPensionForm(DetailsForm):
    # The amount shows only while the "pledged" box is ticked.
    fields_template = "service_requests/forms/living_pension.html"

    class Meta:
        model = LivingPensionDetails
        fields = ["email", "pledged", "pledged_amount"]
        widgets = {
            "pledged_amount": forms.NumberInput(attrs={"min": "0", "step": "0.01", "inputmode": "decimal"})
        }


def sample_details(variant=0):
    """An application without a pledge, with the e-mail address the form asks for."""
    return {"email": "wilaiwan.s@example.go.th", "pledged": False, "pledged_amount": None}


SERVICE = EService(
    code="21",
    slug="living-pension",
    name=_("Living pension"),
    form_title=_("Application for the living pension lump sum"),
    officer_group=groups.FINANCE,
    details_form=LivingPensionForm,
    attachment_slots=(ID_CARD_COPY, OTHER_DOCUMENT_1, OTHER_DOCUMENT_2),
    icon=(
        '<ellipse cx="9" cy="6.5" rx="6" ry="2.5"/><path d="M3 6.5v4c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5v-4"/>'
        '<path d="M3 10.5v4c0 1.4 2.7 2.5 6 2.5 1 0 1.9-.1 2.7-.3"/><circle cx="17" cy="16" r="4.5"/>'
        '<path d="M17 13.8v4.4M15.6 15h2.1a.9.9 0 0 1 0 1.8h-1.4a.9.9 0 0 0 0 1.8h2.1"/>'
    ),
    sample_details=sample_details,
)
