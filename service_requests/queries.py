"""Reads of requests: who may see what, and the lists of applicants and officers."""

from array import array
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, Q
from django.utils import translation

from wagtail.models import GroupPagePermission, Page, Site

from accounts.hashing import citizen_id_hash
from base.models import OfficeSettings
from base.page_cache import kept_until_purge
from base.working_days import WorkingCalendar

from .catalogue import IdCardCopy, all_services, get_service, service_codes
from .corrections import MarkedPart, marked_parts_of
from .due_dates import timing_of, with_sla_history
from .models import (
    AssignmentChange,
    CorrectionRound,
    InternalNote,
    ReplacedAttachment,
    RequestAccess,
    ServiceAssignment,
    ServiceRequest,
    period_display,
)
from .sla import working_days_allowed, working_days_promised
from .workflow import (
    APPLICANT_STATUS_GROUPS,
    CLOSED,
    CONFIRMED,
    WAITING_FOR_OFFICER,
    ApplicantStatusGroup,
)

# The officers of a service are the active members of the group assigned to it
# (ServiceAssignment) and every active superuser, who may step in for any service. This is the
# only definition: services_handled_by() reads it for one user, officers_of() for one service,
# and everything else (the admin, the permission policy, calendars, e-mails) asks these two.


def services_handled_by(user) -> set[str]:
    """The service codes whose requests this user works (all of them for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return service_codes()
    cached = getattr(user, "_services_handled", None)
    if cached is None:
        cached = set(
            ServiceAssignment.objects.filter(group__user=user).values_list("service_code", flat=True)
        )
        user._services_handled = cached
    return cached


def officers_of(service_code: str | None = None):
    """The users who work this service's requests (any service's, without a code)."""
    assignments = ServiceAssignment.objects.all()
    if service_code is not None:
        assignments = assignments.filter(service_code=service_code)
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__in=assignments.values("group")), is_active=True)
        .distinct()
    )


def is_officer_for(user, service_code: str) -> bool:
    return service_code in services_handled_by(user)


def is_officer(user) -> bool:
    return bool(services_handled_by(user))


# Who may assign a request to another officer: an officer of its service who holds this
# permission (given to a supervisors' group under Settings → Groups; superusers hold every one).
ASSIGN_PERMISSION = "service_requests.assign_servicerequest"


def supervises(user, service_code: str) -> bool:
    """May this user assign the service's requests to others (and take them from others)?"""
    return is_officer_for(user, service_code) and user.has_perm(ASSIGN_PERMISSION)


def assignable_officers(service_request):
    """Who may be made answerable for this request: the officers of its service, less its
    applicant (an officer never works a request they filed), by name."""
    return (
        officers_of(service_request.service_code)
        .exclude(pk=service_request.applicant_id)
        .order_by("first_name", "last_name", "pk")
    )


def officers_of_services(service_codes):
    """The officers of any of these services, by name (the bulk assignment's choices; each
    request still takes only an officer of its own service)."""
    assignments = ServiceAssignment.objects.filter(service_code__in=list(service_codes))
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__in=assignments.values("group")), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


def services_supervised_by(user) -> set[str]:
    """The services whose requests this user may assign to others."""
    return {code for code in services_handled_by(user) if supervises(user, code)}


def assignment_changes_of(service_request):
    """The request's changes of assignee, oldest first, with the people in the same query."""
    return AssignmentChange.objects.filter(request=service_request).select_related(
        "from_assignee", "to_assignee", "actor"
    )


def open_requests_assigned_to(user):
    """The requests the officer is answerable for that are still open, of the services they
    still work (one who left a service no longer sees its requests)."""
    return requests_for_officer(user).filter(assignee=user).exclude(status__in=CLOSED)


