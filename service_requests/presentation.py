"""How a request's parts are listed, the same on its pages, the officers' and the printouts."""

from dataclasses import dataclass


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
