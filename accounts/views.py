"""Account pages. Each view asks its form and hands the change to accounts.actions."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from base.models import OfficeSettings

from . import actions, queries, thaid
from .forms import LoginForm, PasswordChangeForm, ProfileForm, RegistrationForm, ThaIDCompletionForm
from .models import Title, User

logger = logging.getLogger(__name__)


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


THAID_NEXT_SESSION_KEY = "thaid_next"
THAID_IDENTITY_SESSION_KEY = "thaid_identity"
THAID_FAILED = _(
    "Logging in with ThaID did not succeed. Please try again, or log in with your citizen ID and password."
)


def thaid_failed(request):
    messages.error(request, THAID_FAILED)
    return redirect("accounts:login")


class ThaIDLoginView(View):
    """เข้าสู่ระบบด้วย ThaID: off to ThaID's log-in page."""

    def get(self, request):
        if not thaid.is_configured():
            raise Http404
        request.session[THAID_NEXT_SESSION_KEY] = safe_next_url(request, settings.LOGIN_REDIRECT_URL)
        try:
            return thaid.authorize_redirect(
                request, request.build_absolute_uri(reverse("accounts:thaid_callback"))
            )
        except thaid.ThaIDError:
            logger.warning("ThaID could not be reached", exc_info=True)
            return thaid_failed(request)


class ThaIDCallbackView(View):
    """ThaID's answer: log in the account whose citizen ID it vouches for, or create one."""

    def get(self, request):
        if not thaid.is_configured():
            raise Http404
        try:
            identity = thaid.identity_from_callback(request)
        except thaid.ThaIDError:
            logger.warning("ThaID log-in refused", exc_info=True)
            return thaid_failed(request)
        user = queries.account_holding(identity.citizen_id)
        if user is not None and (
            user.is_identity_verified
            or queries.is_same_person(user, first_name=identity.first_name, last_name=identity.last_name)
        ):
            if not user.is_active:
                messages.error(request, _("This account has been disabled. Please contact the office."))
                return redirect("accounts:login")
            actions.log_in_with_thaid(user=user)
            next_url = request.session.pop(THAID_NEXT_SESSION_KEY, resolve_url(settings.LOGIN_REDIRECT_URL))
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(next_url)
        # No account yet, or a declared one under someone else's name: the holder registers.
        request.session[THAID_IDENTITY_SESSION_KEY] = identity.as_session_data()
        return redirect("accounts:thaid_complete")


class ThaIDCompleteView(FormView):
    """The first ThaID log-in: phone, personnel type and the privacy notice, then the account."""

    template_name = "accounts/thaid_complete.html"
    form_class = ThaIDCompletionForm

    def dispatch(self, request, *args, **kwargs):
        data = request.session.get(THAID_IDENTITY_SESSION_KEY)
        if not data:
            return redirect("accounts:login")
        self.identity = thaid.ThaIDIdentity(**data)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        title = self.identity.title if self.identity.title in Title.values else ""
        return {"title": title, "first_name": self.identity.first_name, "last_name": self.identity.last_name}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            user = actions.register_with_thaid(
                citizen_id=self.identity.citizen_id,
                title=data["title"],
                first_name=self.identity.first_name,
                last_name=self.identity.last_name,
                phone=data["phone"],
                personnel_type=data["personnel_type"],
                email=data.get("email", ""),
                privacy_notice_version=OfficeSettings.for_request(self.request).privacy_notice_version,
            )
        except ValueError:  # a verified account took the ID meanwhile
            del self.request.session[THAID_IDENTITY_SESSION_KEY]
            return thaid_failed(self.request)
        del self.request.session[THAID_IDENTITY_SESSION_KEY]  # one account per ThaID log-in
        next_url = self.request.session.pop(THAID_NEXT_SESSION_KEY, resolve_url(settings.LOGIN_REDIRECT_URL))
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Your account has been created and you are logged in."))
        return redirect(next_url)