def queue_of_officer(user, *, today=None) -> list[tuple]:
    """The officer's own open requests with their timing (sla.RequestTiming), overdue first, then
    by due date: [(request, timing), …], in three queries (requests, their history, closure days)."""
    calendar = WorkingCalendar()
    rows = [
        (service_request, timing_of(service_request, calendar=calendar, today=today))
        for service_request in with_sla_history(open_requests_assigned_to(user))
    ]
    rows.sort(key=lambda row: (not row[1].is_overdue, row[1].due_on, row[0].submitted_at, row[0].pk))
    return rows


def requests_for_officer(user):
    """The requests of the services this officer's groups handle."""
    return ServiceRequest.objects.filter(service_code__in=services_handled_by(user))


def search_officer_requests(queryset, text: str):
    """Every word must match the reference, the applicant's first or last name, citizen ID or
    phone (typed with or without dashes), or name the service, so "สมชาย ใจดี" finds Mr Somchai
    Jaidee and "บัตรข้าราชการ 081-234-5678" his ID-card requests. A whole citizen ID also finds
    that person's de-identified requests (by its keyed hash)."""
    for word in text.split():
        digits = word.replace("-", "")
        same_person = Q(applicant_citizen_id=citizen_id_hash(digits)) if len(digits) == 13 else Q(pk__in=[])
        queryset = queryset.filter(
            same_person
            | Q(reference__icontains=word)
            | Q(applicant_first_name__icontains=word)
            | Q(applicant_last_name__icontains=word)
            | Q(applicant_citizen_id__contains=digits)
            | Q(applicant_phone__contains=digits)
            | Q(service_code__in=services_called(word))
        )
    return queryset


# A searched number this long that a citizen ID holds is a search by citizen ID (shorter ones are
# parts of dates and reference codes far more often than deliberate searches).
CITIZEN_ID_SEARCH_MIN_DIGITS = 4


def citizen_id_matches(service_requests, text: str) -> list:
    """Those of `service_requests` (a page of search results, already read) that a search for
    `text` found by their citizen ID: a word of at least CITIZEN_ID_SEARCH_MIN_DIGITS digits
    (dashes allowed) that is part of the applicant's citizen ID and not of the reference code or
    the phone number. No query."""
    numbers = [
        digits
        for word in text.split()
        if len(digits := word.replace("-", "")) >= CITIZEN_ID_SEARCH_MIN_DIGITS and digits.isdigit()
    ]
    return [
        service_request
        for service_request in service_requests
        if any(
            number in service_request.applicant_citizen_id
            and number not in service_request.reference
            and number not in service_request.applicant_phone
            for number in numbers
        )
    ]


def status_counts_for_officer(user) -> dict[tuple[str, str], int]:
    """{(service code, status): number of requests} over the officer's services, in one query."""
    rows = requests_for_officer(user).order_by().values("service_code", "status").annotate(count=Count("pk"))
    return {(row["service_code"], row["status"]): row["count"] for row in rows}


def newest_waiting_for_officer(user, *, limit: int = 10):
    """The requests that most recently arrived (or came back corrected) to the officer."""
    return (
        requests_for_officer(user)
        .filter(status__in=WAITING_FOR_OFFICER)
        .order_by("-status_changed_at", "-pk")[:limit]
    )


def services_called(search: str) -> set[str]:
    """The codes of the services `search` may name: part of a catalogue name in any of the portal's
    languages, or of the title of a live page that describes the service (editors may word it
    otherwise, and the applicant searches with the words they read)."""
    needle = search.casefold()
    codes = set()
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            codes.update(service.code for service in all_services() if needle in str(service.name).casefold())
    pages = Page.objects.live().filter(title__icontains=search).specific()
    known = service_codes()
    codes.update(code for page in pages if (code := getattr(page, "service_code", None)) in known)
    return codes


def requests_of_applicant(user, *, search: str = "", status_group: str = ""):
    """The applicant's own requests, newest first, searchable by reference code or service name
    and narrowed to one of the workflow's applicant status groups (APPLICANT_STATUS_GROUPS) when
    one is named."""
    queryset = ServiceRequest.objects.filter(applicant=user).order_by("-submitted_at", "-id")
    if status_group in APPLICANT_STATUS_GROUPS:
        queryset = queryset.filter(status__in=APPLICANT_STATUS_GROUPS[ApplicantStatusGroup(status_group)])
    search = search.strip()
    if search:
        queryset = queryset.filter(
            Q(reference__icontains=search) | Q(service_code__in=services_called(search))
        )
    return queryset


