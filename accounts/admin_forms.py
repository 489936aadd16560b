"""The user forms of Wagtail's admin, with the fields of our user model."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from wagtail.users import forms as wagtail_forms

from .forms import PhoneField
from .validators import normalize_phone, validate_citizen_id, validate_person_name

PROFILE_FIELDS = {"title", "phone", "personnel_type"}


class AdminUserFieldsMixin:
    """Citizen ID and names checked like on the public site; e-mail optional, as for applicants."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        for name in ("first_name", "last_name"):
            self.fields[name].validators.append(validate_person_name)
        citizen_id = self.fields["citizen_id"]
        citizen_id.help_text = _("13 digits; staff log in with it too.")
        # Typed with dashes it is 17 characters; clean_citizen_id stores the 13 digits.
        citizen_id.max_length = 17
        citizen_id.widget.attrs["maxlength"] = "17"
        citizen_id.validators = [
            validator for validator in citizen_id.validators if not isinstance(validator, MaxLengthValidator)
        ]

    def clean_citizen_id(self):
        return validate_citizen_id(self.cleaned_data["citizen_id"])

    def clean_phone(self):
        phone = self.cleaned_data.get("phone")
        return normalize_phone(phone) if phone else ""


class UserCreationForm(AdminUserFieldsMixin, wagtail_forms.UserCreationForm):
    email = forms.EmailField(required=False, label=_("Email"))
    phone = PhoneField(required=False)

    class Meta(wagtail_forms.UserCreationForm.Meta):
        fields = wagtail_forms.UserCreationForm.Meta.fields | PROFILE_FIELDS


class UserEditForm(AdminUserFieldsMixin, wagtail_forms.UserEditForm):
    email = forms.EmailField(required=False, label=_("Email"))
    phone = PhoneField(required=False)

    class Meta(wagtail_forms.UserEditForm.Meta):
        fields = wagtail_forms.UserEditForm.Meta.fields | PROFILE_FIELDS
