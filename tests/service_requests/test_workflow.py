"""The transition table says what the SPEC says: who may move a request from which status to which."""

import pytest

from service_requests.workflow import (
    TRANSITIONS,
    RequestStatus,
    Role,
    allowed_targets,
    applicant_may_cancel,
    applicant_may_edit,
    is_allowed,
    message_required,
)

S = RequestStatus
APPLICANT, OFFICER = Role.APPLICANT, Role.OFFICER

# Written out from the SPEC, independently of workflow.TRANSITIONS.
SPEC_MOVES = {
    # The applicant edits while untouched, corrects when returned, cancels until completed.
    (S.SUBMITTED, S.SUBMITTED, APPLICANT),
    (S.RETURNED, S.RESUBMITTED, APPLICANT),
    *((source, S.CANCELLED, APPLICANT) for source in (S.SUBMITTED, S.IN_PROGRESS, S.RETURNED, S.RESUBMITTED)),
    # Officers take up, return, complete or cancel what the applicant sent or corrected (and, while
    # working on it, may stay in progress to send a message or a reply file).
    *(
        (source, target, OFFICER)
        for source in (S.SUBMITTED, S.IN_PROGRESS, S.RESUBMITTED)
        for target in (S.IN_PROGRESS, S.RETURNED, S.COMPLETED, S.CANCELLED)
    ),
    # A returned request waits for the applicant; officers may still cancel it.
    (S.RETURNED, S.CANCELLED, OFFICER),
}

ALL_MOVES = [(source, target, role) for source in S for target in S for role in Role]


def test_the_table_names_every_status():
    assert set(TRANSITIONS) == set(RequestStatus)


@pytest.mark.parametrize(("source", "target", "role"), ALL_MOVES)
def test_a_move_is_allowed_exactly_when_the_spec_allows_it(source, target, role):
    assert is_allowed(source, target, role) == ((source, target, role) in SPEC_MOVES)


@pytest.mark.parametrize("final", [S.COMPLETED, S.CANCELLED])
def test_nobody_moves_a_finished_request(final):
    assert allowed_targets(final, APPLICANT) == []
    assert allowed_targets(final, OFFICER) == []


def test_officers_are_offered_the_moves_of_the_table_in_order():
    assert allowed_targets(S.SUBMITTED, OFFICER) == [S.IN_PROGRESS, S.RETURNED, S.COMPLETED, S.CANCELLED]


@pytest.mark.parametrize(
    ("status", "may_edit"),
    [(S.SUBMITTED, True), (S.RETURNED, True), (S.IN_PROGRESS, False), (S.RESUBMITTED, False)]
    + [(S.COMPLETED, False), (S.CANCELLED, False)],
)
def test_the_applicant_may_edit_only_an_untouched_or_returned_request(status, may_edit):
    assert applicant_may_edit(status) is may_edit


@pytest.mark.parametrize(
    ("status", "may_cancel"),
    [(S.SUBMITTED, True), (S.IN_PROGRESS, True), (S.RETURNED, True), (S.RESUBMITTED, True)]
    + [(S.COMPLETED, False), (S.CANCELLED, False)],
)
def test_the_applicant_may_cancel_until_the_request_is_completed(status, may_cancel):
    assert applicant_may_cancel(status) is may_cancel


@pytest.mark.parametrize(
    ("target", "required"), [(target, target in (S.RETURNED, S.CANCELLED)) for target in S]
)
def test_officers_must_explain_a_return_or_a_cancellation(target, required):
    assert message_required(target, OFFICER) is required


def test_the_applicant_may_cancel_without_a_reason():
    assert message_required(S.CANCELLED, APPLICANT) is False
