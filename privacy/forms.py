from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import password_field


class CloseAccountForm(forms.Form):
    """The password again, and a tick that the applicant understands what deleting does."""

    password = password_field(_("Password"), autocomplete="current-password")
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and personal data will be deleted and that this cannot be undone."
        ),
        error_messages={"required": _("Please tick the box to confirm.")},
    )
