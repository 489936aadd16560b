"""The counter's identity check in the Wagtail admin: an officer who has seen the ID card marks
the account's citizen ID as verified (accounts.actions.verify_identity_at_counter)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import actions
from .models import User


class CounterVerificationForm(forms.Form):
    card_seen = forms.BooleanField(
        label=gettext_lazy("I have seen this person's ID card: its citizen ID, name and photo match."),
        error_messages={"required": gettext_lazy("Please confirm that you have seen the ID card.")},
    )


class VerifyIdentityView(WagtailAdminTemplateMixin, FormView):
    template_name = "accounts/admin/verify_identity.html"
    form_class = CounterVerificationForm
    page_title = gettext_lazy("Verify citizen ID")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("accounts.verify_identity"):
            raise PermissionDenied
        self.account = get_object_or_404(User, pk=kwargs["pk"], is_active=True)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.account.get_full_name()

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def back_url(self):
        candidate = self.request.POST.get("next") or self.request.GET.get("next")
        if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={self.request.get_host()}):
            return candidate
        return reverse("wagtailusers_users:edit", args=[self.account.pk])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "account": self.account, "back_url": self.back_url()}

    def form_valid(self, form):
        if self.account.is_identity_verified:
            messages.info(self.request, _("This citizen ID is already verified."))
        else:
            actions.verify_identity_at_counter(actor=self.request.user, user=self.account)
            messages.success(
                self.request,
                _("The citizen ID of %(name)s is verified.") % {"name": self.account.get_full_name()},
            )
        return redirect(self.back_url())
