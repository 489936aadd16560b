"""Django's password validators with messages of our own, so that Thai users read Thai.

Django's Thai catalogue leaves these messages untranslated. The rules are Django's, with what they
miss for Thai users: the phone number or citizen ID inside a password, Thai common passwords, and
one word typed twice ("ทดสอบทดสอบ").
"""

import re

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    DEFAULT_USER_ATTRIBUTES = ("citizen_id", "first_name", "last_name", "phone", "email")
    # Numbers found among the password's digits, however they are wrapped in letters.
    NUMBER_ATTRIBUTES = ("citizen_id", "phone")
    SHORTEST_NUMBER = 8  # a phone without its leading 0 has 8 or 9 digits

    def __init__(self, user_attributes=DEFAULT_USER_ATTRIBUTES, max_similarity=0.7):
        # Django's default argument was bound to its own attribute names ("username", ...), which
        # this user model does not have: without this the citizen ID and phone were never compared.
        super().__init__(user_attributes=user_attributes, max_similarity=max_similarity)

    def validate(self, password, user=None):
        if user is not None:
            digits = re.sub(r"\D", "", password)
            for attribute in self.NUMBER_ATTRIBUTES:
                number = (getattr(user, attribute, "") or "").lstrip("0")
                if len(number) >= self.SHORTEST_NUMBER and number in digits:
                    raise ValidationError(
                        self.get_error_message(),
                        code="password_too_similar",
                        params={"verbose_name": user._meta.get_field(attribute).verbose_name},
                    )
        super().validate(password, user)

    def get_error_message(self):
        return _("This password is too similar to your personal information (%(verbose_name)s).")

    def get_help_text(self):
        return _("Your password can't be too similar to your personal information.")


# Thai passwords as common as Django's list's English ones, and common ones typed with the Thai
# keyboard layout switched on ("password", "qwerty", "12345678").
THAI_COMMON_PASSWORDS = frozenset(
    {
        "ทดสอบ",
        "ทดลอง",
        "รหัสผ่าน",
        "รหัส",
        "พาสเวิร์ด",
        "สวัสดี",
        "สวัสดีครับ",
        "สวัสดีค่ะ",
        "ขอบคุณ",
        "ยินดีต้อนรับ",
        "เข้าสู่ระบบ",
        "ประเทศไทย",
        "ภาษาไทย",
        "คนไทย",
        "กรุงเทพ",
        "กรุงเทพมหานคร",
        "รักคุณ",
        "ฉันรักเธอ",
        "คิดถึง",
        "กขค",
        "กขคง",
        "กขคงจ",
        "ครู",
        "โรงเรียน",
        "การศึกษา",
        "ยฟหหไนพก",
        "ๆไำพะั",
        "ๅ/-ภถุึค",
        "sawasdee",
        "sawaddee",
        "sawadee",
        "thailand",
        "bangkok",
        "krungthep",
    }
)
# What is left of a password without digits, spaces and ASCII punctuation ("ทดสอบ123!" -> "ทดสอบ").
NOT_LETTERS = re.compile(r"[\d\s!-/:-@\[-`{-~]+")
SHORTEST_UNIT = 4  # a shorter unit typed over and over ("abcabcabc", "กกกกกกกก") is refused outright


def repeated_unit(text):
    """The shortest piece the text is made of, repeated: "ทดสอบทดสอบ" -> "ทดสอบ"."""
    for length in range(1, len(text) // 2 + 1):
        if len(text) % length == 0 and text[:length] * (len(text) // length) == text:
            return text[:length]
    return text


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    """Django's list of 20,000 common passwords, the Thai ones above, either typed twice or with
    digits and symbols around them, and one short piece typed over and over."""

    def validate(self, password, user=None):
        lowered = password.lower().strip()
        letters = NOT_LETTERS.sub("", lowered)
        unit = repeated_unit(lowered)
        thai_forms = {lowered, unit, letters, repeated_unit(letters)}
        if (
            (unit != lowered and len(unit) < SHORTEST_UNIT)
            or {lowered, unit} & self.passwords
            or thai_forms & THAI_COMMON_PASSWORDS
        ):
            raise ValidationError(self.get_error_message(), code="password_too_common")

    def get_error_message(self):
        return _("This password is too common.")

    def get_help_text(self):
        return _("Your password can't be a commonly used password.")


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self):
        return _("This password is entirely numeric.")

    def get_help_text(self):
        return _("Your password can't be entirely numeric.")
