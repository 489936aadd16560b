"""The applicant's side of requests, the shared file downloads and the public status check.

Views ask forms and queries and hand every change to service_requests.actions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, resolve_url
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import View

from base.client_address import client_address
from base.dates import format_datetime_range
from base.faults import kept_on_fault
from base.links import portal_base_url
from base.models import OfficeSettings
from base.working_days import WorkingCalendar, bangkok_today

from . import actions, ics, queries
from .access_record import RecordsStaffAccess
from .availability import availability_of, requested_in, shown_to
from .catalogue import all_services, find_service
from .corrections import marked_parts_of
from .downloads import content_download, file_download
from .due_dates import expected_completion, with_sla_history
from .forms import CancelForm, RequestForms, StatusCheckForm
from .models import AccessKind
from .permissions import RequestPermissionTester
from .presentation import history_lines
from .sla import working_days_promised
from .upload_limits import takes_files
from .workflow import FOR_CORRECTION, ApplicantStatusGroup, RequestStatus, Role

PAGE_SIZES = (10, 25, 50, 100)


def submit_from_service_page(request, page):
    """POST to a service page: file the request, or show the page again with the errors."""
    service = page.service
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if not service.accepts_requests:
        return HttpResponseNotAllowed(["GET"])
    forms = RequestForms(service, user=request.user, data=request.POST, files=request.FILES)
    if forms.is_valid():
        with kept_on_fault(request, forms, where="submit"):
            try:
                service_request = actions.submit_request(
                    applicant=request.user,
                    service_code=service.code,
                    contact=forms.contact_data(),
                    details=forms.details_data(),
                    attachments=forms.attachments.files_by_slot(),
                    submission_key=forms.contact.cleaned_data["submission_key"],
                    base_url=portal_base_url(request),
                )
            except ValidationError as error:
                if getattr(error, "code", None) == actions.STALE_SUBMISSION_KEY:
                    forms = forms.with_new_submission_key()
                forms.add_error(error)
            else:
                return redirect("service_requests:submitted", reference=service_request.reference)
    return TemplateResponse(
        request, page.get_template(request), {**page.get_context(request), "request_forms": forms}
    )


def _own_request_or_404(request, reference):
    service_request = queries.request_of_applicant(request.user, reference)
    if service_request is None:
        raise Http404
    return service_request


def _visible_request_or_404(request, reference):
    """For the downloads shared by the applicant's pages and the admin."""
    service_request = queries.request_with_reference(reference)
    if service_request is None or not RequestPermissionTester(request.user, service_request).can_view():
        raise Http404
    return service_request


@login_required
def submitted(request, reference):
    service_request = _own_request_or_404(request, reference)
    return TemplateResponse(
        request,
        "service_requests/submitted.html",
        {
            "service_request": service_request,
            "email_addresses": queries.applicant_email_addresses(service_request),
            "working_days": working_days_promised(service_request.service_code),
            "expected": expected_completion(service_request, calendar=WorkingCalendar()),
        },
    )


