"""11 บัตรข้าราชการ: a new or replacement government officer ID card."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PersonnelType

from ..details import DetailsForm, RequestDetails, display_value
from . import groups
from .base import EService
from .common import ID_CARD_COPY, OFFICER_TYPES, OTHER_DOCUMENT_1, OTHER_DOCUMENT_2

# An address as the house registration (ทะเบียนบ้าน) gives it fits easily; the cap keeps a pasted
# page of text off the card and the printout.
ADDRESS_LENGTH = 500
# Names on the card in English: Latin letters, with the spaces, hyphens, apostrophes and dots
# names have ("Na Ayutthaya", "Sri-Ngam").
ENGLISH_NAME = re.compile(r"[A-Za-z]+(?:[ .'-]+[A-Za-z]+)*\.?")
OFFICER_AGES = range(18, 121)


class BloodGroup(models.TextChoices):
    A = "A", "A"
    B = "B", "B"
    AB = "AB", "AB"
    O = "O", "O"  # noqa: E741 - the blood group's name


class CardReason(models.TextChoices):
    FIRST_CARD = "first", _("First card")
    EXPIRED = "expired", _("The card has expired")
    LOST = "lost", _("Lost or destroyed")
    DAMAGED = "damaged", _("Damaged")
    NEW_POSITION = "position", _("Change of position or level")
    NEW_NAME = "name", _("Change of first name or surname")
    OTHER = "other", _("Other")


class IdCardDetails(RequestDetails):
    """คำขอมีบัตรประจำตัวหรือขอบัตรประจำตัวใหม่: the manual's fields for an officer ID card."""

    officer_type = models.CharField(_("officer type"), max_length=32, choices=OFFICER_TYPES)
    first_name_en = models.CharField(_("first name in English"), max_length=150)
    last_name_en = models.CharField(_("last name in English"), max_length=150)
    birth_date = models.DateField(_("date of birth"), null=True)  # null once erased
    nationality = models.CharField(_("nationality"), max_length=60, default="ไทย")
    # Sensitive data (PDPA section 26): printed on the card only when the applicant gives it and
    # explicitly consents; either may be left out.
    blood_group = models.CharField(_("blood group"), max_length=2, choices=BloodGroup.choices, blank=True)
    blood_group_consent = models.BooleanField(_("consent to the use of the blood group"), default=False)
    registered_address = models.TextField(_("address in the house registration"), max_length=ADDRESS_LENGTH)
    contact_address = models.TextField(_("contact address"), max_length=ADDRESS_LENGTH)
    work_unit = models.CharField(_("work group / school"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    rank = models.CharField(_("rank / level"), max_length=100)
    reason = models.CharField(_("reason for the card"), max_length=16, choices=CardReason.choices)
    reason_other = models.CharField(_("other reason"), max_length=255, blank=True)

    personal_fields = (
        "first_name_en",
        "last_name_en",
        "birth_date",
        "nationality",
        "blood_group",
        "blood_group_consent",
        "registered_address",
        "contact_address",
        "work_unit",
        "position",
        "rank",
        "reason_other",
    )

    class Meta:
        verbose_name = _("ID card request details")
        verbose_name_plural = _("ID card request details")

    def validate_for_request(self):
        errors = {}
        if self.birth_date >= timezone.localdate():
            errors["birth_date"] = _("The date of birth must be in the past.")
        elif self.age not in OFFICER_AGES:
            errors["birth_date"] = _(
                "Please check the date of birth: the card holder would be %(age)d years old."
            ) % {"age": self.age}
        for name in ("first_name_en", "last_name_en"):
            if not ENGLISH_NAME.fullmatch(getattr(self, name).strip()):
                errors[name] = _("Please type the name in English letters (A–Z), as on your passport.")
        if self.blood_group and not self.blood_group_consent:
            errors["blood_group_consent"] = _(
                "To have your blood group on the card, please tick the consent box; otherwise leave "
                "the blood group empty."
            )
        if self.reason == CardReason.OTHER and not self.reason_other:
            errors["reason_other"] = _("Please say what the other reason is.")
        if errors:
            raise ValidationError(errors)

    @property
    def age(self):
        today = timezone.localdate()
        born = self.birth_date
        if born is None:  # erased
            return None
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    def rows(self):
        rows = super().rows()
        index = next(
            i
            for i, (label, _value) in enumerate(rows)
            if label == self._meta.get_field("birth_date").verbose_name
        )
        rows.insert(index + 1, (_("age (years)"), display_value(self.age)))
        return rows


class IdCardForm(DetailsForm):
    class Meta:
        model = IdCardDetails
        fields = [
            "officer_type",
            "first_name_en",
            "last_name_en",
            "birth_date",
            "nationality",
            "blood_group",
            "blood_group_consent",
            "registered_address",
            "contact_address",
            "work_unit",
            "position",
            "rank",
            "reason",
            "reason_other",
        ]
        labels = {
            "blood_group_consent": _(
                "I consent to the office collecting and using my blood group to print it on the card "
                "(sensitive personal data, section 26 of the Personal Data Protection Act B.E. 2562)."
            ),
        }
        help_texts = {
            "blood_group": _("Optional: printed on the card only if you give it and tick the consent below."),
        }
        widgets = {
            "registered_address": forms.Textarea(attrs={"rows": 3}),
            "contact_address": forms.Textarea(attrs={"rows": 3}),
        }


def sample_details(variant=0):
    """Ms Wilaiwan's renewal of an expired card, as in the manual."""
    return {
        "officer_type": PersonnelType.TEACHER,
        "first_name_en": "Wilaiwan",
        "last_name_en": "Suppachat",
        "birth_date": datetime.date(1985, 6, 15),
        "nationality": "ไทย",
        "blood_group": "O",
        "blood_group_consent": True,
        "registered_address": "99 หมู่ 4 ตำบลในเมือง อำเภอเมือง จังหวัดขอนแก่น 40000",
        "contact_address": "โรงเรียนบ้านหนองบัว ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000",
        "work_unit": "โรงเรียนบ้านหนองบัว",
        "position": "ครู",
        "rank": "ชำนาญการพิเศษ",
        "reason": "expired",
        "reason_other": "",
    }


SERVICE = EService(
    code="11",
    slug="id-card",
    name=_("Government officer ID card"),
    form_title=_("Application for a new or replacement government officer ID card"),
    officer_group=groups.PERSONNEL,
    details_form=IdCardForm,
    attachment_slots=(ID_CARD_COPY, OTHER_DOCUMENT_1, OTHER_DOCUMENT_2),
    icon=(
        '<rect x="2.5" y="5" width="19" height="14" rx="2"/><circle cx="8.5" cy="11" r="2.2"/>'
        '<path d="M5.5 16.2c.6-1.6 1.7-2.4 3-2.4s2.4.8 3 2.4M14 10h4.5M14 13.5h3"/>'
    ),
    sample_details=sample_details,
)
