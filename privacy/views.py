from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from service_requests import queries as request_queries

from . import actions
from .forms import CloseAccountForm


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """ลบบัญชี: what deleting does; the requests to cancel first, or the password and a tick."""
    user = request.user
    open_requests = list(request_queries.open_requests_of_applicant(user))
    may_close = not (user.is_staff or user.is_superuser) and not open_requests
    form = CloseAccountForm(request.POST or None)
    if request.method == "POST" and may_close and form.is_valid():
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
            "is_staff_account": user.is_staff or user.is_superuser,
            "has_password": user.has_usable_password(),
        },
    )


def account_closed(request):
    return TemplateResponse(request, "privacy/account_closed.html", {})
