"""Account pages. Each view asks its form and hands the change to accounts.actions."""

import logging

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from wagtail import hooks
from wagtail.admin.views import account as wagtail_account

from base.client_address import client_address
from base.faults import KeepsFormOnFault, kept_on_fault
from base.links import portal_base_url
from base.models import OfficeSettings

from . import actions, queries, sessions, thaid
from .forms import (
    ConfirmPasswordForm,
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    RegistrationForm,
    ThaIDCompletionForm,
    ThaIDLinkForm,
    address_registration_limit_message,
)
from .hooks import PROFILE_SECTIONS
from .models import AddressAttempt, Title, User
from .recovery_forms import SetPasswordForm

NOT_KEPT = {"password1", "password2", "captcha", "g-recaptcha-response", "csrfmiddlewaretoken"}


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


class RegisterView(KeepsFormOnFault, FormView):
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

    def post(self, request, *args, **kwargs):
        address = client_address(request)
        kind = AddressAttempt.Kind.REGISTRATION
        # A fresh form, not the bound one, when the posted one is not checked: checking it would
        # ask Google about a spent answer.
        unchecked = self.get_form_class()(
            initial={name: value for name, value in request.POST.items() if name not in NOT_KEPT}
        )
        if queries.address_limit_reached(kind=kind, client_address=address):
            context = self.get_context_data(
                form=unchecked, limit_message=address_registration_limit_message()
            )
            return self.render_to_response(context, status=429)
        with kept_on_fault(request, unchecked, where="registration attempt"):
            actions.record_address_attempt(kind=kind, client_address=address)
            return super().post(request, *args, **kwargs)
        return self.render_to_response(self.get_context_data(form=unchecked))

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
        if user.email:
            # Nothing is e-mailed to the address until its link is opened: say so now.
            messages.info(
                self.request,
                _(
                    "We have e-mailed a link to %(email)s. Please open it within 3 days to confirm the "
                    "address: news of your requests is sent there only after that."
                )
                % {"email": user.email},
            )
        return redirect(safe_next_url(self.request, home_url()))


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return home_url()

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "address_limited"):
            response.status_code = 429
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        sessions.remember(self.request.session, form.cleaned_data.get("remember_me", False))
        return response


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return home_url()


class AdminLogoutView(wagtail_account.LogoutView):
    """Wagtail's admin log-out deletes the session cookie whatever the answer; by GET, which
    Django's log-out refuses, that left the session alive on the server. Here GET only asks."""

    def get(self, request, *args, **kwargs):
        return render(request, "accounts/two_factor/logout.html")

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            return self.get(request)
        return super().dispatch(request, *args, **kwargs)


def confirm_password_url(request) -> str:
    return f"{resolve_url('accounts:confirm_password')}?{urlencode({'next': request.get_full_path()})}"


class ConfirmPasswordView(LoginRequiredMixin, FormView):
    """Type the password again before a change that takes over an account (password, e-mail,
    second factor); it holds for REAUTHENTICATION_VALID_FOR."""

    template_name = "accounts/confirm_password.html"
    form_class = ConfirmPasswordForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "next": safe_next_url(self.request, "accounts:profile"),
            # An account made with ThaID has no password to type: ThaID confirms it again instead.
            "confirm_with_thaid": not self.request.user.has_usable_password(),
        }

    def form_valid(self, form):
        sessions.confirm_password(self.request.session)
        return redirect(safe_next_url(self.request, "accounts:profile"))


class PrivacyNoticeUpdateView(LoginRequiredMixin, View):
    """A new version of the privacy notice: a returning applicant reads it and accepts it, once
    (accounts.middleware.PrivacyNoticeMiddleware sends them here)."""

    template_name = "accounts/privacy_notice_update.html"

    def get(self, request):
        office = OfficeSettings.for_request(request)
        if not queries.must_accept_privacy_notice(request.user, office):
            return redirect(safe_next_url(request, home_url()))
        context = {
            "office": office,
            "previous_version": request.user.privacy_notice_version,
            "next": safe_next_url(request, home_url()),
            # The data-rights pages (the privacy app, above this layer), by their paths.
            "export_url": f"{home_url()}my/privacy/export/",
            "delete_url": f"{home_url()}my/privacy/delete/",
        }
        return render(request, self.template_name, context)

    def post(self, request):
        office = OfficeSettings.for_request(request)
        if queries.must_accept_privacy_notice(request.user, office):
            actions.accept_privacy_notice(
                actor=request.user, user=request.user, version=office.privacy_notice_version
            )
            messages.success(request, _("Thank you. You have accepted the new privacy notice."))
        return redirect(safe_next_url(request, home_url()))


