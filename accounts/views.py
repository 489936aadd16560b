"""Account pages. Each view asks its form and hands the change to accounts.actions."""

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from base.links import portal_base_url
from base.models import OfficeSettings

from . import actions
from .forms import LoginForm, PasswordChangeForm, ProfileForm, RegistrationForm
from .models import User


def home_url():
    """The home page in the visitor's language: / in Thai, /en/ in English."""
    return reverse("wagtail_serve", args=[""])


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
            return redirect(safe_next_url(request, home_url()))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self.request.POST.get("next") or self.request.GET.get("next", "")
        return context

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
            base_url=portal_base_url(self.request),
        )
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Your account has been created and you are logged in."))
        return redirect(safe_next_url(self.request, home_url()))


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return home_url()


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return home_url()


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def form_valid(self, form):
        changes = {name: form.cleaned_data[name] for name in actions.PROFILE_FIELDS}
        # The form saved nothing; it edited a copy of the user that the action now persists.
        user = User.objects.get(pk=self.request.user.pk)
        actions.update_profile(
            actor=self.request.user, user=user, base_url=portal_base_url(self.request), **changes
        )
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