def open_requests_of_applicant(user):
    """The applicant's requests that are not closed yet (neither completed nor cancelled)."""
    return requests_of_applicant(user).exclude(status__in=CLOSED)


def retention_days_by_service() -> dict[str, int]:
    """How many days after closing each service's requests keep their personal data: the
    administrators' period where they set one (ServiceAssignment), else REQUEST_RETENTION_DAYS."""
    own = dict(
        ServiceAssignment.objects.filter(retention_days__isnull=False).values_list(
            "service_code", "retention_days"
        )
    )
    return {code: own.get(code, settings.REQUEST_RETENTION_DAYS) for code in service_codes()}


@dataclass(frozen=True)
class ServiceOperation:
    """How the portal runs a service now: its officer group, working days and retention period,
    as the request pages, due dates and the retention job read them."""

    officer_group: Group | None  # None: no group works it yet (only superusers see its requests)
    processing_days: int  # the working days its due dates count
    promised_days: str  # what the applicant is told, e.g. "3-5" (within 3-5 working days)
    retention_days: int
    retention_is_default: bool  # the portal's REQUEST_RETENTION_DAYS, none set for the service

    @property
    def promise_is_the_due_date(self) -> bool:
        """A service with its own number promises just that; a built-in one promises "3-5"."""
        return self.promised_days == str(self.processing_days)

    @property
    def retention_display(self) -> str:
        return period_display(self.retention_days, is_default=self.retention_is_default)


def service_operation(service_code: str) -> ServiceOperation:
    """What a service runs with now: the group its assignment names (one query), the working days
    its due dates count and those the applicant is promised (sla), and the retention period the
    retention job applies."""
    assignment = ServiceAssignment.objects.select_related("group").filter(service_code=service_code).first()
    own_retention = assignment.retention_days if assignment is not None else None
    return ServiceOperation(
        officer_group=assignment.group if assignment is not None else None,
        processing_days=working_days_allowed(service_code),
        promised_days=working_days_promised(service_code),
        retention_days=own_retention if own_retention is not None else settings.REQUEST_RETENTION_DAYS,
        retention_is_default=own_retention is None,
    )


def officer_group_choices(*, including=None):
    """The groups a service's requests may be given to (a configured service's page offers them),
    by name: those that work an e-service now (ServiceAssignment: their members are its officers,
    see above), and the other staff groups (admin access) that neither edit pages nor supervise,
    e.g. a group made for a new service. Wagtail's editors and moderators, who write and approve
    pages, and the supervisors' groups (officers through their service's own group) are left out.
    `including`: a group id to keep whatever it is (the one a page already names)."""
    working = ServiceAssignment.objects.values("group")
    assign_app_label, assign_codename = ASSIGN_PERMISSION.split(".")
    staff = Group.objects.filter(
        permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
    ).values("pk")
    not_officers = Group.objects.filter(
        Q(pk__in=GroupPagePermission.objects.values("group"))
        | Q(permissions__content_type__app_label=assign_app_label, permissions__codename=assign_codename)
    ).values("pk")
    wanted = Q(pk__in=working) | (Q(pk__in=staff) & ~Q(pk__in=not_officers))
    if including is not None:
        wanted |= Q(pk=including)
    return Group.objects.filter(wanted).order_by("name")


def id_card_copy_choices() -> dict[str, str]:
    """{service code: IdCardCopy} where an administrator changed the ID-card copy from required
    (one query; the catalogue keeps the answer a few seconds)."""
    return dict(
        ServiceAssignment.objects.exclude(id_card_copy=IdCardCopy.REQUIRED).values_list(
            "service_code", "id_card_copy"
        )
    )


