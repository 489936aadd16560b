"""Sessions that end, and no admin page for staff who have not passed their second factor."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from base.languages import without_language_prefix
from base.queries import existing_office_settings

from . import sessions
from .queries import must_accept_privacy_notice
from .two_factor import has_second_factor, is_staff_account


class SessionLimitsMiddleware:
    """Ends a log-in that has been idle too long or lasted too long (accounts.sessions.limits)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if sessions.has_ended(request.user, request.session):
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
            else:
                sessions.touch(request.session)
        return self.get_response(request)


# The admin pages a staff member may see before the second factor: logging in and out, and the
# second factor's own pages.
OPEN_ADMIN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "accounts_two_factor_setup",
    "accounts_two_factor_verify",
    "wagtailadmin_javascript_catalog",
    # The admin's icons, which its pages (the two-factor ones too) fetch and insert into
    # themselves: redirected, the set-up page would be inserted into itself.
    "wagtailadmin_sprite",
)


class StaffTwoFactorMiddleware:
    """Sends a staff session that has not passed the second factor to set one up or enter a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and is_staff_account(user)
            and not user.is_verified()
            and request.path not in {reverse(name) for name in OPEN_ADMIN_URL_NAMES}
        ):
            target = "accounts_two_factor_verify" if has_second_factor(user) else "accounts_two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


# What an applicant asked to accept a new privacy notice may still open: that page, logging out,
# their data-rights pages (a copy of their data, deleting the account), and files.
PRIVACY_NOTICE_OPEN_URL_NAMES = ("accounts:privacy_notice_update", "accounts:logout")


def _privacy_notice_open_paths(request, office) -> tuple[str, ...]:
    """The open paths as the default language has them (compared without the /en/ prefix)."""
    paths = [reverse(name) for name in PRIVACY_NOTICE_OPEN_URL_NAMES]
    paths += ["/my/privacy/", settings.STATIC_URL, settings.MEDIA_URL, "/documents/", "/.well-known/"]
    paths += ["/robots.txt", "/favicon.ico"]
    policy = office.privacy_policy_page
    url = policy.localized.get_url(request) if policy is not None else None
    if url and url != "/":
        paths.append(url)
    return tuple(without_language_prefix(path) for path in paths)


class PrivacyNoticeMiddleware:
    """Sends a returning applicant who accepted an older privacy notice to read and accept the
    office's current one, once (accounts.views.PrivacyNoticeUpdateView). Only page views (GET)
    are sent: a form posted at the moment the notice changed is not lost."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.user.is_authenticated:
            office = existing_office_settings(request)
            if (
                office
                and must_accept_privacy_notice(request.user, office)
                and not (
                    without_language_prefix(request.path).startswith(
                        _privacy_notice_open_paths(request, office)
                    )
                )
            ):
                target = reverse("accounts:privacy_notice_update")
                return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
