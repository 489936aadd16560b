from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import admin_views, two_factor_views
from .counter_admin import PERMISSION, IssueCounterCodeView
from .two_factor import is_staff_account


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("accounts.register", _("Register"), _("Registered an account"))
    actions.register_action("accounts.edit_profile", _("Edit profile"), _("Edited own profile"))
    actions.register_action(
        "accounts.accept_privacy_notice",
        _("Accept privacy notice"),
        _("Accepted a new version of the privacy notice"),
    )
    actions.register_action("accounts.change_password", _("Change password"), _("Changed own password"))
    actions.register_action("accounts.verify_email", _("Confirm e-mail"), _("Confirmed the e-mail address"))
    actions.register_action(
        "accounts.resend_email_verification", _("Resend e-mail link"), _("Asked for the e-mail link again")
    )
    actions.register_action(
        "accounts.password_reset_link_sent", _("Password reset link"), _("Sent a password reset link")
    )
    actions.register_action("accounts.reset_password", _("Reset password"), _("Set a new password"))
    actions.register_action(
        "accounts.issue_counter_reset_code",
        _("Counter reset code"),
        _("Issued a password reset code at the counter"),
    )
    actions.register_action(
        "accounts.two_factor_set_up", _("Set up two-factor"), _("Set up an authenticator app")
    )
    actions.register_action(
        "accounts.recovery_code_used", _("Use recovery code"), _("Logged in with a recovery code")
    )
    actions.register_action(
        "accounts.two_factor_reset", _("Reset two-factor"), _("Reset the second factor of the account")
    )


@hooks.register("register_permissions")
def register_counter_code_permission():
    """So that administrators can give it to a group under Settings → Groups."""
    return Permission.objects.filter(content_type__app_label="accounts", codename="issue_counter_reset_code")


class CounterCodeMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_counter_code_urls():
    return [path("accounts/counter-code/", IssueCounterCodeView.as_view(), name="accounts_counter_code")]


@hooks.register("register_admin_menu_item")
def register_counter_code_menu_item():
    return CounterCodeMenuItem(
        _("Password reset code"),
        reverse("accounts_counter_code"),
        name="accounts-counter-code",
        icon_name="key",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/setup/", two_factor_views.setup, name="accounts_two_factor_setup"),
        path("two-factor/verify/", two_factor_views.verify, name="accounts_two_factor_verify"),
        path("two-factor/reset/<int:pk>/", two_factor_views.reset, name="accounts_two_factor_reset"),
    ]


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if request_user.is_superuser and is_staff_account(user):
        yield Button(_("Reset two-factor"), reverse("accounts_two_factor_reset", args=[user.pk]), priority=50)


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """Staff replace their authenticator (a new phone) from their account page."""
    if is_staff_account(request.user):
        return {
            "url": reverse("accounts_two_factor_setup"),
            "label": _("Two-factor log-in"),
            "help_text": _("Set up a new authenticator app and get new recovery codes."),
        }
    return None


@hooks.register("register_log_actions")
def register_identity_log_actions(actions):
    actions.register_action("accounts.verify_identity", _("Verify citizen ID"), _("Verified the citizen ID"))
    actions.register_action("accounts.thaid_login", _("ThaID log-in"), _("Logged in with ThaID"))
    actions.register_action(
        "accounts.suspend_squatter",
        _("Suspend account"),
        _("Suspended: the citizen ID was claimed by its verified holder"),
    )


@hooks.register("register_permissions")
def register_identity_permissions():
    return Permission.objects.filter(content_type__app_label="accounts", codename="verify_identity")


@hooks.register("register_admin_urls")
def register_identity_admin_urls():
    return [
        path(
            "accounts/verify-identity/<int:pk>/",
            admin_views.VerifyIdentityView.as_view(),
            name="accounts_verify_identity",
        )
    ]
