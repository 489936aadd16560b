"""The staff's second factor in the admin: set up an authenticator, enter a code, and a
superuser's reset of someone else's. Each view asks and hands the change to accounts.actions."""

from base64 import b32encode

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

import django_otp

from . import actions, sessions
from .models import User
from .two_factor import has_authenticator, has_second_factor, pending_authenticator


class CodeForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        error_messages={"required": gettext_lazy("Please fill in this field.")},
        widget=forms.TextInput(
            attrs={"autofocus": True, "inputmode": "numeric", "autocomplete": "one-time-code"}
        ),
    )


def admin_next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def confirm_password_first(request):
    """Send the staff member to type the password again, and back here afterwards."""
    messages.info(request, _("Please enter your password again to change your second factor."))
    return redirect(f"{reverse('accounts:confirm_password')}?{urlencode({'next': request.get_full_path()})}")


@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    if has_second_factor(user) and not user.is_verified():
        # Replacing a second factor takes the current one first.
        return redirect(
            f"{reverse('accounts_two_factor_verify')}?{urlencode({'next': request.get_full_path()})}"
        )
    if has_authenticator(user) and not sessions.password_recently_confirmed(request.session):
        return confirm_password_first(request)
    device = pending_authenticator(user)
    if device is None:
        device = actions.start_authenticator_setup(actor=user, user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = actions.confirm_authenticator(
            actor=user, user=user, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            django_otp.login(request, device)
            return render(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": admin_next_url(request)},
            )
        form.add_error("token", _("The code is not correct. Enter the 6 digits your app shows now."))
    import segno  # deferred: set once per staff account, not worth a place in every web worker

    return render(
        request,
        "accounts/two_factor/setup.html",
        {
            "form": form,
            "qr_code": segno.make(device.config_url, error="m").svg_inline(scale=4, border=2),
            "secret": b32encode(device.bin_key).decode(),
            "next": admin_next_url(request),
        },
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    if not has_second_factor(user):
        return redirect(
            f"{reverse('accounts_two_factor_setup')}?{urlencode({'next': admin_next_url(request)})}"
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = actions.verify_second_factor(user=user, token=form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(admin_next_url(request))
        form.add_error("token", _("The code is not correct, or the recovery code has been used."))
    return render(request, "accounts/two_factor/verify.html", {"form": form, "next": admin_next_url(request)})


@require_http_methods(["GET", "POST"])
def reset(request, pk):
    """A superuser resets a staff member's second factor (from the user admin)."""
    if not request.user.is_superuser:
        return redirect("wagtailadmin_home")
    person = get_object_or_404(User, pk=pk)
    if not sessions.password_recently_confirmed(request.session):
        return confirm_password_first(request)
    if request.method == "POST":
        actions.reset_two_factor(actor=request.user, user=person)
        messages.success(
            request,
            _("The second factor of %(name)s has been reset. They set up a new one at their next log-in.")
            % {"name": person},
        )
        return redirect("wagtailusers_users:edit", person.pk)
    edit_url = reverse("wagtailusers_users:edit", args=[person.pk])
    breadcrumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
        {"url": edit_url, "label": str(person)},
        {"url": "", "label": _("Reset two-factor")},
    ]
    return render(
        request,
        "accounts/two_factor/reset.html",
        {
            "person": person,
            "has_second_factor": has_second_factor(person),
            "edit_url": edit_url,
            "breadcrumbs_items": breadcrumbs,
            "header_title": _("Reset two-factor"),
        },
    )
