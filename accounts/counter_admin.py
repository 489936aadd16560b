"""The counter's password reset code, in the admin: an officer with the permission types the
citizen ID from the ID card in front of them and gets a one-time code to print, shown once."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from base.links import absolute_url, portal_base_url

from . import actions, queries
from .recovery_forms import IssueCounterCodeForm

PERMISSION = "accounts.issue_counter_reset_code"


def code_in_groups(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


class IssueCounterCodeView(WagtailAdminTemplateMixin, FormView):
    template_name = "accounts/admin/counter_code.html"
    form_class = IssueCounterCodeForm
    page_title = _("Password reset code for the counter")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"citizen_id": self.request.GET.get("citizen_id", "")}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        user = queries.user_with_citizen_id(form.cleaned_data["citizen_id"])
        if user is None:
            form.add_error("citizen_id", _("No active account has this citizen ID."))
            return self.form_invalid(form)
        try:
            record, code = actions.issue_counter_reset_code(actor=self.request.user, user=user)
        except PermissionDenied:
            messages.error(
                self.request,
                _("You may not issue a code for this account (your own, or a staff account)."),
            )
            return redirect("accounts_counter_code")
        # Shown on this one response only (not stored, not redirected to): print it now.
        return TemplateResponse(
            self.request,
            "accounts/admin/counter_code_slip.html",
            {
                **self.get_context_data(form=form),
                "account": user,
                "code": code_in_groups(code),
                "valid_until": record.expires_at,
                "hours": int(actions.COUNTER_CODE_VALIDITY / timedelta(hours=1)),
                "reset_url": absolute_url(
                    reverse("accounts:password_reset_code"), base_url=portal_base_url(self.request)
                ),
            },
            headers={"Cache-Control": "no-store"},
        )
