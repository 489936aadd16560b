"""The ZIP of an applicant's data: its layout, its JSON files and its README (Thai and English).

    README.txt                                  what each file and each JSON key means
    profile.json                                the account
    consents.json                               the privacy notice accepted, and when
    requests/<reference>/request.json           the request, its service's details, its history
    requests/<reference>/printout.pdf           the office's printout of it
    requests/<reference>/attachments/<slot>-<name>   the files sent with it, byte for byte
    requests/<reference>/reply-<name>           the officer's reply file, if any
    requests/<reference>/access.json            when staff opened its personal data

The README's list of keys is made from the same field lists as the JSON, so every key is in it.
"""

import json
import zipfile

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from accounts.hooks import ACCOUNT_DATA
from accounts.models import User
from service_requests.catalogue import all_services
from service_requests.models import ServiceRequest

from . import queries

LANGUAGES = ("th", "en")

PROFILE_EXTRA = {"email_is_verified": _("whether a link we e-mailed proved the address yours (true/false)")}
REQUEST_EXTRA = {
    "service_name": _("the service's name"),
    "status_label": _("the status, in words"),
    "details": _("the service's own fields of the request (listed below for each service)"),
    "history": _("every change of status, oldest first, with the officer's message"),
    "attachments": _("the files sent with the request"),
    "reply_file": _("where the officer's reply file is in this folder (null: none)"),
    "printout": _("the printout of the request in this folder"),
}
HISTORY_KEYS = {
    "at": _("when"),
    "from_status": _("the status before (empty: submitted)"),
    "to_status": _("the status after"),
    "change": _("the change, in words"),
    "by_role": _("who made it: applicant or officer"),
    "by_name": _("the name of who made it"),
    "message": _("the message given with it"),
}
ACCESS_KEYS = {
    "at": _("when"),
    "officer_name": _("the officer's name at the time"),
    "officer_groups": _("the officer's groups at the time"),
    "kind": _("what kind of access (a code)"),
    "what": _("what the officer did, in words"),
    "detail": _("the page, the attachment's slot or the export's format"),
    "list_size": _("how many requests the exported list held"),
}
CONSENT_HISTORY = _("every acceptance of the privacy notice, oldest first")
CONSENT_HISTORY_KEYS = {
    "privacy_notice_version": _("the version accepted"),
    "at": _("when"),
    "how": _("how: registered (when registering) or accepted_new_version (when asked to read a new one)"),
}
MADE_AT = _("Made at")
FILES = {
    "README.txt": _("this file"),
    "profile.json": _("your account"),
    "consents.json": _("the privacy notice you accepted, and when; every version you accepted before"),
    "requests/<reference>/request.json": _("one request: its fields, details and history"),
    "requests/<reference>/printout.pdf": _("the printout of the request"),
    "requests/<reference>/attachments/<slot>-<name>": _("the files you sent, unchanged"),
    "requests/<reference>/reply-<name>": _("the officer reply file, if any"),
    "requests/<reference>/access.json": _("when staff opened the personal data of the request"),
}
ATTACHMENT_KEYS = {
    "slot": _("which file of the form it is"),
    "slot_label": _("its label on the form"),
    "original_name": _("the file's name when it was sent"),
    "content_type": _("its type"),
    "size": _("its size in bytes"),
    "file": _("where it is in this folder"),
}


def _in_both(text) -> str:
    """ "Thai / English" of a lazy string or a field's verbose name."""
    words = []
    for language in LANGUAGES:
        with translation.override(language):
            words.append(str(text))
    return words[0] if words[0] == words[1] else f"{words[0]} / {words[1]}"


def _field_lines(fields, indent="  ") -> list[str]:
    return [f"{indent}{field.name}: {_in_both(capfirst(field.verbose_name))}" for field in fields]


def _extra_lines(keys: dict, indent="  ") -> list[str]:
    return [f"{indent}{key}: {_in_both(text)}" for key, text in keys.items()]


def readme_text(*, made_at, office_name: str) -> str:
    """What the archive holds and every key of its JSON files, in Thai and in English."""
    user_fields = {field.name: field for field in User._meta.concrete_fields}
    lines = [
        _in_both(_("A copy of your personal data")),
        office_name,
        f"{_in_both(MADE_AT)}: {queries.json_value(made_at)}",
        "",
        _in_both(_("Dates and times are in ISO 8601 (Bangkok time, +07:00); money is in baht, as text.")),
        "",
        _in_both(_("Files")),
        *_extra_lines(FILES),
        *_extra_lines({name: description for name, (description, _data) in other_account_data().items()}),
        "",
        "profile.json",
        *_field_lines(user_fields[name] for name in queries.PROFILE_FIELDS),
        *_extra_lines(PROFILE_EXTRA),
        "",
        "consents.json",
        *_field_lines(user_fields[name] for name in queries.CONSENT_FIELDS),
        f"  history[]: {_in_both(CONSENT_HISTORY)}",
        *_extra_lines(CONSENT_HISTORY_KEYS, indent="    "),
        "",
        "request.json",
        *_field_lines(queries.request_fields()),
        *_extra_lines(REQUEST_EXTRA),
        "  history[]",
        *_extra_lines(HISTORY_KEYS, indent="    "),
        "  attachments[]",
        *_extra_lines(ATTACHMENT_KEYS, indent="    "),
        "",
        "access.json[]",
        *_extra_lines(ACCESS_KEYS),
    ]
    for service in all_services():
        model = service.details_model
        if model is None:
            continue
        lines += ["", f"details ({service.code} {_in_both(service.name)})"]
        lines += _field_lines(queries.details_fields(model))
        lines += [f"  {name}: {label}" for name, label in service.answer_fields()]
        for key, list_model, back_field in queries.details_lists(model):
            lines.append(f"  {key}[]: {_in_both(capfirst(list_model._meta.verbose_name))}")
            lines += _field_lines(queries.list_fields(list_model, back_field), indent="    ")
    return "\n".join(lines) + "\n"


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def other_account_data() -> dict:
    """{file name: (description, data_of)} of what apps above keep about an account (LINE)."""
    return {name: entry for hook in hooks.get_hooks(ACCOUNT_DATA) for name, entry in hook().items()}


def write_profile(archive: zipfile.ZipFile, user) -> None:
    archive.writestr("profile.json", _json(queries.profile_data(user)))
    archive.writestr("consents.json", _json(queries.consent_data(user)))
    for name, (_description, data_of) in other_account_data().items():
        data = data_of(user)
        if data is not None:
            archive.writestr(name, _json(data))


def write_request(
    archive: zipfile.ZipFile, service_request: ServiceRequest, *, printout: bytes, access: list
) -> None:
    folder = f"requests/{service_request.reference}"
    archive.writestr(f"{folder}/request.json", _json(queries.request_data(service_request)))
    archive.writestr(f"{folder}/printout.pdf", printout)
    for attachment in service_request.attachments.order_by("slot", "pk"):
        with attachment.file.open("rb") as stored:
            archive.writestr(f"{folder}/{queries.attachment_entry_name(attachment)}", stored.read())
    if service_request.reply_file:
        with service_request.reply_file.open("rb") as stored:
            archive.writestr(f"{folder}/{queries.reply_entry_name(service_request)}", stored.read())
    archive.writestr(f"{folder}/access.json", _json(access))


def write_readme(archive: zipfile.ZipFile, *, office_name: str) -> None:
    archive.writestr("README.txt", readme_text(made_at=timezone.now(), office_name=office_name))
