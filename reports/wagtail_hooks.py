from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from service_requests.queries import is_officer

from .views import SummaryReportView


class OfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return is_officer(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/service-requests/", SummaryReportView.as_view(), name="service_requests_report")]


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return OfficersMenuItem(
        _("Service requests summary report"),
        reverse("service_requests_report"),
        name="service-requests-report",
        icon_name="table",
        order=160,  # just after the requests themselves
    )
