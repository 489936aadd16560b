"""Who may do what with requests: one tester per (user, request), and the admin's permission policy.

Rights come from ServiceAssignment, not from Django model permissions: an officer's group needs
only wagtailadmin.access_admin, and being assigned a service lets its members view and work that
service's requests. Requests are filed by applicants and never deleted, so nobody adds or deletes
them through the admin.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.permission_policies import BasePermissionPolicy

from . import queries, workflow
from .hooks import REQUEST_MOVE_GUARDS
from .models import ServiceRequest
from .workflow import CLOSED, RequestStatus, Role

OFFICER_ACTIONS = frozenset({"view", "change"})


class ServiceRequestPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(ServiceRequest)

    def user_has_permission(self, user, action):
        return action in OFFICER_ACTIONS and queries.is_officer(user)

    def user_has_any_permission(self, user, actions):
        return bool(OFFICER_ACTIONS.intersection(actions)) and queries.is_officer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in OFFICER_ACTIONS and queries.is_officer_for(user, instance.service_code)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return bool(OFFICER_ACTIONS.intersection(actions)) and queries.is_officer_for(
            user, instance.service_code
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not OFFICER_ACTIONS.intersection(actions):
            return ServiceRequest.objects.none()
        return queries.requests_for_officer(user)

    def users_with_any_permission(self, actions):
        if not OFFICER_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return queries.officers_of()

    def users_with_any_permission_for_instance(self, actions, instance):
        if not OFFICER_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return queries.officers_of(instance.service_code)


service_request_permission_policy = ServiceRequestPermissionPolicy()


class RequestPermissionTester:
    """What one user may do with one request, like Wagtail's PagePermissionTester for a page.

    Views ask it what to offer (which buttons, which moves) and the actions ask it again before
    they change anything, so a button shown is a move allowed and a move refused was not offered.

    The role is where the user stands, not who they are: the applicant's pages act as the
    applicant and the admin as an officer (workflow.Role). So a staff member cancels their own
    request from "My requests" as any applicant does, and an officer never works a request they
    filed themselves: another officer of the service does.
    """

    def __init__(self, user, service_request):
        self.user = user
        self.service_request = service_request
        self.is_applicant = user.is_authenticated and service_request.applicant_id == user.pk
        self.is_officer = queries.is_officer_for(user, service_request.service_code)
        self._held_back = {}

    @property
    def is_own_request_of_officer(self) -> bool:
        """An officer of the service who filed this request: they see it, another officer works it."""
        return self.is_officer and self.is_applicant

    def can_act_as(self, role) -> bool:
        role = Role(role)
        if role == Role.APPLICANT:
            return self.is_applicant
        return self.is_officer and not self.is_applicant

    def can_view(self) -> bool:
        return self.is_applicant or self.is_officer

    def table_targets(self, role) -> list[RequestStatus]:
        """The statuses the workflow's table lets this user move the request to in this role."""
        if not self.can_act_as(role):
            return []
        return workflow.allowed_targets(self.service_request.status, Role(role))

    def held_back(self, to_status, role) -> str:
        """Why an app above holds this move back for now (hooks.REQUEST_MOVE_GUARDS, e.g. an
        unpaid fee before completion), or "". Each move is asked once per tester."""
        key = (RequestStatus(to_status), Role(role))
        if key not in self._held_back:
            self._held_back[key] = next(
                (
                    str(reason)
                    for guard in hooks.get_hooks(REQUEST_MOVE_GUARDS)
                    if (reason := guard(self.service_request, *key))
                ),
                "",
            )
        return self._held_back[key]

    def allowed_targets(self, role) -> list[RequestStatus]:
        """The statuses this user may move the request to in this role now: the table's, less
        those an app holds back."""
        return [target for target in self.table_targets(role) if not self.held_back(target, role)]

    def can_move(self, to_status, role) -> bool:
        return to_status in self.table_targets(role) and not self.held_back(to_status, role)

    def can_edit(self) -> bool:
        """The applicant's correction (edit_request), while the table allows it."""
        target = workflow.EDIT_TARGET.get(RequestStatus(self.service_request.status))
        return target is not None and self.can_move(target, Role.APPLICANT)

    def can_cancel(self, role) -> bool:
        return self.can_move(RequestStatus.CANCELLED, role)

    def _process_table_targets(self) -> list[RequestStatus]:
        # Cancelling has its own page, with its reason.
        return [target for target in self.table_targets(Role.OFFICER) if target != RequestStatus.CANCELLED]

    def process_moves(self) -> list[tuple[RequestStatus, str]]:
        """The moves the officers' process page shows, each with why an app holds it back ("":
        offered)."""
        return [(target, self.held_back(target, Role.OFFICER)) for target in self._process_table_targets()]

    def process_targets(self) -> list[RequestStatus]:
        """The moves the officers' process page offers."""
        return [target for target, held_back in self.process_moves() if not held_back]

    def can_process(self) -> bool:
        # Stops at the first move offered: the list asks it per row and need not ask every guard.
        return any(not self.held_back(target, Role.OFFICER) for target in self._process_table_targets())

    def returns_for_correction(self, to_status, role) -> bool:
        """Whether this move is an officer's return for correction, which may mark fields."""
        return (
            Role(role) == Role.OFFICER
            and to_status in workflow.FOR_CORRECTION
            and self.can_move(to_status, role)
        )

    def can_mark_corrections(self) -> bool:
        """Whether the process page offers the per-field marks (a return is one of the moves)."""
        return any(self.returns_for_correction(target, Role.OFFICER) for target in self.process_targets())

    def can_see_corrections(self) -> bool:
        """The marks, notes, reply and changes: the applicant and the officers of the service only."""
        return self.can_view()

    def can_send_reply_file(self) -> bool:
        """Officers send reply files along with a move (or a message keeping the status)."""
        return self.can_process()

    def can_cancel_as_applicant(self) -> bool:
        """For the applicant's templates, which cannot pass a role."""
        return self.can_cancel(Role.APPLICANT)

    def can_see_internal_notes(self) -> bool:
        """Officers of the service keep notes the applicant never sees (an officer's own request
        is theirs as its applicant: its notes are their colleagues')."""
        return self.can_act_as(Role.OFFICER)

    def can_add_internal_note(self) -> bool:
        """Any officer of the service who may see the notes, whatever the status: a closed
        request may still need a word among colleagues."""
        return self.can_see_internal_notes()

    def check_add_internal_note(self):
        if not self.can_add_internal_note():
            raise PermissionDenied(self.refusal(Role.OFFICER))

    # Assignment: one officer of the service answerable for the request (actions.assign_request).

    @property
    def is_open(self) -> bool:
        return self.service_request.status not in CLOSED

    def is_supervisor(self) -> bool:
        """An officer of the service holding "Can assign requests to others" (not on their own
        request: another officer's choice decides who works that)."""
        return self.can_act_as(Role.OFFICER) and queries.supervises(
            self.user, self.service_request.service_code
        )

    def can_take(self) -> bool:
        """รับเรื่อง: an officer of the service takes an open request nobody has taken."""
        return self.is_open and self.can_act_as(Role.OFFICER) and self.service_request.assignee_id is None

    def can_release(self) -> bool:
        """The assignee hands an open request back to the service's queue (a supervisor may too)."""
        assignee_id = self.service_request.assignee_id
        if not self.is_open or assignee_id is None:
            return False
        return (assignee_id == self.user.pk and self.is_officer) or self.is_supervisor()

    def can_assign_others(self) -> bool:
        """A supervisor of the service assigns an open request to any officer of it."""
        return self.is_open and self.is_supervisor()

    def can_be_assignee(self, officer) -> bool:
        """Only an officer of the request's service, never its own applicant."""
        return officer.pk != self.service_request.applicant_id and queries.is_officer_for(
            officer, self.service_request.service_code
        )

    def can_assign(self, assignee) -> bool:
        """May this user make `assignee` (a user, or None for nobody) answerable for the request?"""
        current = self.service_request.assignee_id
        if assignee is None:
            return self.can_release()
        if assignee.pk == current or not self.can_be_assignee(assignee):
            return False
        if assignee.pk == self.user.pk and current is None:
            return self.can_take()
        return self.can_assign_others()

    def assignment_refusal(self, assignee) -> str:
        """Why `assignee` cannot be made answerable for the request by this user."""
        if not self.is_open:
            return _("A request that is “%(status)s” keeps its assignee.") % {
                "status": self.service_request.get_status_display()
            }
        if assignee is not None and assignee.pk == self.service_request.assignee_id:
            if assignee.pk == self.user.pk:
                return _("You have already taken this request.")
            return _("The request is already assigned to this officer.")
        if assignee is None and self.service_request.assignee_id is None:
            return _("Nobody has taken this request yet.")
        if assignee is not None and not self.can_be_assignee(assignee):
            if assignee.pk == self.service_request.applicant_id:
                return _("The applicant of a request cannot be its assignee.")
            return _("Only an officer of the request's service can be its assignee.")
        if self.is_own_request_of_officer:
            return self.refusal(Role.OFFICER)
        taking_or_releasing = assignee is None or assignee.pk == self.user.pk
        if taking_or_releasing and self.service_request.assignee_id is not None and not self.is_supervisor():
            return _("Another officer has taken this request.")
        if not self.is_officer:
            return _("You may not act on this request.")
        return _("Only a supervisor of the service may assign requests to others.")

    def check_assign(self, assignee):
        if not self.can_assign(assignee):
            raise PermissionDenied(self.assignment_refusal(assignee))

    def refusal(self, role) -> str:
        """Why this user may not act on the request in this role, in the words they read."""
        if self.is_own_request_of_officer and Role(role) == Role.OFFICER:
            return _(
                "You filed this request yourself, so another officer of the service processes it. "
                "You can cancel it from “My requests”."
            )
        if not self.can_act_as(role):
            return _("You may not act on this request.")
        return _("A request that is “%(status)s” cannot be changed this way.") % {
            "status": self.service_request.get_status_display()
        }

    def check_move(self, to_status, role):
        """Raise PermissionDenied, with the reason, unless this move is allowed."""
        if not self.can_move(to_status, role):
            held_back = to_status in self.table_targets(role) and self.held_back(to_status, role)
            raise PermissionDenied(held_back or self.refusal(role))

    def check_edit(self):
        if not self.can_edit():
            raise PermissionDenied(self.refusal(Role.APPLICANT))
