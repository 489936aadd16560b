"""The officers' side of requests in the Wagtail admin: the list, the process page (ดำเนินการ),
cancelling with a reason and the history (the PDFs are printing.admin_views).

Every view starts from the requests of the officer's own services, so a request of another
service is a 404 wherever it is asked for. Changes go through service_requests.actions. Every
view that shows a request's personal data records the read (access_record.RecordsStaffAccess).
"""

import csv
import itertools
import tempfile
from collections import OrderedDict
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import Echo
from wagtail.admin.widgets.button import HeaderButton
from wagtail.coreutils import multigetattr

from base.admin_views import link_errors
from base.dates import format_datetime
from base.db_router import reading_from_replica, replica_stream
from base.faults import kept_on_fault
from base.links import portal_base_url
from base.spreadsheets import csv_value, set_column_widths, sheet_title, write_only_cells
from base.working_days import WorkingCalendar

from . import actions, queries
from .access_record import RecordsStaffAccess
from .actions import StaffAccess
from .admin_columns import CheckboxColumn, DueDateColumn, HtmlColumn, ReferenceColumn, StatusColumn
from .catalogue import get_service
from .corrections import correctable_parts, part_labels, rounds_shown
from .due_dates import timing_of, with_sla_history
from .forms import AssigneeForm, CancelForm, InternalNoteForm, OfficerActionForm
from .hooks import REQUEST_HISTORY_PANELS
from .models import AccessKind, ServiceRequest, officer_name
from .permissions import RequestPermissionTester
from .presentation import history_lines
from .workflow import WAITING_FOR_OFFICER, RequestStatus, Role

# The rows an XLSX export's column widths are fitted to, besides the headings.
WIDTH_SAMPLE_ROWS = 500


class OfficerRequestUrlsMixin:
    """The URL names of the per-request pages, passed in by the viewset."""

    index_url_name = None
    process_url_name = None
    assign_url_name = None
    cancel_url_name = None
    print_pdf_url_name = None
    bundle_url_name = None
    history_url_name = None

    def request_url(self, url_name, service_request):
        return reverse(url_name, args=[service_request.pk]) if url_name else None


# The bulk actions' checkboxes name each row by its reference's element (for screen readers).
BULK_OBJECT_TYPE = "request"


def bulk_title_id(service_request) -> str:
    return f"{BULK_OBJECT_TYPE}_{service_request.pk}_title"


# A pk no request has, reversed in its place to make a page's URLs of each kind (row_url).
PK_STAND_IN = 987654321987654321


@dataclass(frozen=True)
class RowRights:
    """What the list offers on one row (from RequestPermissionTester)."""

    can_process: bool
    can_cancel: bool
    is_own_request_of_officer: bool


