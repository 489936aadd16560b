"""The applicant's data rights: the copy of their data (the page that asks for it and shows its
progress, the download: only theirs, only for 24 hours) and deleting their account."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.actions import concrete
from base.faults import kept_on_fault
from base.links import portal_base_url
from service_requests import queries as request_queries
from service_requests.downloads import file_download

from . import actions, queries
from .forms import CloseAccountForm
from .models import DataExport

# While the copy is being prepared the page reloads itself (a meta refresh: no script needed).
REFRESH_SECONDS = 3


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def export(request):
    user = concrete(request.user)
    if request.method == "POST":
        with kept_on_fault(request, where="data export"):
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


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """ลบบัญชี: what deleting does; the requests to cancel first, or the password and a tick."""
    user = request.user
    open_requests = list(request_queries.open_requests_of_applicant(user))
    staff_account = queries.is_staff_account(user)
    may_close = not staff_account and not open_requests
    form = CloseAccountForm(request.POST or None)
    if request.method == "POST" and may_close and form.is_valid():
        with kept_on_fault(request, form, where="account deletion"):
            try:
                actions.close_account(user=user, password=form.cleaned_data["password"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                logout(request)
                return redirect("privacy:account_closed")
    return TemplateResponse(
        request,
        "privacy/delete_account.html",
        {
            "form": form,
            "open_requests": open_requests,
            "may_close": may_close,
            "is_staff_account": staff_account,
            "has_password": user.has_usable_password(),
        },
    )


def account_closed(request):
    return TemplateResponse(request, "privacy/account_closed.html", {})