class ProfileView(KeepsFormOnFault, LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    # What the applicant typed while the password was asked for: shown again on their return.
    PENDING_SESSION_KEY = "accounts:profile_pending"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def get_context_data(self, **kwargs):
        sections = [section(self.request) for section in hooks.get_hooks(PROFILE_SECTIONS)]
        return {**super().get_context_data(**kwargs), "profile_sections": sections}

    def get_initial(self):
        pending = self.request.session.pop(self.PENDING_SESSION_KEY, None)
        if pending and self.request.method == "GET":
            messages.info(self.request, _("What you typed is kept. Please press “Save changes” to apply it."))
            return {**super().get_initial(), **pending}
        return super().get_initial()

    def form_valid(self, form):
        changes = {name: form.cleaned_data[name] for name in actions.PROFILE_FIELDS}
        # The form saved nothing; it edited a copy of the user that the action now persists.
        user = User.objects.get(pk=self.request.user.pk)
        if changes["email"] != user.email and not sessions.password_recently_confirmed(self.request.session):
            self.request.session[self.PENDING_SESSION_KEY] = {
                name: str(value) for name, value in changes.items()
            }
            messages.info(self.request, _("Please enter your password again to change your e-mail."))
            return redirect(confirm_password_url(self.request))
        actions.update_profile(
            actor=self.request.user, user=user, base_url=portal_base_url(self.request), **changes
        )
        messages.success(self.request, _("Your profile has been saved."))
        return redirect("accounts:profile")


class PasswordChangeView(KeepsFormOnFault, LoginRequiredMixin, FormView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not sessions.password_recently_confirmed(request.session):
            messages.info(request, _("Please enter your password again to change it."))
            return redirect(confirm_password_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        # An account made with ThaID has no current password to type: it sets its first one.
        return PasswordChangeForm if self.request.user.has_usable_password() else SetPasswordForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = actions.change_password(
            actor=self.request.user, user=self.request.user, new_password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password has been changed."))
        return redirect("accounts:profile")


logger = logging.getLogger(__name__)
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
        request.session[THAID_NEXT_SESSION_KEY] = safe_next_url(request, home_url())
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
        if user is not None and user.is_identity_verified:
            if not user.is_active:
                return account_disabled(request)
            return log_in_after_thaid(request, user)
        if user is not None and queries.is_same_person(
            user, first_name=identity.first_name, last_name=identity.last_name
        ):
            if not user.is_active:
                return account_disabled(request)
            # A declared account under the holder's name: theirs, or a squatter's who typed it.
            # Its password tells which; until then, nobody is logged in.
            request.session[THAID_IDENTITY_SESSION_KEY] = thaid.signed_claims(
                identity, next_step=thaid.Next.LINK
            )
            return redirect("accounts:thaid_link")
        # No account yet, or a declared one under someone else's name: the holder registers.
        request.session[THAID_IDENTITY_SESSION_KEY] = thaid.signed_claims(
            identity, next_step=thaid.Next.REGISTER
        )
        return redirect("accounts:thaid_complete")


def account_disabled(request):
    request.session.pop(THAID_IDENTITY_SESSION_KEY, None)
    messages.error(request, _("This account has been disabled. Please contact the office."))
    return redirect("accounts:login")


def log_in_after_thaid(request, user, *, linked_with_password=False):
    actions.log_in_with_thaid(user=user, linked_with_password=linked_with_password)
    request.session.pop(THAID_IDENTITY_SESSION_KEY, None)  # the claims are used once
    next_url = request.session.pop(THAID_NEXT_SESSION_KEY, home_url())
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(next_url)


def thaid_claims(request, next_step):
    """The identity ThaID vouched for, waiting for this step; None (and the claims dropped) when
    there is none, or it is for another step, tampered with or too old."""
    value = request.session.get(THAID_IDENTITY_SESSION_KEY)
    if value is None:
        return None
    identity = thaid.claims_from_signed(value, next_step=next_step)
    if identity is None:
        del request.session[THAID_IDENTITY_SESSION_KEY]
    return identity


class ThaIDLinkView(KeepsFormOnFault, FormView):
    """A declared account under the name ThaID vouched for: its password links it with ThaID, or
    "ไม่ใช่บัญชีของฉัน" takes the holder to a fresh account (the declared one is a squatter's)."""

    template_name = "accounts/thaid_link.html"
    form_class = ThaIDLinkForm

    def dispatch(self, request, *args, **kwargs):
        if not thaid.is_configured():
            raise Http404
        had_claims = THAID_IDENTITY_SESSION_KEY in request.session
        self.identity = thaid_claims(request, thaid.Next.LINK)
        if self.identity is None:
            return thaid_failed(request) if had_claims else redirect("accounts:login")
        self.account = queries.account_holding(self.identity.citizen_id)
        if self.account is None or self.account.is_identity_verified or not self.account.is_active:
            # Something changed meanwhile: start again at ThaID.
            del request.session[THAID_IDENTITY_SESSION_KEY]
            return thaid_failed(request)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "not_mine" in request.POST:
            request.session[THAID_IDENTITY_SESSION_KEY] = thaid.signed_claims(
                self.identity, next_step=thaid.Next.REGISTER
            )
            return redirect("accounts:thaid_complete")
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request, "citizen_id": self.identity.citizen_id}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "identity": self.identity}

    def form_valid(self, form):
        messages.success(self.request, _("Your account is now linked with ThaID."))
        return log_in_after_thaid(self.request, form.user, linked_with_password=True)


class ThaIDCompleteView(KeepsFormOnFault, FormView):
    """The first ThaID log-in: phone, personnel type and the privacy notice, then the account."""

    template_name = "accounts/thaid_complete.html"
    form_class = ThaIDCompletionForm

    def dispatch(self, request, *args, **kwargs):
        if not thaid.is_configured():
            raise Http404
        had_claims = THAID_IDENTITY_SESSION_KEY in request.session
        self.identity = thaid_claims(request, thaid.Next.REGISTER)
        if self.identity is None:
            return thaid_failed(request) if had_claims else redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["displaces_account"] = queries.account_holding(self.identity.citizen_id) is not None
        return context

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
        next_url = self.request.session.pop(THAID_NEXT_SESSION_KEY, home_url())
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Your account has been created and you are logged in."))
        return redirect(next_url)
