"""Validation and normalisation of what applicants type: Thai citizen IDs, phone numbers, names."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import phonenumbers
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat
from stdnum.th import pin

CITIZEN_ID_MESSAGES = {
    "digits": _("The citizen ID may contain only digits (dashes and spaces are ignored)."),
    "length": _("The citizen ID must have exactly 13 digits."),
    "checksum": _("This citizen ID is not valid: its last digit does not match. Please check it."),
    "first_digit": _("This citizen ID is not valid: it cannot start with 0 or 9. Please check it."),
}


def normalize_citizen_id(value: str) -> str:
    """Strip the dashes and spaces people type, e.g. 1-4399-00285-97-7 -> 1439900285977."""
    return pin.compact(value or "")


def validate_citizen_id(value: str) -> str:
    """Return the normalised citizen ID, or raise ValidationError with a Thai message."""
    number = normalize_citizen_id(value)
    try:
        return pin.validate(number)
    except InvalidFormat:  # InvalidLength is one too; letters are the likelier mistake to name
        code = "digits" if not number.isdigit() else "length"
    except InvalidComponent:
        code = "first_digit"
    except InvalidChecksum:
        code = "checksum"
    raise ValidationError(CITIZEN_ID_MESSAGES[code], code=f"citizen_id_{code}")


def normalize_phone(value: str) -> str:
    """Return a Thai phone number as the digits people dial at home, e.g. 0812345678."""
    message = _("Please enter a Thai phone number, e.g. 0812345678 or 045511019.")
    try:
        number = phonenumbers.parse(value or "", "TH")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(message, code="phone_invalid") from error
    if number.country_code != 66 or not phonenumbers.is_valid_number(number):
        raise ValidationError(message, code="phone_invalid")
    return "0" + str(number.national_number)


PERSON_NAME_MESSAGE = _(
    "A name may contain only Thai or English letters, with spaces, dots (.) and hyphens (-) between them."
)
# Unicode names of the characters a name may be made of: Thai consonants, vowels and tone marks,
# Latin letters with or without accents, and the combining accents themselves.
NAME_SCRIPTS = ("THAI ", "LATIN ", "COMBINING ")
NAME_PUNCTUATION = frozenset(" .-")


def _is_name_letter(char: str) -> bool:
    """A letter or a mark (Thai vowels and tone marks are marks: ั ิ ่ ้ ์) of the Thai or Latin script."""
    return unicodedata.category(char)[0] in "LM" and unicodedata.name(char, "").startswith(NAME_SCRIPTS)


def validate_person_name(value: str) -> None:
    """Refuse a first or last name with anything but letters, marks, spaces, dots and hyphens:
    no line breaks, digits, markup or symbols reach printouts and e-mails."""
    if not any(_is_name_letter(char) for char in value) or not all(
        _is_name_letter(char) or char in NAME_PUNCTUATION for char in value
    ):
        raise ValidationError(PERSON_NAME_MESSAGE, code="name_characters")
