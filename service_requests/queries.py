"""Reads of requests: who may see what, and the lists of applicants and officers."""

from django.conf import settings
from django.db.models import Count, Q
from django.utils import translation

from wagtail.models import Page

from .catalogue import CATALOGUE, appointment, meeting_room
from .catalogue.appointment import AppointmentDetails
from .catalogue.meeting_room import RoomBookingDetails
from .models import ServiceAssignment, ServiceRequest
from .workflow import RequestStatus

# Requests that wait for an officer: new ones and the applicants' corrections.
WAITING_FOR_OFFICER = (RequestStatus.SUBMITTED, RequestStatus.RESUBMITTED)


def services_handled_by(user) -> set[str]:
    """The service codes whose requests this user works (all of them for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(CATALOGUE)
    cached = getattr(user, "_services_handled", None)
    if cached is None:
        cached = set(
            ServiceAssignment.objects.filter(group__user=user).values_list("service_code", flat=True)
        )
        user._services_handled = cached
    return cached


def is_officer_for(user, service_code: str) -> bool:
    return service_code in services_handled_by(user)


def is_officer(user) -> bool:
    return bool(services_handled_by(user))


def requests_for_officer(user):
    """The requests of the services this officer's groups handle."""
    return ServiceRequest.objects.filter(service_code__in=services_handled_by(user))


def search_officer_requests(queryset, text: str):
    """Every word must match the reference, the applicant's first or last name or citizen ID
    (typed with or without dashes), so "สมชาย ใจดี" finds Mr Somchai Jaidee."""
    for word in text.split():
        citizen_id_digits = word.replace("-", "")
        queryset = queryset.filter(
            Q(reference__icontains=word)
            | Q(applicant_first_name__icontains=word)
            | Q(applicant_last_name__icontains=word)
            | Q(applicant_citizen_id__contains=citizen_id_digits)
        )
    return queryset


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
            codes.update(
                code for code, service in CATALOGUE.items() if needle in str(service.name).casefold()
            )
    pages = Page.objects.live().filter(title__icontains=search).specific()
    codes.update(code for page in pages if (code := getattr(page, "service_code", None)) in CATALOGUE)
    return codes


def requests_of_applicant(user, *, search: str = ""):
    """The applicant's own requests, newest first, searchable by reference code or service name."""
    queryset = ServiceRequest.objects.filter(applicant=user).order_by("-submitted_at", "-id")
    search = search.strip()
    if search:
        queryset = queryset.filter(
            Q(reference__icontains=search) | Q(service_code__in=services_called(search))
        )
    return queryset


def request_of_applicant(user, reference: str):
    """The applicant's request with this reference, or None (never someone else's)."""
    if not user.is_authenticated:
        return None
    return ServiceRequest.objects.filter(applicant=user, reference=reference).first()


def may_view(user, service_request) -> bool:
    return service_request.applicant_id == user.pk or is_officer_for(user, service_request.service_code)


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


def visible_request(user, *, reference: str):
    """The request if this user is its applicant or an officer of its service, else None."""
    service_request = ServiceRequest.objects.filter(reference=reference).first()
    if service_request is None or not may_view(user, service_request):
        return None
    return service_request


def attachment_for(user, *, reference: str, attachment_id: int):
    service_request = visible_request(user, reference=reference)
    if service_request is None:
        return None
    return service_request.attachments.filter(pk=attachment_id).first()


def details_record(service_request):
    """The service's own row of this request (its RequestDetails), or None."""
    model = service_request.service.details_model
    return model.objects.filter(request=service_request).first() if model else None


def details_of(service_request):
    """The service's own fields of this request, as (label, value) rows."""
    details = details_record(service_request)
    return details.rows() if details else []


def reply_content_type(service_request) -> str:
    extension = service_request.reply_file.name.rsplit(".", 1)[-1].lower()
    return {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}.get(
        extension, "application/octet-stream"
    )


# Calendars of the services that book time (meeting rooms, executives' appointments).


def _times(taken):
    """(starts_at, ends_at) only: nothing about who booked."""
    return list(taken.order_by("starts_at").values_list("starts_at", "ends_at"))


def room_busy_times(room_id, *, starts, ends):
    """The times the room is booked (bookings that hold their slot) within this range."""
    return _times(RoomBookingDetails.taking(room_id, starts=starts, ends=ends))


def executive_busy_times(executive_id, *, starts, ends):
    """The times of the executive's accepted appointments within this range."""
    return _times(AppointmentDetails.taking(executive_id, starts=starts, ends=ends))


def room_bookings_for_officer(user, *, starts, ends):
    """The bookings that hold their slot in this range, for officers of the meeting-room service
    (none for anyone else), with their rooms and requests."""
    if not is_officer_for(user, meeting_room.SERVICE.code):
        return RoomBookingDetails.objects.none()
    return (
        RoomBookingDetails.objects.filter(holds_slot=True, starts_at__lt=ends, ends_at__gt=starts)
        .select_related("room", "request")
        .order_by("starts_at", "room__name")
    )


CONFIRMED = (RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED)


def confirmed_booking_of_applicant(user, reference: str):
    """The applicant's own room booking or appointment with this reference once an officer has
    taken it on (in progress or completed), with what it books; else None."""
    service_request = request_of_applicant(user, reference)
    if service_request is None or service_request.status not in CONFIRMED:
        return None
    related = {meeting_room.SERVICE.code: "room", appointment.SERVICE.code: "executive"}.get(
        service_request.service_code
    )
    if related is None:
        return None
    model = service_request.service.details_model
    return model.objects.select_related(related, "request").filter(request=service_request).first()
