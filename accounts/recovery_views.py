"""Account recovery pages: the e-mail verification link, the forgotten password (by e-mail link or
with the counter's code). Each view asks its form and hands the change to accounts.actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from base.client_address import client_address
from base.links import portal_base_url

from . import actions, queries
from .models import AddressAttempt
from .recovery_forms import (
    CounterCodeResetForm,
    ForgotPasswordForm,
    SetPasswordForm,
    address_reset_limit_message,
)


class VerifyEmailView(View):
    """The link in the verification e-mail: one click, logged in or not."""

    def get(self, request, token):
        user = actions.verify_email(token=token)
        return render(
            request, "accounts/email_verified.html", {"verified_user": user}, status=200 if user else 400
        )


class ResendEmailVerificationView(LoginRequiredMixin, View):
    def post(self, request):
        if actions.resend_email_verification(
            actor=request.user, user=request.user, base_url=portal_base_url(request)
        ):
            messages.success(
                request,
                _("We have sent the link again to %(email)s. Please open it within 3 days.")
                % {"email": request.user.email},
            )
        return redirect("accounts:profile")


class ForgotPasswordView(FormView):
    template_name = "accounts/password_forgot.html"
    form_class = ForgotPasswordForm

    def post(self, request, *args, **kwargs):
        # Counted per address, whatever the citizen ID (or whether it has an account): the limit
        # tells nothing about any ID, only that this network has asked too often.
        address = client_address(request)
        kind = AddressAttempt.Kind.PASSWORD_RESET
        if queries.address_limit_reached(kind=kind, client_address=address):
            # A fresh form, not the bound one: checking it would ask Google about a spent answer.
            form = self.get_form_class()(initial={"citizen_id": request.POST.get("citizen_id", "")})
            context = self.get_context_data(form=form, limit_message=address_reset_limit_message())
            return self.render_to_response(context, status=429)
        actions.record_address_attempt(kind=kind, client_address=address)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        actions.request_password_reset(
            citizen_id=form.cleaned_data["citizen_id"], base_url=portal_base_url(self.request)
        )
        # The same page whether or not the ID has an account or a verified address.
        return redirect("accounts:password_reset_sent")


class PasswordResetSentView(TemplateView):
    template_name = "accounts/password_reset_sent.html"

    def get_context_data(self, **kwargs):
        minutes = settings.PASSWORD_RESET_TIMEOUT // 60
        return {**super().get_context_data(**kwargs), "minutes": minutes}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's checks of the link (moved out of the address bar into the session at once); the
    new password is set by accounts.actions."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm

    def form_valid(self, form):
        token = self.request.session.pop(INTERNAL_RESET_SESSION_TOKEN, "")
        # Read before the password changes: afterwards the session's hash no longer matches.
        resets_own_session = self.request.user.pk == self.user.pk
        user = actions.reset_password_with_link(
            user=self.user, token=token, new_password=form.cleaned_data["new_password1"]
        )
        if resets_own_session:
            update_session_auth_hash(self.request, user)  # this session stays; every other ends
        messages.success(self.request, _("Your new password is set. Please log in with it."))
        return redirect("accounts:login")


class CounterCodeResetView(FormView):
    """รีเซ็ตด้วยรหัสจากสำนักงาน: the citizen ID, the printed code, a new password twice."""

    template_name = "accounts/password_reset_code.html"
    form_class = CounterCodeResetForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            user = actions.reset_password_with_code(
                citizen_id=data["citizen_id"], code=data["code"], new_password=data["new_password1"]
            )
        except ValidationError as error:
            form.add_error("new_password1", error)
            return self.form_invalid(form)
        if user is None:
            form.add_error(
                None,
                _(
                    "The citizen ID or the code is not correct, or the code has expired or been used. "
                    "Please check the slip, or ask the office for a new code."
                ),
            )
            return self.form_invalid(form)
        messages.success(self.request, _("Your new password is set. Please log in with it."))
        return redirect("accounts:login")