class ServiceRequestIndexView(RecordsStaffAccess, OfficerRequestUrlsMixin, IndexView):
    """คำขอรับบริการ: the requests of the officer's services, newest first.

    Recorded: an export (CSV, XLSX), for every request it holds; a search by a citizen ID, for
    every request shown whose citizen ID holds a searched number (queries.citizen_id_matches).
    Browsing the list is not recorded.
    """

    page_title = gettext_lazy("Service requests")
    template_name = "service_requests/admin/index.html"  # Wagtail's, with the bulk actions' footer
    # Export columns computed from the request's history (sla.RequestTiming's names).
    timing_fields = ("due_on", "working_days_overdue")

    @cached_property
    def calendar(self):
        return WorkingCalendar()  # closure days read once for the whole export

    def to_row_dict(self, item):
        timing = timing_of(item, calendar=self.calendar)
        row = OrderedDict(
            (field, getattr(timing, field) if field in self.timing_fields else multigetattr(item, field))
            for field in self.list_export
        )
        row["assignee"] = officer_name(item.assignee) if item.assignee_id else ""
        if item.deidentified_at is not None:
            # What is left of the citizen ID is a keyed hash, which means nothing in a spreadsheet.
            row.update({"applicant_full_name": _("Personal data removed"), "applicant_citizen_id": ""})
        return row

    def get_base_queryset(self):
        # With the history the due dates are computed from: one query for the whole page.
        return with_sla_history(
            self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        )

    def get_queryset(self):
        # The applicant's citizen ID check and the assignee, in the same query; joined after the
        # filters, which narrow the requests with queries of their own.
        return super().get_queryset().select_related("applicant", "assignee")

    def order_queryset(self, queryset):
        # Requests filed (or changed) in the same second keep a stable order across pages. The
        # tiebreak runs the way the sort does, so that the indexes on (time, id) serve either
        # direction (request_newest, request_last_changed).
        queryset = super().order_queryset(queryset)
        ordering = queryset.query.order_by
        descending = not ordering or str(ordering[0]).startswith("-")
        return queryset.order_by(*ordering, "-pk" if descending else "pk")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queries.search_officer_requests(queryset, self.search_query)

    @cached_property
    def columns(self):
        # Written with format_html (admin_columns.py): no template per cell or per row's menu.
        return [
            # Ticked rows go to the bulk actions (bulk_actions.py: take, assign, move).
            CheckboxColumn("bulk_actions", obj_type=BULK_OBJECT_TYPE),
            ReferenceColumn(
                "reference",
                label=capfirst(ServiceRequest._meta.get_field("reference").verbose_name),
                get_url=lambda service_request: self.row_url(self.process_url_name, service_request),
                get_title_id=bulk_title_id,
                get_menu=self.row_menu,
                sort_key="reference",
            ),
            HtmlColumn(
                "service",
                label=gettext_lazy("Service"),
                accessor=lambda service_request: service_request.service.name,
                sort_key="service_code",
            ),
            HtmlColumn("applicant", label=gettext_lazy("Applicant"), accessor=self.applicant_of),
            HtmlColumn(
                "applicant_identity",
                label=gettext_lazy("Citizen ID check"),
                accessor=lambda service_request: service_request.applicant.get_identity_display(),
            ),
            StatusColumn(
                "status",
                label=gettext_lazy("Status"),
                accessor="get_status_display",
                primary=lambda service_request: service_request.status in WAITING_FOR_OFFICER,
            ),
            HtmlColumn(
                "submitted_at",
                label=gettext_lazy("Submitted"),
                accessor=lambda service_request: format_datetime(service_request.submitted_at),
                sort_key="submitted_at",
            ),
            DueDateColumn(),
            HtmlColumn("assignee", label=gettext_lazy("Assignee"), accessor=self.assignee_of),
            HtmlColumn(
                "last_changed_at",
                label=gettext_lazy("Last change"),
                accessor=lambda service_request: format_datetime(service_request.last_changed_at),
                sort_key="last_changed_at",
            ),
        ]

    @cached_property
    def row_rights(self) -> dict:
        """{(service, status, the officer's own request or not): RowRights}, filled as rows ask."""
        return {}

    def rights_of(self, service_request) -> "RowRights":
        """What the list offers on a row, which its service, its status and whether the officer
        filed it decide: asked of RequestPermissionTester once per page for each such kind."""
        kind = (
            service_request.service_code,
            service_request.status,
            service_request.applicant_id == self.request.user.pk,
        )
        if kind not in self.row_rights:
            permissions = RequestPermissionTester(self.request.user, service_request)
            self.row_rights[kind] = RowRights(
                can_process=permissions.can_process(),
                can_cancel=permissions.can_cancel(Role.OFFICER),
                is_own_request_of_officer=permissions.is_own_request_of_officer,
            )
        return self.row_rights[kind]

    @cached_property
    def row_urls(self) -> dict:
        """{URL name: its URL with a stand-in for the request's pk, split there}, each reversed
        once per page rather than once per row."""
        names = (self.process_url_name, self.print_pdf_url_name, self.cancel_url_name, self.history_url_name)
        return {
            name: tuple(reverse(name, args=[PK_STAND_IN]).split(str(PK_STAND_IN))) for name in names if name
        }

    def row_url(self, url_name, service_request):
        if url_name not in self.row_urls:
            return self.request_url(url_name, service_request)
        before, after = self.row_urls[url_name]
        return f"{before}{service_request.pk}{after}"

    shown_accesses = ()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.is_searching and not self.is_export:
            self.shown_accesses = [
                StaffAccess.of(service_request, AccessKind.SEARCHED)
                for service_request in queries.citizen_id_matches(context["object_list"], self.search_query)
            ]
        return context

    def applicant_of(self, service_request):
        """The applicant's name, and why the officer's own request is not theirs to process."""
        if service_request.deidentified_at is not None:
            return _("Personal data removed")
        if self.rights_of(service_request).is_own_request_of_officer:
            return _("%(name)s (your own request: another officer processes it)") % {
                "name": service_request.applicant_full_name
            }
        return service_request.applicant_full_name

    def assignee_of(self, service_request):
        if service_request.assignee_id is None:
            return _("Not taken yet")
        return officer_name(service_request.assignee)

    def row_menu(self, service_request) -> list[tuple[str, str, str]]:
        """The menu (⋯) of a row: (label, URL, icon name) of the request's pages."""
        rights = self.rights_of(service_request)
        menu = [
            (_("Process"), self.row_url(self.process_url_name, service_request), "edit")
            if rights.can_process
            else (_("View"), self.row_url(self.process_url_name, service_request), "view"),
            (_("Print"), self.row_url(self.print_pdf_url_name, service_request), "doc-full"),
        ]
        if rights.can_cancel:
            menu.append((_("Cancel request"), self.row_url(self.cancel_url_name, service_request), "cross"))
        menu.append((_("History"), self.row_url(self.history_url_name, service_request), "history"))
        # The printout only when an app registers it (printing's "register_service_request_documents").
        return [(label, url, icon) for label, url, icon in menu if url]

    # The export (CSV, XLSX): the list as filtered, searched and selected, with the shared
    # columns and, when it holds one service only, that service's own fields. Rows are read in
    # chunks and written as they are read: the CSV streams, the XLSX is written row by row (write-only)
    # to a temporary file that is then streamed.

    def get(self, request, *args, **kwargs):
        # Exports read every request of the officer's services: from the read replica when there
        # is one (base.db_router); the list itself, which officers act on, reads the primary.
        if not self.is_export:
            return super().get(request, *args, **kwargs)
        with reading_from_replica():
            queryset = self.exported_requests()
            self.exported = queries.exported_keys(queryset)
            return self.as_spreadsheet(queryset, request.GET.get("export"))

    def exported_requests(self):
        """The requests the export holds: filters, search and the selection (?id=…&id=…, as
        Wagtail's bulk actions pass them) respected."""
        return queries.selected_requests(self.get_queryset(), self.request.GET.getlist("id"))

    @cached_property
    def exported_service(self):
        """The one service the export is about (its own fields become columns), or None: the one
        ticked in the filter, or the officer's only service."""
        handled = queries.services_handled_by(self.request.user)
        codes = handled
        if self.filters and self.filters.is_valid():
            codes = set(self.filters.form.cleaned_data.get("service_code") or ()) or handled
        if len(codes) != 1:
            return None
        service = get_service(next(iter(codes)))
        return service if service.details_model is not None else None

    def staff_accesses(self):
        if not self.is_export:
            return self.shown_accesses
        pks, applicants = self.exported
        export_format = self.request.GET.get("export")
        return (
            StaffAccess(pk, applicant_id, AccessKind.EXPORTED, detail=export_format, list_size=len(pks))
            for pk, applicant_id in zip(pks, applicants, strict=True)
        )

    @cached_property
    def service_columns(self):
        """(heading, value of a details row) of the exported service's own fields, or none."""
        return self.exported_service.export_columns() if self.exported_service else []

    def heading_row(self):
        shared = [self.get_heading(ServiceRequest.objects.none(), field) for field in self.list_export]
        return shared + [heading for heading, _value in self.service_columns]

    def export_rows(self, queryset):
        """Each request's values, shared columns then its service's, as Python values (dates,
        amounts, numbers, texts): the CSV and the XLSX each write them their way."""
        service = self.exported_service
        columns = self.service_columns
        for service_request, details in queries.requests_with_details(
            queryset, service.details_model if service else None
        ):
            values = list(self.to_row_dict(service_request).values())
            if columns:
                values += [value(details) if details else "" for _heading, value in columns]
            yield values

    def stream_csv(self, queryset):
        # The CSV's rows are made while the response is sent, after get() has returned: whatever
        # they read then (the closure days, anything lazy) comes from the replica too.
        return replica_stream(self.csv_lines(queryset))

    def csv_lines(self, queryset):
        writer = csv.writer(Echo())
        yield "\ufeff"  # the byte-order mark: Excel then reads the UTF-8 file's Thai
        yield writer.writerow([csv_value(heading) for heading in self.heading_row()])
        for values in self.export_rows(queryset):
            yield writer.writerow([csv_value(value) for value in values])

    def write_xlsx_response(self, queryset):
        output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response once sent)
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )

    def write_xlsx(self, queryset, output):
        """Write-only: each row goes to the file as it is made. Columns fit the headings and the
        first rows (a write-only sheet takes its widths before its first row)."""
        from openpyxl import Workbook  # deferred like base.spreadsheets's openpyxl

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(sheet_title(self.get_page_title()))
        headings = self.heading_row()
        rows = self.export_rows(queryset)
        sample = list(itertools.islice(rows, WIDTH_SAMPLE_ROWS))
        set_column_widths(sheet, [headings, *sample])
        sheet.freeze_panes = "A2"
        sheet.append(write_only_cells(sheet, headings, bold=True))
        for values in itertools.chain(sample, rows):
            sheet.append(write_only_cells(sheet, values))
        workbook.save(output)


