"""The transition table says what the SPEC says: who may move a request from which status to which."""

import pytest

from service_requests.workflow import (
    CLOSED,
    CONFIRMED,
    TRANSITIONS,
    WAITING_FOR_OFFICER,
    RequestStatus,
    Role,
    allowed_targets,
    confirmation_required,
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
    ("target", "required"), [(target, target in (S.RETURNED, S.CANCELLED)) for target in S]
)
def test_officers_must_explain_a_return_or_a_cancellation(target, required):
    assert message_required(target, OFFICER) is required


def test_the_applicant_may_cancel_without_a_reason():
    assert message_required(S.CANCELLED, APPLICANT) is False


# The groups of statuses other modules use, derived from the table.


def test_closed_requests_are_the_completed_and_cancelled_ones():
    assert {S.COMPLETED, S.CANCELLED} == CLOSED


def test_new_and_corrected_requests_wait_for_an_officer():
    assert {S.SUBMITTED, S.RESUBMITTED} == WAITING_FOR_OFFICER


def test_a_booking_stands_once_an_officer_took_it_up_or_completed_it():
    assert {S.IN_PROGRESS, S.COMPLETED} == CONFIRMED


@pytest.mark.parametrize("target", list(RequestStatus))
def test_officers_confirm_the_moves_that_close_a_request_for_good(target):
    # Completing (and cancelling, on its own page) cannot be undone: the officer confirms first.
    assert confirmation_required(target, OFFICER) == (target in {S.COMPLETED, S.CANCELLED})
    assert confirmation_required(target, OFFICER) == (target in CLOSED)
    assert not confirmation_required(target, APPLICANT)
