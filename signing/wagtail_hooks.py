from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_signing_log_actions(actions):
    actions.register_action("signing.issue", _("Issue a signed document"), _("Issued a signed document"))
    actions.register_action(
        "signing.verify", _("Check a signed document"), _("A signed document was checked")
    )
    actions.register_action(
        "signing.forget_files", _("Delete kept signed files"), _("Kept signed files were deleted")
    )
