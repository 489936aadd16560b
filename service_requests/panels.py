"""The dashboard's summary for officers (สรุปรายงานคำขอรับบริการ): their own open requests with due
dates (overdue first), requests per service and status, and the newest requests waiting for them."""

from django.urls import reverse
from django.utils.http import urlencode

from wagtail.admin.ui.components import Component

from . import queries
from .catalogue import all_services
from .workflow import RequestStatus


class ServiceRequestSummaryPanel(Component):
    name = "service_request_summary"
    template_name = "service_requests/admin/summary_panel.html"
    order = 50  # before Wagtail's own panels: this is what officers come for

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        if not queries.is_officer(self.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        index_url = reverse("service_request_admin:index")
        counts = queries.status_counts_for_officer(self.user)
        handled = queries.services_handled_by(self.user)
        statuses = list(RequestStatus)
        rows = []
        for service in all_services():
            if service.code not in handled:
                continue
            cells = [
                {
                    "count": counts.get((service.code, status.value), 0),
                    "url": f"{index_url}?{urlencode({'service_code': service.code, 'status': status.value})}",
                }
                for status in statuses
            ]
            rows.append(
                {
                    "service": service,
                    "cells": cells,
                    "total": sum(cell["count"] for cell in cells),
                    "url": f"{index_url}?{urlencode({'service_code': service.code})}",
                }
            )
        column_totals = [
            {
                "count": sum(row["cells"][index]["count"] for row in rows),
                "url": f"{index_url}?{urlencode({'status': status.value})}",
            }
            for index, status in enumerate(statuses)
        ]
        return {
            "statuses": statuses,
            "rows": rows,
            "column_totals": column_totals,
            "grand_total": sum(row["total"] for row in rows),
            "index_url": index_url,
            "waiting": queries.newest_waiting_for_officer(self.user),
            "my_queue": queries.queue_of_officer(self.user),
            "my_queue_url": f"{index_url}?{urlencode({'assigned': 'mine'})}",
            "unassigned_url": f"{index_url}?{urlencode({'assigned': 'nobody'})}",
            "process_url_name": "service_request_admin:process",
        }