class OfficerRequestView(
    RecordsStaffAccess,
    OfficerRequestUrlsMixin,
    PermissionCheckedMixin,
    BaseObjectMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """One request of the officer's services; any other request is a 404. Showing it is recorded."""

    model = ServiceRequest
    permission_required = "change"
    access_kind = AccessKind.VIEWED

    def get_base_object_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")

    @property
    def service_request(self):
        return self.object

    @cached_property
    def permissions(self):
        return RequestPermissionTester(self.request.user, self.object)

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Service requests")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def url_of(self, url_name):
        return self.request_url(url_name, self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            service_request=self.object,
            process_url=self.url_of(self.process_url_name),
            cancel_url=self.url_of(self.cancel_url_name),
            print_url=self.url_of(self.print_pdf_url_name),
            assign_url=self.url_of(self.assign_url_name),
            bundle_url=self.url_of(self.bundle_url_name),
            history_url=self.url_of(self.history_url_name),
        )
        return context


class ProcessView(OfficerRequestView):
    """ดำเนินการ: everything the applicant sent, read-only, then the officer's part."""

    template_name = "service_requests/admin/process.html"
    page_title = gettext_lazy("Process request")
    access_detail = "process"
    upload_file_count = 1  # the reply file
    header_icon = "form"

    @cached_property
    def header_buttons(self):
        # History is the clock icon Wagtail's header shows for `history_url`.
        buttons = [
            HeaderButton(_("Print"), url=self.url_of(self.print_pdf_url_name), icon_name="doc-full"),
            HeaderButton(
                _("Print with attachments"),
                url=self.url_of(self.bundle_url_name),
                icon_name="doc-full-inverse",
            ),
        ]
        if self.permissions.can_cancel(Role.OFFICER):
            buttons.append(
                HeaderButton(_("Cancel request"), url=self.url_of(self.cancel_url_name), icon_name="cross")
            )
        return buttons

    @cached_property
    def correctable(self):
        """The parts of the request the officer may mark when returning it (none otherwise)."""
        if not self.permissions.can_mark_corrections():
            return []
        return correctable_parts(self.object, queries.details_record(self.object))

    def get_form(self):
        moves = self.permissions.process_moves()
        kwargs = {"service_request": self.object, "moves": moves, "correctable": self.correctable}
        if self.request.method == "POST":
            return OfficerActionForm(self.request.POST, self.request.FILES, **kwargs)
        return OfficerActionForm(**kwargs)

    def post(self, request, *args, **kwargs):
        if self.permissions.is_own_request_of_officer:
            messages.error(request, self.permissions.refusal(Role.OFFICER))
            return redirect(self.url_of(self.process_url_name))
        if self.ADD_NOTE in request.POST:
            return self.post_internal_note(request)
        form = self.get_form()
        if form.is_valid():
            with kept_on_fault(request, form, where="process"):
                try:
                    service_request = actions.move_request(
                        actor=request.user,
                        service_request=self.object,
                        to_status=form.cleaned_data["to_status"],
                        role=Role.OFFICER,
                        message=form.cleaned_data["message"],
                        reply_file=form.cleaned_data["reply_file"] or None,
                        marked=form.marked(),
                        base_url=portal_base_url(request),
                    )
                except PermissionDenied as refusal:
                    # Someone else moved it meanwhile: the page shows what is possible now.
                    messages.error(request, str(refusal))
                    return redirect(self.url_of(self.process_url_name))
                except ValidationError as error:
                    form.add_error(
                        {"message_required": "message", "marks_without_return": "to_status"}.get(error.code),
                        error,
                    )
                else:
                    messages.success(
                        request,
                        _("Saved. The request %(reference)s is now “%(status)s”.")
                        % {
                            "reference": service_request.reference,
                            "status": service_request.get_status_display(),
                        },
                    )
                    return redirect(self.url_of(self.process_url_name))
        link_errors(form)
        messages.validation_error(request, _("The request could not be saved due to errors."), form)
        return self.render_to_response(self.get_context_data(form=form))

    # The name of the internal note form's button: the page has two forms posting here.
    ADD_NOTE = "add_internal_note"

    def post_internal_note(self, request):
        """บันทึกภายใน: add a note for the other officers; the page again, with what was typed, if not."""
        note_form = InternalNoteForm(request.POST)
        if note_form.is_valid():
            with kept_on_fault(request, note_form, where="internal note"):
                try:
                    actions.add_internal_note(
                        actor=request.user, service_request=self.object, text=note_form.cleaned_data["text"]
                    )
                except ValidationError as error:
                    note_form.add_error("text", error)
                else:
                    messages.success(request, _("Internal note saved. The applicant does not see it."))
                    return redirect(self.url_of(self.process_url_name) + "#internal-notes")
        link_errors(note_form)
        messages.validation_error(request, _("The note could not be saved due to errors."), note_form)
        return self.render_to_response(self.get_context_data(note_form=note_form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        service_request = self.object
        sees_notes = self.permissions.can_see_internal_notes()
        record = queries.details_record(service_request)
        context.update(
            sees_internal_notes=sees_notes,
            internal_notes=queries.internal_notes_of(service_request) if sees_notes else [],
            note_form=kwargs.get("note_form") or InternalNoteForm(),
            add_note_button=self.ADD_NOTE,
            form=kwargs.get("form") or self.get_form(),
            own_request_notice=self.permissions.refusal(Role.OFFICER)
            if self.permissions.is_own_request_of_officer
            else "",
            may_move=self.permissions.can_process(),
            may_cancel=self.permissions.can_cancel(Role.OFFICER),
            details=queries.details_of(service_request),
            details_record=record,
            attachments=service_request.attachments.order_by("pk"),
            correction_rounds=rounds_shown(
                queries.correction_rounds(service_request),
                service_request.attachments.all(),
                part_labels(service_request, record),
            ),
            history=history_lines(service_request, service_request.history.select_related("actor")),
            # More history from the apps above (LINE messages), each its own labelled panel.
            history_panels=[panel(service_request) for panel in hooks.get_hooks(REQUEST_HISTORY_PANELS)],
            slot_labels=service_request.service.slot_labels(),
            accesses=queries.accesses_of_request(service_request),
            may_take=self.permissions.can_take(),
            may_release=self.permissions.can_release(),
            may_assign_others=self.permissions.can_assign_others(),
            assignee_form=AssigneeForm(
                officers=queries.assignable_officers(service_request),
                initial={"assignee": service_request.assignee_id},
            )
            if self.permissions.can_assign_others()
            else None,
            assignment_changes=queries.assignment_changes_of(service_request),
        )
        return context


class AssignView(OfficerRequestView):
    """รับเรื่อง, release, or (supervisors) assign to an officer of the service: posted from the
    process page, back to it with what happened. Shows nothing itself (a GET goes to the page)."""

    access_detail = "process"

    def get(self, request, *args, **kwargs):
        return redirect(self.url_of(self.process_url_name))

    def post(self, request, *args, **kwargs):
        form = AssigneeForm(request.POST, officers=queries.assignable_officers(self.object))
        if not form.is_valid():
            messages.error(request, _("Only an officer of the request's service can be its assignee."))
            return redirect(self.url_of(self.process_url_name))
        assignee = form.cleaned_data["assignee"]
        try:
            actions.assign_request(actor=request.user, service_request=self.object, assignee=assignee)
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return redirect(self.url_of(self.process_url_name))
        reference = self.object.reference
        if assignee is None:
            text = _("The request %(reference)s has no assignee now.") % {"reference": reference}
        elif assignee == request.user:
            text = _("You took the request %(reference)s.") % {"reference": reference}
        else:
            text = _("The request %(reference)s is now assigned to %(name)s.") % {
                "reference": reference,
                "name": officer_name(assignee),
            }
        messages.success(request, text)
        return redirect(self.url_of(self.process_url_name))


class CancelView(OfficerRequestView):
    """ยกเลิก: cancel the request, telling the applicant why."""

    template_name = "service_requests/admin/cancel.html"
    page_title = gettext_lazy("Cancel request")
    access_detail = "cancel"
    header_icon = "cross"

    def refuse(self):
        """Back to the request, saying why it cannot be cancelled here."""
        if self.permissions.is_own_request_of_officer:
            messages.error(self.request, self.permissions.refusal(Role.OFFICER))
        else:
            messages.error(self.request, _("This request can no longer be cancelled."))
        return redirect(self.url_of(self.process_url_name))

    def get(self, request, *args, **kwargs):
        if not self.permissions.can_cancel(Role.OFFICER):
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.permissions.can_cancel(Role.OFFICER):
            return self.refuse()
        form = CancelForm(request.POST)
        if form.is_valid():
            with kept_on_fault(request, form, where="officer cancel"):
                try:
                    actions.move_request(
                        actor=request.user,
                        service_request=self.object,
                        to_status=RequestStatus.CANCELLED,
                        role=Role.OFFICER,
                        message=form.cleaned_data["reason"],
                        base_url=portal_base_url(request),
                    )
                except PermissionDenied:
                    return self.refuse()
                messages.success(
                    request,
                    _("The request %(reference)s has been cancelled.") % {"reference": self.object.reference},
                )
                return redirect(self.url_of(self.process_url_name))
        link_errors(form)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or CancelForm()
        return context


class ServiceRequestHistoryView(RecordsStaffAccess, OfficerRequestUrlsMixin, HistoryView):
    """Wagtail's audit log of one request (its messages included), for the officers of its
    service only; showing it is recorded."""

    access_kind = AccessKind.VIEWED
    access_detail = "history"

    def get_base_object_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view")

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Process"), url=self.get_edit_url(self.object), icon_name="edit")]
