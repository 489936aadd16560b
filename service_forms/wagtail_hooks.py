from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_service_form_log_actions(actions):
    actions.register_action(
        "service_forms.freeze_version",
        _("Freeze form version"),
        _("Kept the published form as a new version"),
    )
    actions.register_action(
        "service_forms.import_definition",
        _("Import service definition"),
        _("Created the page from an imported service definition"),
    )
