"""A seeded month of requests with known dates (April 2025), holidays, a closure day and returns.

April 2025 in Bangkok: weekends 5–6, 12–13, 19–20, 26–27; public holidays (the `holidays`
package) 6 and 7 (Chakri Day and its day in lieu), 13–16 (Songkran and its day in lieu); the
closure day the tests add: Friday 18. Working days: 1–4, 8–11, 17, 21–25, 28–30. In May, the 1st
(Labour Day) and 5th (Coronation Day in lieu) are holidays; "today" is Friday 2 May 2025.
"""

import datetime
import itertools
import uuid
from types import SimpleNamespace

from django.contrib.auth.models import Group, Permission

import pytest

from base.working_days import BANGKOK
from service_requests.models import ServiceAssignment, ServiceRequest, StatusChange
from service_requests.workflow import RequestStatus
from tests.factories.accounts import StaffFactory, UserFactory

S = RequestStatus
TODAY = datetime.date(2025, 5, 2)
SECONDS = itertools.count()


def bangkok(month, day, hour=10, minute=0) -> datetime.datetime:
    return datetime.datetime(2025, month, day, hour, minute, tzinfo=BANGKOK)


def make_request(service_code, submitted_at, *moves, applicant=None):
    """A request submitted at `submitted_at`, then moved (to_status, moment) by moment, with the
    history rows the actions would have written."""
    applicant = applicant or UserFactory()
    status = S.SUBMITTED
    service_request = ServiceRequest.objects.create(
        reference=f"{service_code}{submitted_at:%Y%m%d%H%M}{next(SECONDS):02d}",
        service_code=service_code,
        applicant=applicant,
        applicant_citizen_id=applicant.citizen_id,
        applicant_title=applicant.title,
        applicant_first_name=applicant.first_name,
        applicant_last_name=applicant.last_name,
        applicant_phone=applicant.phone,
        status=status,
        submitted_at=submitted_at,
        status_changed_at=submitted_at,
        last_changed_at=submitted_at,
        submission_key=uuid.uuid4(),
    )
    StatusChange.objects.create(
        request=service_request,
        from_status="",
        to_status=status,
        actor_role="applicant",
        created_at=submitted_at,
    )
    for to_status, moment in moves:
        StatusChange.objects.create(
            request=service_request,
            from_status=status,
            to_status=to_status,
            actor_role="applicant" if to_status == S.RESUBMITTED else "officer",
            created_at=moment,
        )
        status = to_status
    changed_at = moves[-1][1] if moves else submitted_at
    ServiceRequest.objects.filter(pk=service_request.pk).update(
        status=status, status_changed_at=changed_at, last_changed_at=changed_at
    )
    service_request.refresh_from_db()
    return service_request


def officer_group(name, *service_codes):
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for code in service_codes:
        ServiceAssignment.objects.create(service_code=code, group=group)
    return group


@pytest.fixture
def personnel_officer(db):
    """An officer of the personnel group: services 11 and 12."""
    officer = StaffFactory()
    officer.groups.add(officer_group("เจ้าหน้าที่กลุ่มบริหารงานบุคคล", "11", "12"))
    return officer


@pytest.fixture
def finance_officer(db):
    """An officer of the finance group: service 21 only."""
    officer = StaffFactory()
    officer.groups.add(officer_group("เจ้าหน้าที่กลุ่มบริหารงานการเงิน", "21"))
    return officer


@pytest.fixture
def april(closure_day):
    """The seeded requests; each comment gives its hand-computed figures (as of 2 May 2025)."""
    r = SimpleNamespace()
    # A: 06:30 on 1 April in Bangkok is still 31 March in UTC: it belongs to April.
    #    Completed 3 Apr: working days after 1 Apr up to 3 Apr: 2, 3 → 2. Due 9 Apr (2,3,4,8,9).
    r.a = make_request(
        "11", bangkok(4, 1, 6, 30), (S.IN_PROGRESS, bangkok(4, 2)), (S.COMPLETED, bangkok(4, 3, 15))
    )
    # B: returned 4 Apr, corrected 9 Apr: returned 8, 9 → 2 working days (5–6 weekend, 7 holiday).
    #    Completed 17 Apr: 4, 8, 9, 10, 11, 17 → 6, less 2 returned → 4.
    #    Due: 5 + 2 = 7 working days after 3 Apr: 4, 8, 9, 10, 11, 17, 21 → 21 Apr (18 closed).
    r.b = make_request(
        "11",
        bangkok(4, 3),
        (S.RETURNED, bangkok(4, 4)),
        (S.RESUBMITTED, bangkok(4, 9)),
        (S.COMPLETED, bangkok(4, 17)),
    )
    # C: Friday 11 Apr 16:00 → completed 21 Apr: 17, 21 → 2 (12–16 weekend and Songkran, 18 closed).
    r.c = make_request("11", bangkok(4, 11, 16), (S.COMPLETED, bangkok(4, 21)))
    # D: 21 Apr → completed 30 Apr: 22, 23, 24, 25, 28, 29, 30 → 7.
    r.d = make_request("12", bangkok(4, 21), (S.COMPLETED, bangkok(4, 30)))
    # E: submitted 25 Mar (before the period), completed 2 Apr: Mar 26, 27, 28, 31, Apr 1, 2 → 6.
    r.e = make_request("12", bangkok(3, 25), (S.COMPLETED, bangkok(4, 2)))
    # F: 23 Apr, being worked on. Due 30 Apr (24, 25, 28, 29, 30); on 2 May (1 May a holiday):
    #    1 working day overdue.
    r.f = make_request("11", bangkok(4, 23), (S.IN_PROGRESS, bangkok(4, 24)))
    # G: 17 Apr, returned 21 Apr and still with the applicant: returned 22–25, 28–30, May 2 → 8.
    #    Due: 13 working days after 17 Apr → 9 May (5 May a holiday): not overdue.
    r.g = make_request("12", bangkok(4, 17), (S.RETURNED, bangkok(4, 21)))
    # H: 31 Mar (before the period), untouched. Due 8 Apr (1, 2, 3, 4, 8); on 2 May: 9, 10, 11,
    #    17, 21, 22, 23, 24, 25, 28, 29, 30, May 2 → 13 working days overdue.
    r.h = make_request("11", bangkok(3, 31))
    # I: 2 Apr, cancelled 3 Apr: counted as cancelled, never overdue.
    r.i = make_request("12", bangkok(4, 2), (S.CANCELLED, bangkok(4, 3)))
    # J: 9 Apr, returned 10 Apr, corrected 24 Apr: returned 11, 17, 21, 22, 23, 24 → 6.
    #    Due: 11 working days after 9 Apr: 10, 11, 17, 21, 22, 23, 24, 25, 28, 29, 30 → 30 Apr;
    #    on 2 May: 1 working day overdue.
    r.j = make_request("11", bangkok(4, 9), (S.RETURNED, bangkok(4, 10)), (S.RESUBMITTED, bangkok(4, 24)))
    # K: service 21 (finance), 2 Apr, untouched. Due 10 Apr (3, 4, 8, 9, 10); on 2 May: 11, 17,
    #    21, 22, 23, 24, 25, 28, 29, 30, May 2 → 11 working days overdue.
    r.k = make_request("21", bangkok(4, 2))
    # M: 28 Apr, completed 2 May: completed, but not in April's completions.
    r.m = make_request("12", bangkok(4, 28), (S.COMPLETED, bangkok(5, 2, 9)))
    return r
