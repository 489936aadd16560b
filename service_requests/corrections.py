"""Per-field corrections, generic over the catalogue: which parts of a request an officer may mark
for correction, what the request holds (a snapshot), and what changed between two snapshots.

Everything is read from the service's own form and details model (EService.details_form), the
shared contact fields and the attachment slots, so a service added to the catalogue gets it with
no code of its own. A part's key is its name on the applicant's form ("contact-applicant_phone",
"details-school", "files-order_letter"): the form field's id is "id_" + key.
"""

import datetime
from dataclasses import dataclass, replace

from django.utils.text import capfirst

from accounts.models import User

from .details import display_value

CONTACT_FIELDS = ("applicant_title", "applicant_first_name", "applicant_last_name", "applicant_phone")
# The contact form labels its fields with the profile's labels (forms.ContactForm).
PROFILE_FIELDS = {
    "applicant_title": "title",
    "applicant_first_name": "first_name",
    "applicant_last_name": "last_name",
    "applicant_phone": "phone",
}
CONTACT, DETAILS, FILES, RECORD = "contact", "details", "files", "record"


@dataclass(frozen=True)
class Part:
    """One part of a request an officer may mark: its key and the label the applicant reads."""

    key: str
    label: str

    @property
    def is_file(self) -> bool:
        return self.key.startswith(f"{FILES}-")

    @property
    def name(self) -> str:
        return self.key.split("-", 1)[1]


def _contact_label(name):
    return capfirst(User._meta.get_field(PROFILE_FIELDS[name]).verbose_name)


def details_form_of(service_request, record):
    """The service's form bound to nothing, showing the request's current values (its initial)."""
    return service_request.service.details_form(prefix=DETAILS, instance=record)


def correctable_parts(service_request, record) -> list[Part]:
    """What an officer may mark on this request, in the form's order: the contact fields, the
    service's own visible fields, then each attachment slot."""
    parts = [Part(f"{CONTACT}-{name}", str(_contact_label(name))) for name in CONTACT_FIELDS]
    form = details_form_of(service_request, record)
    parts += [Part(field.html_name, str(capfirst(field.label))) for field in form.visible_fields()]
    parts += [
        Part(f"{FILES}-{slot.name}", str(slot.label)) for slot in service_request.service.attachment_slots
    ]
    return parts


def part_labels(service_request, record) -> dict[str, str]:
    """{key: label} of the parts an officer may mark on this request, as the active language
    names them (a mark keeps the label of the language the officer worked in)."""
    return {part.key: part.label for part in correctable_parts(service_request, record)}


@dataclass(frozen=True)
class MarkedPart:
    """A part the officer marked to correct, as the applicant reads it: its label in the active
    language and the officer's note."""

    key: str
    label: str
    note: str

    @property
    def anchor(self) -> str:
        """The id of the field on the applicant's form."""
        return f"id_{self.key}"


def marked_parts_of(service_request, record, correction_round) -> list[MarkedPart]:
    """What the officer marked in this round (its items prefetched; none without a round), each
    part under its label in the active language, the label stored with the mark when the form no
    longer has the part. No query beyond what the service's form reads of `record`."""
    if correction_round is None:
        return []
    labels = part_labels(service_request, record)
    return [
        MarkedPart(item.key, labels.get(item.key, item.label), item.note)
        for item in correction_round.items.all()
    ]


def _shown(value) -> str:
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(item) for item in value)
    return display_value(value)


def _field_value(form, bound_field, record):
    """A form field's current value as the applicant reads it: the model's display for a model
    field (choices' labels, a room's name), the form's initial for a field of the form's own."""
    name = bound_field.name
    model_names = {field.name for field in record._meta.concrete_fields}
    if name in model_names:
        field = record._meta.get_field(name)
        if field.choices:
            return getattr(record, f"get_{name}_display")()
        return _shown(getattr(record, name))
    value = bound_field.initial
    choices = getattr(bound_field.field, "choices", None)
    if choices is not None and value not in (None, "", []):
        labels = {str(key): label for key, label in choices}
        if isinstance(value, (list, tuple)):  # several choices
            return ", ".join(str(labels.get(str(item), item)) for item in value)
        return str(labels.get(str(value), value))
    return _shown(value)