def kept_id_card_copy_choices() -> dict[str, str]:
    """id_card_copy_choices(), kept in the default cache under the page cache's generation (a saved
    or deleted ServiceAssignment starts a new one: apps.py), so that a service page does not ask
    the database each request."""
    return kept_until_purge("id-card-copy-choices", id_card_copy_choices)


def requests_past_retention(now: datetime):
    """Closed requests, still identifying their applicant, closed longer ago than their service's
    retention period (a closed request's last change of status is its closing)."""
    past = Q()
    for code, days in retention_days_by_service().items():
        past |= Q(service_code=code, status_changed_at__lt=now - timedelta(days=days))
    return ServiceRequest.objects.filter(past, status__in=CLOSED, deidentified_at__isnull=True).order_by("pk")


def request_of_applicant(user, reference: str):
    """The applicant's request with this reference, or None (never someone else's)."""
    if not user.is_authenticated:
        return None
    return ServiceRequest.objects.filter(applicant=user, reference=reference).first()


def find_for_status_check(*, reference: str, citizen_id: str | None = None, phone: str | None = None):
    """The request only when the reference and the applicant's citizen ID, or else the phone
    number given with the request, match."""
    if citizen_id:
        applicant = Q(applicant_citizen_id=citizen_id)
    elif phone:
        applicant = Q(applicant_phone=phone)
    else:
        return None
    return (
        ServiceRequest.objects.filter(applicant, reference=reference.strip())
        .only("reference", "service_code", "status", "submitted_at", "status_changed_at")
        .first()
    )


def request_with_reference(reference: str):
    """The request with this reference, or None; who may see it is the permission tester's answer."""
    return ServiceRequest.objects.filter(reference=reference).first()


def default_office():
    """The office of the default site (a background worker has no request to find its site by)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return OfficeSettings.for_site(site) if site else OfficeSettings()


def details_record(service_request):
    """The service's own row of this request (its RequestDetails), or None."""
    model = service_request.service.details_model
    return model.objects.filter(request=service_request).first() if model else None


def marked_parts(service_request) -> list[MarkedPart]:
    """What the officer marked to correct in the request's open correction round: each part's
    label as the active language names it (the label stored with the mark when the form no longer
    has the part) and the officer's note."""
    correction_round = open_correction_round(service_request)
    if correction_round is None:
        return []
    return marked_parts_of(service_request, details_record(service_request), correction_round)


def booked_time(service_request):
    """(starts, ends) of the request's booking or appointment (its details' calendar_event), or
    None for a service without a time."""
    record = details_record(service_request)
    event = record.calendar_event(office_address="") if record else None
    return (event["starts_at"], event["ends_at"]) if event else None


def applicant_email_addresses(service_request) -> list[str]:
    """Where the applicant's e-mails about this request go: the account's verified address and the
    one the service's form asked for (RequestDetails.notification_email), each once, whatever its case."""
    record = details_record(service_request)
    applicant = service_request.applicant
    # The account's address only once a link proved it theirs (accounts: e-mail verification).
    account_email = applicant.email if applicant.email_is_verified else ""
    candidates = (account_email, record.notification_email() if record else "")
    addresses = {}
    for address in candidates:
        address = (address or "").strip()
        if address:
            addresses.setdefault(address.casefold(), address)
    return list(addresses.values())


def details_of(service_request):
    """The service's own fields of this request, as (label, value) rows."""
    details = details_record(service_request)
    return details.rows() if details else []


def attachment_slot_count(reference: str) -> int:
    """How many files the edit form of this request takes (none for an unknown reference)."""
    code = ServiceRequest.objects.filter(reference=reference).values_list("service_code", flat=True).first()
    return len(get_service(code).attachment_slots) if code else 0


def confirmed_details_of_applicant(user, reference: str):
    """The service's own row of the applicant's request with this reference once an officer has
    taken it on (in progress or completed); else None (never someone else's)."""
    service_request = request_of_applicant(user, reference)
    if service_request is None or service_request.status not in CONFIRMED:
        return None
    return details_record(service_request)


