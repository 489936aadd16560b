from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from . import admin_views


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("accounts.register", _("Register"), _("Registered an account"))
    actions.register_action("accounts.edit_profile", _("Edit profile"), _("Edited own profile"))
    actions.register_action("accounts.change_password", _("Change password"), _("Changed own password"))


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
