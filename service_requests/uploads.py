"""Attachments: png, jpg or pdf only, judged by their bytes, at most 5 MB each."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import filetype
from PIL import Image

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class AcceptedType:
    content_type: str
    extension: str
    names: frozenset[str]  # file name endings that may carry it


ACCEPTED_TYPES = {
    "image/png": AcceptedType("image/png", "png", frozenset({"png"})),
    "image/jpeg": AcceptedType("image/jpeg", "jpg", frozenset({"jpg", "jpeg"})),
    "application/pdf": AcceptedType("application/pdf", "pdf", frozenset({"pdf"})),
}

MESSAGES = {
    "empty": _("The file is empty."),
    "too_large": _("The file is larger than 5 MB."),
    "wrong_type": _("Only png, jpg or pdf files are accepted."),
    "mismatch": _(
        "The file's content does not match its name (.%(extension)s). Please attach the original file."
    ),
    "damaged": _("The file could not be read; it may be damaged."),
}


def _refuse(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def check_upload(uploaded) -> AcceptedType:
    """Return the file's accepted type, or raise ValidationError with a Thai-translatable message."""
    if uploaded.size == 0:
        raise _refuse("empty")
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise _refuse("too_large")
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    guessed = filetype.guess(head)
    accepted = ACCEPTED_TYPES.get(guessed.mime) if guessed else None
    if accepted is None:
        raise _refuse("wrong_type")
    name_extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if name_extension not in accepted.names:
        if name_extension in {ext for t in ACCEPTED_TYPES.values() for ext in t.names}:
            raise _refuse("mismatch", extension=name_extension)
        raise _refuse("wrong_type")
    if accepted.extension in {"png", "jpg"}:
        try:
            with Image.open(uploaded) as image:
                image.verify()
        except Exception as error:
            raise _refuse("damaged") from error
        finally:
            uploaded.seek(0)
    return accepted
