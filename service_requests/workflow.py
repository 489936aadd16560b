"""The request workflow at a glance: its statuses and who may move a request from which to which.

Every change of status goes through service_requests.actions, which checks it against TRANSITIONS
(through service_requests.permissions.RequestPermissionTester). The groups of statuses other
modules need (closed, done, waiting for an officer, confirmed) are derived from the table below.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    """The manual's statuses; the Thai catalogue gives the labels users know."""

    SUBMITTED = "submitted", _("Submitted to officers")  # ส่งคำร้องไปยังเจ้าหน้าที่
    IN_PROGRESS = "in_progress", _("Officer is working on it")  # เจ้าหน้าที่กำลังดำเนินการ
    RETURNED = "returned", _("Returned for correction")  # เจ้าหน้าที่ส่งให้แก้ไขข้อมูล
    RESUBMITTED = "resubmitted", _("Corrections sent to officers")  # ส่งข้อมูลแก้ไขไปยังเจ้าหน้าที่
    COMPLETED = "completed", _("Completed")  # ดำเนินการเรียบร้อย
    CANCELLED = "cancelled", _("Cancelled")  # ยกเลิกคำร้อง


class Role(StrEnum):
    APPLICANT = "applicant"
    OFFICER = "officer"


S = RequestStatus
APPLICANT = frozenset({Role.APPLICANT})
OFFICER = frozenset({Role.OFFICER})
EITHER = APPLICANT | OFFICER

# from status:   {to status: roles that may make this move}
# A move to the same status is an edit (applicant) or a message/reply file (officer) without a
# change of status.
TRANSITIONS: dict[RequestStatus, dict[RequestStatus, frozenset[Role]]] = {
    S.SUBMITTED: {
        S.SUBMITTED: APPLICANT,  # edit while no officer has touched it
        S.IN_PROGRESS: OFFICER,
        S.RETURNED: OFFICER,
        S.COMPLETED: OFFICER,
        S.CANCELLED: EITHER,
    },
    S.IN_PROGRESS: {
        S.IN_PROGRESS: OFFICER,
        S.RETURNED: OFFICER,
        S.COMPLETED: OFFICER,
        S.CANCELLED: EITHER,
    },
    S.RETURNED: {
        S.RESUBMITTED: APPLICANT,  # the applicant's corrections
        S.CANCELLED: EITHER,
    },
    S.RESUBMITTED: {
        S.IN_PROGRESS: OFFICER,
        S.RETURNED: OFFICER,
        S.COMPLETED: OFFICER,
        S.CANCELLED: EITHER,
    },
    S.COMPLETED: {},
    S.CANCELLED: {},
}

# Every request starts here, filed by its applicant.
INITIAL = S.SUBMITTED

# Where an applicant's edit takes a request: a returned one becomes resubmitted.
EDIT_TARGET = {S.SUBMITTED: S.SUBMITTED, S.RETURNED: S.RESUBMITTED}

# Returned for correction: the statuses from which the applicant's edit sends the request back
# (to another status). An officer's move into one opens a correction round (per-field marks).
FOR_CORRECTION = frozenset(source for source, target in EDIT_TARGET.items() if source != target)

# Officers must tell the applicant why when they return or cancel a request.
OFFICER_MESSAGE_REQUIRED = frozenset({S.RETURNED, S.CANCELLED})


def is_allowed(source: str, target: str, role: Role) -> bool:
    return role in TRANSITIONS.get(RequestStatus(source), {}).get(RequestStatus(target), frozenset())


def allowed_targets(source: str, role: Role) -> list[RequestStatus]:
    return [target for target, roles in TRANSITIONS[RequestStatus(source)].items() if role in roles]


def message_required(target: str, role: Role) -> bool:
    return role == Role.OFFICER and target in OFFICER_MESSAGE_REQUIRED


def _moved_into_by(role: Role) -> frozenset[RequestStatus]:
    return frozenset(
        target for moves in TRANSITIONS.values() for target, roles in moves.items() if role in roles
    )


def _moved_out_of_by(role: Role) -> frozenset[RequestStatus]:
    return frozenset(
        source for source, moves in TRANSITIONS.items() if any(role in r for r in moves.values())
    )


# Closed: nobody can move it any more (completed or cancelled).
CLOSED = frozenset(source for source, moves in TRANSITIONS.items() if not moves)


def confirmation_required(target: str, role: Role) -> bool:
    """Whether the officer confirms this move before it is made: it closes the request for good
    (the applicant is told, and nobody can move it afterwards), so a slip cannot be undone."""
    return role == Role.OFFICER and target in CLOSED


# Done: completed and handed over. Closed, and only an officer moves a request there (cancelling
# is open to both). An app above may hold such a move back until something of its own is settled
# (payments: the fee paid; hooks.REQUEST_MOVE_GUARDS).
DONE = CLOSED & (_moved_into_by(Role.OFFICER) - _moved_into_by(Role.APPLICANT))

# Waiting for an officer: the applicant filed it or last moved it there (new requests, corrections
# sent) and an officer has a move out of it. A returned request waits for the applicant instead.
WAITING_FOR_OFFICER = frozenset(({INITIAL} | _moved_into_by(Role.APPLICANT)) & _moved_out_of_by(Role.OFFICER))

# Confirmed (a booking or an appointment stands): only an officer moves a request there, and the
# applicant can no longer change it, only cancel it: taken up or completed. A returned request is
# not: it is back with the applicant for correction.
CONFIRMED = frozenset(
    status
    for status in _moved_into_by(Role.OFFICER) - _moved_into_by(Role.APPLICANT)
    if not any(
        Role.APPLICANT in roles for target, roles in TRANSITIONS[status].items() if target != S.CANCELLED
    )
)

# Waiting for the applicant: they have a move out of it to another open status (a returned
# request's corrections); editing an untouched request or cancelling does not count.
WAITING_FOR_APPLICANT = frozenset(
    source
    for source, moves in TRANSITIONS.items()
    if any(
        Role.APPLICANT in roles and target != source and target not in CLOSED
        for target, roles in moves.items()
    )
)

# Open: someone can still move it.
OPEN = frozenset(TRANSITIONS) - CLOSED


class ApplicantStatusGroup(models.TextChoices):
    """The filter of "My requests": where each request stands for its applicant."""

    WITH_OFFICERS = "with_officers", _("With the officers")  # อยู่ระหว่างดำเนินการ
    WAITING_FOR_YOU = "waiting_for_you", _("Waiting for your corrections")  # รอท่านแก้ไข
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# Derived from the table: open requests the applicant cannot move on (the officers have them),
# those waiting for the applicant, and the closed ones split by how they ended (done, or cancelled).
APPLICANT_STATUS_GROUPS: dict[ApplicantStatusGroup, frozenset[RequestStatus]] = {
    ApplicantStatusGroup.WITH_OFFICERS: OPEN - WAITING_FOR_APPLICANT,
    ApplicantStatusGroup.WAITING_FOR_YOU: WAITING_FOR_APPLICANT,
    ApplicantStatusGroup.COMPLETED: DONE,
    ApplicantStatusGroup.CANCELLED: CLOSED & _moved_into_by(Role.APPLICANT),
}
