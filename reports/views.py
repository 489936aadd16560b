"""สรุปรายงานคำขอรับบริการ: the officers' summary report page, and its XLSX and PDF exports."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from base.admin_views import link_errors
from base.db_router import replica_reads
from base.models import OfficeSettings
from service_requests.queries import is_officer

from . import queries
from .exports import report_pdf, report_xlsx
from .forms import PeriodForm
from .presenters import present

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_TYPES = {"xlsx": XLSX_TYPE, "pdf": "application/pdf"}
OVERDUE_SHOWN = 50


class SummaryReportView(WagtailAdminTemplateMixin, TemplateView):
    """Officers see their groups' services, superusers all; `?export=xlsx|pdf` downloads it."""

    template_name = "reports/summary.html"
    page_title = _("Service requests summary report")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not is_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def form(self):
        return PeriodForm(self.request.GET)

    @replica_reads  # the figures, and whatever presenting them reads, from the read replica if any
    def presented(self):
        if not self.form.is_valid():
            link_errors(self.form)
            return None
        report = queries.summary_report(
            self.request.user, start=self.form.cleaned_data["start"], end=self.form.cleaned_data["end"]
        )
        return present(report)

    def render_export(self, export, presented) -> bytes:
        if export == "pdf":  # headed by the site's office letterhead, as the printouts are
            return report_pdf(presented, office=OfficeSettings.for_request(self.request))
        return report_xlsx(presented)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in EXPORT_TYPES:
            presented = self.presented()
            if presented is not None:
                start, end = self.form.cleaned_data["start"], self.form.cleaned_data["end"]
                response = HttpResponse(
                    self.render_export(export, presented), content_type=EXPORT_TYPES[export]
                )
                response["Content-Disposition"] = (
                    f'attachment; filename="service-requests-report-{start:%Y%m%d}-{end:%Y%m%d}.{export}"'
                )
                return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["process_url_name"] = "service_request_admin:process"
        presented = self.presented()
        if presented is not None:
            context.update(presented)
            # The page lists the most overdue; the downloads hold them all, and the officers'
            # list filtered to overdue shows them all to work on.
            context["overdue_shown"] = presented["overdue"][:OVERDUE_SHOWN]
            context["overdue_list_url"] = f"{reverse('service_request_admin:index')}?overdue=yes"
            query = {key: self.form.data[key] for key in ("start", "end")}
            context["export_links"] = [
                (label, f"?start={query['start']}&end={query['end']}&export={name}")
                for name, label in (("xlsx", _("Download XLSX")), ("pdf", _("Download PDF")))
            ]
        return context
