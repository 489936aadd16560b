from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        "privacy.request_export", _("Ask for a copy of personal data"), _("Asked for a copy of their data")
    )
    actions.register_action(
        "privacy.export_ready", _("Copy of personal data ready"), _("The copy of personal data was made")
    )
    actions.register_action(
        "privacy.export_failed", _("Copy of personal data failed"), _("The copy of personal data failed")
    )
    actions.register_action(
        "privacy.download_export", _("Download copy of personal data"), _("Downloaded their data")
    )
    actions.register_action(
        "privacy.export_expired", _("Copy of personal data expired"), _("The copy's file was deleted")
    )
    actions.register_action(
        "privacy.close_account", _("Delete account"), _("Deleted the account at its holder's request")
    )
