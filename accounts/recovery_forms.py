"""The forms of account recovery: forgotten password, new password, the counter's code."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from . import queries
from .forms import REQUIRED, TYPED_CITIZEN_ID_LENGTH, password_field
from .models import AddressAttempt
from .recaptcha import RecaptchaFormMixin
from .validators import validate_citizen_id


def citizen_id_field():
    return forms.CharField(
        label=_("Citizen ID"),
        max_length=TYPED_CITIZEN_ID_LENGTH,
        error_messages=REQUIRED,
        help_text=_("13 digits, as on your national ID card."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "username"}),
    )


def address_reset_limit_message():
    minutes = int(queries.address_window(AddressAttempt.Kind.PASSWORD_RESET).total_seconds() // 60)
    return _(
        "Too many requests for a new password have come from your network. Please try again in "
        "%(minutes)d minutes, or come to the office with your national ID card."
    ) % {"minutes": minutes}


class ForgotPasswordForm(RecaptchaFormMixin, forms.Form):
    citizen_id = citizen_id_field()

    def clean_citizen_id(self):
        # Only its form is checked: whether an account has it is never told.
        return validate_citizen_id(self.cleaned_data["citizen_id"])


class NewPasswordMixin(forms.Form):
    error_messages = {"password_mismatch": _("The two passwords do not match.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("New password again")
        self.fields["new_password2"].help_text = _("Type the new password once more, to be sure.")
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **REQUIRED}


class SetPasswordForm(NewPasswordMixin, auth_forms.SetPasswordForm):
    """A new password twice, checked against the account's own details (Django's form)."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].help_text = password_validation.password_validators_help_text_html()


class CounterCodeResetForm(RecaptchaFormMixin, NewPasswordMixin):
    """The citizen ID, the code the office printed, and a new password twice. Whose account it is
    is only known once the code matches, so the password is checked against it in the action."""

    citizen_id = citizen_id_field()
    code = forms.CharField(
        label=_("Code from the office"),
        max_length=40,
        error_messages=REQUIRED,
        help_text=_("The 12 digits on the slip the office gave you (spaces do not matter)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    new_password1 = password_field(_("New password"))
    new_password2 = password_field(_("New password again"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = password_validation.password_validators_help_text_html()

    def clean_citizen_id(self):
        return validate_citizen_id(self.cleaned_data["citizen_id"])

    def clean(self):
        cleaned_data = super().clean()
        password1, password2 = cleaned_data.get("new_password1"), cleaned_data.get("new_password2")
        if password1 and password2 and password1 != password2:
            self.add_error("new_password2", self.error_messages["password_mismatch"])
        return cleaned_data


class IssueCounterCodeForm(forms.Form):
    """The officer at the counter: the citizen ID from the card in front of them."""

    citizen_id = citizen_id_field()
    card_seen = forms.BooleanField(
        label=_("I have seen the applicant's national ID card and it matches this citizen ID."),
        error_messages={"required": _("A code may only be issued after seeing the ID card.")},
    )

    def clean_citizen_id(self):
        return validate_citizen_id(self.cleaned_data["citizen_id"])
