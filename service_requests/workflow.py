"""The request workflow at a glance: its statuses and who may move a request from which to which.

Every change of status goes through service_requests.actions, which checks it against TRANSITIONS.
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

# Where an applicant's edit takes a request: a returned one becomes resubmitted.
EDIT_TARGET = {S.SUBMITTED: S.SUBMITTED, S.RETURNED: S.RESUBMITTED}

# Officers must tell the applicant why when they return or cancel a request.
OFFICER_MESSAGE_REQUIRED = frozenset({S.RETURNED, S.CANCELLED})


def is_allowed(source: str, target: str, role: Role) -> bool:
    return role in TRANSITIONS.get(RequestStatus(source), {}).get(RequestStatus(target), frozenset())


def allowed_targets(source: str, role: Role) -> list[RequestStatus]:
    return [target for target, roles in TRANSITIONS[RequestStatus(source)].items() if role in roles]


def applicant_may_edit(status: str) -> bool:
    target = EDIT_TARGET.get(RequestStatus(status))
    return target is not None and is_allowed(status, target, Role.APPLICANT)


def applicant_may_cancel(status: str) -> bool:
    return is_allowed(status, RequestStatus.CANCELLED, Role.APPLICANT)


def message_required(target: str, role: Role) -> bool:
    return role == Role.OFFICER and target in OFFICER_MESSAGE_REQUIRED
