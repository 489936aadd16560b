"""The applicant's copy of their data: the page that asks for it and shows its progress, and the
download (only theirs, only for 24 hours)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.actions import concrete
from base.links import portal_base_url
from service_requests.downloads import file_download

from . import actions, queries
from .models import DataExport

# While the copy is being prepared the page reloads itself (a meta refresh: no script needed).
REFRESH_SECONDS = 3


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def export(request):
    user = concrete(request.user)
    if request.method == "POST":
        actions.request_data_export(actor=user, applicant=user, base_url=portal_base_url(request))
        return redirect("privacy:export")
    actions.expire_data_exports(applicant=user)
    latest = queries.latest_export(user)
    return render(
        request,
        "privacy/export.html",
        {
            "export": latest,
            "refresh_seconds": REFRESH_SECONDS if latest and latest.in_progress else None,
            "request_count": queries.requests_to_export(user).count(),
        },
    )


@never_cache
@login_required
def download(request, key):
    user = concrete(request.user)
    actions.expire_data_exports(applicant=user)
    found = queries.export_of_applicant(user, key)
    if found is None:
        raise Http404
    if found.status == DataExport.Status.EXPIRED:
        return render(request, "privacy/export_expired.html", {"export": found}, status=410)
    if found.status != DataExport.Status.READY:
        return redirect("privacy:export")
    actions.record_download(actor=user, export=found)
    name = f"my-data-{timezone.localtime(found.finished_at):%Y%m%d-%H%M}.zip"
    return file_download(found.file, name, "application/zip")
