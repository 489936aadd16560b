"""Account pages. Each view asks its form and hands the change to accounts.actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from base.client_address import client_address
from base.models import OfficeSettings

from . import actions, queries
from .forms import (
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    RegistrationForm,
    address_registration_limit_message,
)
from .models import AddressAttempt, User

# What a refused registration keeps of what was typed: never the passwords or the robot check.
NOT_KEPT = {"password1", "password2", "captcha", "g-recaptcha-response", "csrfmiddlewaretoken"}


def safe_next_url(request, default):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(default)


class RegisterView(FormView):
    template_name = "accounts/register.html"
    form_class = RegistrationForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(safe_next_url(request, settings.LOGIN_REDIRECT_URL))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self.request.POST.get("next") or self.request.GET.get("next", "")
        return context

    def post(self, request, *args, **kwargs):
        address = client_address(request)
        kind = AddressAttempt.Kind.REGISTRATION
        if queries.address_limit_reached(kind=kind, client_address=address):
            # A fresh form, not the bound one: checking it would ask Google about a spent answer.
            form = self.get_form_class()(
                initial={name: value for name, value in request.POST.items() if name not in NOT_KEPT}
            )
            context = self.get_context_data(form=form, limit_message=address_registration_limit_message())
            return self.render_to_response(context, status=429)
        actions.record_address_attempt(kind=kind, client_address=address)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        office = OfficeSettings.for_request(self.request)
        user = actions.register_applicant(
            citizen_id=data["citizen_id"],
            password=data["password1"],
            title=data["title"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            phone=data["phone"],
            personnel_type=data["personnel_type"],
            email=data.get("email", ""),
            privacy_notice_version=office.privacy_notice_version,
        )
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Your account has been created and you are logged in."))
        return redirect(safe_next_url(self.request, settings.LOGIN_REDIRECT_URL))


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "address_limited"):
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    pass


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def form_valid(self, form):
        changes = {name: form.cleaned_data[name] for name in actions.PROFILE_FIELDS}
        # The form saved nothing; it edited a copy of the user that the action now persists.
        user = User.objects.get(pk=self.request.user.pk)
        actions.update_profile(actor=self.request.user, user=user, **changes)
        messages.success(self.request, _("Your profile has been saved."))
        return redirect("accounts:profile")


class PasswordChangeView(LoginRequiredMixin, FormView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = actions.change_password(
            actor=self.request.user, user=self.request.user, new_password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password has been changed."))
        return redirect("accounts:profile")