def accesses_of_request(service_request):
    """The staff reads of this request's personal data (RequestAccess), oldest first (each row's
    `request` is this one: no query per row)."""
    return service_request.accesses.order_by("accessed_at", "pk")


def accesses_between(start=None, end=None):
    """The whole access record, oldest first, optionally from `start` (a moment, inclusive) to
    `end` (exclusive), with each row's request in the same query."""
    rows = RequestAccess.objects.select_related("request")
    if start is not None:
        rows = rows.filter(accessed_at__gte=start)
    if end is not None:
        rows = rows.filter(accessed_at__lt=end)
    return rows.order_by("accessed_at", "pk")


def internal_notes_of(service_request):
    """The officers' notes about this request, oldest first: the only read of InternalNote, for
    the officers' process page (the applicant's pages, e-mails, printouts and data copy never
    ask for them)."""
    return InternalNote.objects.filter(request=service_request).order_by("created_at", "pk")


def open_correction_round(service_request, *, for_update: bool = False):
    """The request's return for correction not yet answered (the newest), or None."""
    rounds = CorrectionRound.objects.filter(request=service_request, resubmitted_at__isnull=True)
    if for_update:
        rounds = rounds.select_for_update()
    return rounds.order_by("-returned_at", "-pk").prefetch_related("items").first()


def correction_rounds(service_request):
    """Every return for correction of the request and its answer, newest first, with the marked
    parts, the replaced files and the officer who returned it (a fixed number of queries)."""
    return (
        CorrectionRound.objects.filter(request=service_request)
        .select_related("returned_by")
        .prefetch_related("items", "replaced_files")
        .order_by("-returned_at", "-pk")
    )


def replaced_attachment(service_request, replaced_id):
    """A file a correction of this request replaced, or None."""
    from_rounds = CorrectionRound.objects.filter(request=service_request).values("pk")
    return ReplacedAttachment.objects.filter(pk=replaced_id, round__in=from_rounds).first()


# The officers' exports (admin_views.ServiceRequestIndexView): many rows, read in chunks.

EXPORT_CHUNK_SIZE = 500


def selected_requests(queryset, ids):
    """The requests of `queryset` among the selected pks (Wagtail's selection: ?id=1&id=2; "all" or
    none selected: the whole list). Pks that are not numbers select nothing."""
    if not ids or "all" in ids:
        return queryset
    return queryset.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])


def exported_keys(queryset) -> tuple[array, array]:
    """(pks, applicant pks) of the exported requests, as compact arrays: what the access record
    needs of an export of 50,000 requests, without holding 50,000 rows."""
    pks, applicants = array("q"), array("q")
    for pk, applicant_id in queryset.order_by().values_list("pk", "applicant_id").iterator(EXPORT_CHUNK_SIZE):
        pks.append(pk)
        applicants.append(applicant_id)
    return pks, applicants


def requests_with_details(queryset, details_model=None, *, chunk_size=EXPORT_CHUNK_SIZE):
    """(request, its service's details row or None) for every request of the queryset, read chunk
    by chunk (the queryset's prefetches included): one query for each chunk's details, with the
    rows they name (a room, an executive). Without `details_model`, details are None."""
    chunk = []
    for service_request in queryset.iterator(chunk_size):
        chunk.append(service_request)
        if len(chunk) == chunk_size:
            yield from _with_details(chunk, details_model)
            chunk = []
    yield from _with_details(chunk, details_model)


def _with_details(chunk, details_model):
    if details_model is None or not chunk:
        details = {}
    else:
        related = [field.name for field in details_model.export_fields() if field.is_relation]
        details = details_model.objects.select_related(*related).in_bulk(
            [service_request.pk for service_request in chunk]
        )  # a details row's pk is its request's
    for service_request in chunk:
        yield service_request, details.get(service_request.pk)
