"""How a request's parts are listed, the same on its pages, the officers' and the printouts."""

from dataclasses import dataclass

from wagtail import hooks

from . import hooks as request_hooks


@dataclass(frozen=True)
class AttachmentRow:
    label: str
    attachment: object


def attachment_rows(service, attachments) -> list[AttachmentRow]:
    """The request's attachments in the order of the service's slots (those it still asks for,
    then those the office no longer asks for), each with its slot's label."""
    by_slot = {attachment.slot: attachment for attachment in attachments}
    rows = [
        AttachmentRow(label=slot.label, attachment=by_slot.pop(slot.name))
        for slot in (*service.attachment_slots, *service.former_slots)
        if slot.name in by_slot
    ]
    # A slot the catalogue no longer has still shows its file, under its stored name.
    rows.extend(
        AttachmentRow(label=attachment.slot, attachment=attachment) for attachment in by_slot.values()
    )
    return rows


@dataclass(frozen=True)
class ExtraHistoryLine:
    """A line another app adds to a request's history (hooks.REQUEST_HISTORY_ENTRIES), read like a
    StatusChange by the history's cells."""

    created_at: object
    actor: object
    move_label: str
    message: str = ""
    kept_status_note: str = ""
    role_label: str = ""

    @property
    def actor_name(self):
        return (self.actor.get_full_name() or self.actor.citizen_id) if self.actor else ""


def history_lines(service_request, status_changes) -> list:
    """The request's status changes and the lines other apps add, oldest first."""
    extra = [
        ExtraHistoryLine(created_at=when, actor=actor, move_label=str(text))
        for hook in hooks.get_hooks(request_hooks.REQUEST_HISTORY_ENTRIES)
        for when, actor, text in hook(service_request)
    ]
    lines = list(status_changes)
    if not extra:
        return lines
    return sorted([*lines, *extra], key=lambda line: line.created_at)