def snapshot(service_request, record) -> dict:
    """{key: {"label", "value"}} of everything the applicant can change, plus the service's
    fields computed from them (an order's totals, under "record-<name>"); files by their name."""
    result = {}
    for name in CONTACT_FIELDS:
        value = getattr(service_request, name)
        result[f"{CONTACT}-{name}"] = {"label": str(_contact_label(name)), "value": _shown(value)}
    form = details_form_of(service_request, record)
    shown = set()
    for bound_field in form.visible_fields():
        shown.add(bound_field.name)
        result[bound_field.html_name] = {
            "label": str(capfirst(bound_field.label)),
            "value": _field_value(form, bound_field, record),
        }
    for field in record._meta.concrete_fields:
        if field.name == "request" or field.name in record.internal_fields or field.name in shown:
            continue
        if field.name in form.fields:  # hidden fields of the form
            continue
        value = (
            getattr(record, f"get_{field.name}_display")() if field.choices else getattr(record, field.name)
        )
        result[f"{RECORD}-{field.name}"] = {
            "label": str(capfirst(field.verbose_name)),
            "value": _shown(value),
        }
    attachments = {attachment.slot: attachment for attachment in service_request.attachments.all()}
    for slot in service_request.service.attachment_slots:
        attachment = attachments.get(slot.name)
        result[f"{FILES}-{slot.name}"] = {
            "label": str(slot.label),
            "value": attachment.original_name if attachment else "",
            "file": attachment.file.name if attachment else "",
        }
    return result


@dataclass(frozen=True)
class Change:
    """One part that differs between the return and the resubmission."""

    key: str
    label: str
    old: str
    new: str
    marked: bool  # the officer asked for it

    @property
    def is_file(self) -> bool:
        return self.key.startswith(f"{FILES}-")

    @property
    def slot(self) -> str:
        return self.key.split("-", 1)[1] if self.is_file else ""


def changes_between(before: dict, after: dict, marked=()) -> list[Change]:
    """What differs from `before` to `after`, in `after`'s order (a file counts as changed when
    another file took its place, even under the same name)."""
    marked = set(marked)
    found = []
    for key, now in after.items():
        then = before.get(key, {"label": now.get("label", key), "value": ""})
        changed = then.get("value") != now.get("value") or then.get("file", "") != now.get("file", "")
        if changed:
            found.append(
                Change(
                    key=key,
                    label=now.get("label") or then.get("label") or key,
                    old=then.get("value") or "",
                    new=now.get("value") or "",
                    marked=key in marked,
                )
            )
    return found


@dataclass(frozen=True)
class ChangeShown:
    """A change as the officers' page shows it: for a file, the replaced one (a
    ReplacedAttachment) and the one now in the slot (an Attachment, while it still is)."""

    change: Change
    old_file: object = None
    new_file: object = None


@dataclass(frozen=True)
class RoundShown:
    """One correction round for the officers' page: what was asked, what changed, the reply."""

    round: object
    items: list
    changes: list[ChangeShown]
    unchanged: list  # items marked but left as they were

    @property
    def item_count(self) -> int:
        return len(self.items)


def rounds_shown(rounds, attachments, labels) -> list[RoundShown]:
    """The rounds (queries.correction_rounds, items and replaced files prefetched) with their
    changes; `attachments` the request's current ones; `labels` the parts' labels in the active
    language (part_labels), used over the ones stored with the marks and the snapshots. No query."""
    current = {attachment.slot: attachment for attachment in attachments}
    shown = []
    for correction_round in rounds:
        items = [
            MarkedPart(item.key, labels.get(item.key, item.label), item.note)
            for item in correction_round.items.all()
        ]
        marked = {item.key for item in items}
        replaced = {file.slot: file for file in correction_round.replaced_files.all()}
        changes = []
        if not correction_round.is_open:
            for change in changes_between(correction_round.before, correction_round.after, marked):
                change = replace(change, label=labels.get(change.key, change.label))
                old_file = new_file = None
                if change.is_file:
                    old_file = replaced.get(change.slot)
                    now = current.get(change.slot)
                    if now is not None and now.file.name == correction_round.after.get(change.key, {}).get(
                        "file"
                    ):
                        new_file = now
                changes.append(ChangeShown(change, old_file, new_file))
        changed = {shown_change.change.key for shown_change in changes}
        unchanged = (
            [item for item in items if item.key not in changed] if not correction_round.is_open else []
        )
        shown.append(RoundShown(correction_round, items, changes, unchanged))
    return shown
