from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("accounts.register", _("Register"), _("Registered an account"))
    actions.register_action("accounts.edit_profile", _("Edit profile"), _("Edited own profile"))
    actions.register_action("accounts.change_password", _("Change password"), _("Changed own password"))