@login_required
def my_requests(request):
    search = request.GET.get("q", "")
    status_group = request.GET.get("status", "")
    if status_group not in ApplicantStatusGroup.values:
        status_group = ""
    try:
        per_page = int(request.GET.get("per_page", PAGE_SIZES[0]))
    except ValueError:
        per_page = PAGE_SIZES[0]
    if per_page not in PAGE_SIZES:
        per_page = PAGE_SIZES[0]
    paginator = Paginator(
        # With the history their due dates are computed from: one query for the whole page.
        with_sla_history(
            queries.requests_of_applicant(request.user, search=search, status_group=status_group)
        ),
        per_page,
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    calendar, today = WorkingCalendar(), bangkok_today()
    rows = [
        {
            "number": page_obj.start_index() + index,
            "request": service_request,
            "permissions": RequestPermissionTester(request.user, service_request),
            "expected": expected_completion(service_request, calendar=calendar, today=today),
        }
        for index, service_request in enumerate(page_obj.object_list)
    ]
    return TemplateResponse(
        request,
        "service_requests/my_requests.html",
        {
            "rows": rows,
            "page_obj": page_obj,
            "paginator": paginator,
            "search": search,
            "status_group": status_group,
            "status_groups": ApplicantStatusGroup.choices,
            "per_page": per_page,
            "page_sizes": PAGE_SIZES,
            "services": all_services(),
        },
    )


def _detail_context(request, service_request):
    record = queries.details_record(service_request)
    correction_round = queries.open_correction_round(service_request)
    return {
        "marked_parts": marked_parts_of(service_request, record, correction_round),
        "service_request": service_request,
        "details": record.rows() if record else [],
        "details_record": record,
        "attachments": service_request.attachments.all(),
        "history": history_lines(service_request, service_request.history.select_related("actor")),
        "permissions": RequestPermissionTester(request.user, service_request),
        "offers_calendar_file": ics.offers_calendar_file(service_request, record),
        "accesses": queries.accesses_of_request(service_request),
        "expected": expected_completion(service_request, calendar=WorkingCalendar()),
    }


@login_required
def detail(request, reference):
    service_request = _own_request_or_404(request, reference)
    return TemplateResponse(
        request, "service_requests/detail.html", _detail_context(request, service_request)
    )


@takes_files(lambda request, reference: queries.attachment_slot_count(reference))
@login_required
@require_http_methods(["GET", "POST"])
def edit(request, reference):
    service_request = _own_request_or_404(request, reference)
    permissions = RequestPermissionTester(request.user, service_request)
    if not permissions.can_edit():
        raise PermissionDenied(permissions.refusal(Role.APPLICANT))
    service = service_request.service
    correction_round = queries.open_correction_round(service_request)
    if request.method == "POST":
        # A submitted booking or appointment may be moved to another time (not a correction).
        booked_before = (
            None if service_request.status in FOR_CORRECTION else queries.booked_time(service_request)
        )
        forms = RequestForms(
            service,
            user=request.user,
            data=request.POST,
            files=request.FILES,
            service_request=service_request,
            correction_round=correction_round,
        )
        if forms.is_valid():
            with kept_on_fault(request, forms, where="edit"):
                try:
                    actions.edit_request(
                        actor=request.user,
                        service_request=service_request,
                        contact=forms.contact_data(),
                        details=forms.details_data(),
                        attachments=forms.attachments.files_by_slot(),
                        reply=forms.reply_text(),
                        base_url=portal_base_url(request),
                    )
                except ValidationError as error:
                    forms.add_error(error)
                else:
                    messages.success(request, _edit_sent_message(service_request, booked_before))
                    return redirect("service_requests:detail", reference=reference)
    else:
        forms = RequestForms(
            service, user=request.user, service_request=service_request, correction_round=correction_round
        )
    return TemplateResponse(
        request,
        "service_requests/edit.html",
        {
            "service_request": service_request,
            "service": service,
            "request_forms": forms,
            "marked_parts": marked_parts_of(service_request, forms.details.instance, correction_round),
        },
    )


def _edit_sent_message(service_request, booked_before):
    """What the applicant is told after an edit: a booking or appointment moved to another time
    is rescheduled, in its service's words (its new time in the Buddhist Era); anything else,
    corrections too, was sent."""
    booked_now = queries.booked_time(service_request) if booked_before else None
    if booked_now and booked_now != booked_before:
        return service_request.service.rescheduled_message % {"when": format_datetime_range(*booked_now)}
    return _("Your changes have been sent to the officers.")


def safe_next_url(request, default):
    """The page to go on to (`?next=`, e.g. the account deletion page), if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(default)


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, reference):
    service_request = _own_request_or_404(request, reference)
    permissions = RequestPermissionTester(request.user, service_request)
    if not permissions.can_cancel(Role.APPLICANT):
        raise PermissionDenied(permissions.refusal(Role.APPLICANT))
    form = CancelForm(request.POST or None)
    form.fields["reason"].required = False
    if request.method == "POST" and form.is_valid():
        with kept_on_fault(request, form, where="cancel"):
            actions.move_request(
                actor=request.user,
                service_request=service_request,
                to_status=RequestStatus.CANCELLED,
                role=Role.APPLICANT,
                message=form.cleaned_data["reason"],
                base_url=portal_base_url(request),
            )
            messages.success(request, _("The request has been cancelled."))
            # From the account deletion page, back to it: the next step there is the deletion.
            return redirect(safe_next_url(request, "service_requests:my_requests"))
    back = request.GET.get("next") and safe_next_url(request, "service_requests:my_requests")
    return TemplateResponse(
        request,
        "service_requests/cancel.html",
        {"service_request": service_request, "form": form, "back_url": back},
    )


@method_decorator(login_required, name="dispatch")
class AttachmentView(RecordsStaffAccess, View):
    """An attachment, for the applicant and the officers of the service; 404 for anyone else.
    An officer's download is recorded, with the attachment's slot."""

    access_kind = AccessKind.ATTACHMENT

    def get(self, request, reference, attachment_id):
        self.object = _visible_request_or_404(request, reference)
        self.item = self.object.attachments.filter(pk=attachment_id).first()
        if self.item is None:
            raise Http404
        return file_download(self.item.file, self.item.original_name, self.item.content_type)

    def access_detail_of(self, service_request):
        return self.item.slot


@method_decorator(login_required, name="dispatch")
class ReplyFileView(RecordsStaffAccess, View):
    """The officer's reply file, for the applicant and the officers of the service; an officer's
    download is recorded."""

    access_kind = AccessKind.REPLY_FILE

    def get(self, request, reference):
        self.object = _visible_request_or_404(request, reference)
        if not self.object.reply_file:
            raise Http404
        return file_download(self.object.reply_file, self.object.reply_file_name)


@method_decorator(login_required, name="dispatch")
class ReplacedAttachmentView(RecordsStaffAccess, View):
    """A file the applicant's correction replaced (kept in its correction round), for the
    applicant and the officers of the service; 404 for anyone else. An officer's download is
    recorded like any attachment's, with its slot."""

    access_kind = AccessKind.ATTACHMENT

    def get(self, request, reference, replaced_id):
        self.object = _visible_request_or_404(request, reference)
        self.item = queries.replaced_attachment(self.object, replaced_id)
        if self.item is None:
            raise Http404
        return file_download(self.item.file, self.item.original_name, self.item.content_type)

    def access_detail_of(self, service_request):
        return self.item.slot


attachment = AttachmentView.as_view()
replaced_attachment = ReplacedAttachmentView.as_view()
reply_file = ReplyFileView.as_view()


def status_check(request):
    """ตรวจสอบสถานะ: anyone, with the reference code and the applicant's citizen ID or phone."""
    form = StatusCheckForm(request.POST or None, initial={"reference": request.GET.get("reference", "")})
    result, expected, not_found, limited = None, None, False, False
    if request.method == "POST" and form.is_valid():
        if not actions.record_status_lookup(client_address=client_address(request)):
            limited = True
        else:
            result = queries.find_for_status_check(**form.cleaned_data)
            not_found = result is None
            if result is not None:
                expected = expected_completion(result, calendar=WorkingCalendar())
    return TemplateResponse(
        request,
        "service_requests/status_check.html",
        {"form": form, "result": result, "expected": expected, "not_found": not_found, "limited": limited},
        status=429 if limited else 200,
    )


def availability(request, service_code):
    """The availability calendar alone (an HTML fragment), which the service form's script loads
    when the applicant picks another room, executive or date."""
    service = find_service(service_code)
    source = shown_to(service, request.user)
    if source is None:
        raise Http404
    resource_id, start = requested_in(source, request.GET)
    return TemplateResponse(
        request,
        "service_requests/includes/availability_body.html",
        {"availability": availability_of(service, resource_id=resource_id, start=start)},
    )


@login_required
def calendar_file(request, reference):
    """The applicant's confirmed booking or appointment as an iCalendar file; 404 otherwise."""
    details = queries.confirmed_details_of_applicant(request.user, reference)
    if details is None:
        raise Http404
    event = ics.event_for(
        details, office=OfficeSettings.for_request(request), uid_domain=request.get_host().split(":")[0]
    )
    if event is None:  # a service without calendar files
        raise Http404
    return content_download(
        ics.ics_document(event, stamp=timezone.now()),
        f"{reference}.ics",
        "text/calendar; charset=utf-8",
    )
