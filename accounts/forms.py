"""The public account forms. Rules live in validators and actions; forms only ask and explain."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth import forms as auth_forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from base.client_address import client_address

from . import actions, queries, thaid
from .models import AddressAttempt, PersonnelType, Title, User
from .recaptcha import RecaptchaFormMixin
from .validators import normalize_citizen_id, normalize_phone, validate_citizen_id, validate_person_name

REQUIRED = {"required": _("Please fill in this field.")}
TYPED_CITIZEN_ID_LENGTH = 17  # "1-2345-67890-12-1"
# The real holder of an ID someone else registered must have a way in: ThaID takes it back.
DUPLICATE_CITIZEN_ID_MESSAGE = _(
    "An account with this citizen ID already exists. If it is yours, log in with your password or "
    "reset it; if you did not register it, log in with ThaID, which gives the citizen ID to its "
    "verified holder, or come to the office counter with your ID card."
)
# Where ThaID is not offered (accounts.thaid.is_configured), the way forward does not name it.
DUPLICATE_CITIZEN_ID_WITHOUT_THAID_MESSAGE = _(
    "An account with this citizen ID already exists. If it is yours, log in with your password or "
    "reset it; if you did not register it, please come to the office counter with your ID card."
)


def duplicate_citizen_id_message():
    return (
        DUPLICATE_CITIZEN_ID_MESSAGE if thaid.is_configured() else DUPLICATE_CITIZEN_ID_WITHOUT_THAID_MESSAGE
    )


def password_field(label, autocomplete="new-password"):
    return forms.CharField(
        label=label,
        strip=False,
        error_messages=REQUIRED,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


class PhoneField(forms.CharField):
    """A phone as people type it ("081-234-5678", "+66 81 234 5678"): longer than the 10 digits
    stored, so the model's max_length must not refuse it before clean_phone normalises it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", capfirst(User._meta.get_field("phone").verbose_name))
        super().__init__(max_length=20, **kwargs)


class ProfileFieldsMixin(forms.ModelForm):
    """Title, names, phone and e-mail, with Thai messages and the phone normalised."""

    phone = PhoneField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "first_name", "last_name", "phone", "personnel_type"):
            field = self.fields[name]
            field.required = True
            field.error_messages = {**field.error_messages, **REQUIRED}
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})
        email = self.fields["email"]
        email.label = _("E-mail (optional, recommended)")
        email.help_text = _(
            "We e-mail you the progress of your requests: when we receive one and whenever its status changes."
        )
        email.widget.attrs["autocomplete"] = "email"
        for name in ("first_name", "last_name"):
            self.fields[name].validators.append(validate_person_name)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["title"].choices = [("", _("— choose —")), *Title.choices]
        self.fields["personnel_type"].choices = [("", _("— choose —")), *PersonnelType.choices]

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])


class RegistrationForm(RecaptchaFormMixin, ProfileFieldsMixin):
    citizen_id = forms.CharField(
        label=_("Citizen ID"),
        max_length=17,
        error_messages=REQUIRED,
        help_text=_("13 digits, as on your national ID card."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "username"}),
    )
    password1 = password_field(_("Password"))
    password2 = password_field(_("Password again"))
    consent = forms.BooleanField(
        label=_("I have read and accept the privacy notice on the use of my personal data."),
        error_messages={"required": _("Please accept the privacy notice to register.")},
    )

    field_order = [
        "citizen_id",
        "phone",
        "personnel_type",
        "title",
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "consent",
        "captcha",
    ]

    class Meta:
        model = User
        fields = ["phone", "personnel_type", "title", "first_name", "last_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()

    def clean_citizen_id(self):
        citizen_id = validate_citizen_id(self.cleaned_data["citizen_id"])
        if User.objects.filter(citizen_id=citizen_id).exists():
            raise forms.ValidationError(duplicate_citizen_id_message(), code="duplicate")
        return citizen_id

    def clean(self):
        cleaned_data = super().clean()
        password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            candidate = User(
                citizen_id=cleaned_data.get("citizen_id", ""),
                first_name=cleaned_data.get("first_name", ""),
                last_name=cleaned_data.get("last_name", ""),
                phone=cleaned_data.get("phone", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data


class ThaIDCompletionForm(ProfileFieldsMixin):
    """After a first ThaID log-in: the name comes from ThaID; the applicant adds the rest and
    accepts the privacy notice."""

    consent = RegistrationForm.base_fields["consent"]

    class Meta:
        model = User
        fields = ["title", "first_name", "last_name", "phone", "personnel_type", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].disabled = True
            self.fields[name].help_text = _("As on your ID card, from ThaID.")


class CitizenIdLoginMixin(forms.Form):
    """Log-in with the citizen ID as people type it, and messages that do not tell which IDs exist."""

    username = forms.CharField(
        label=_("Citizen ID"),
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autofocus": True, "inputmode": "numeric", "autocomplete": "username"}),
    )
    password = password_field(_("Password"), autocomplete="current-password")

    error_messages = {
        "invalid_login": _("The citizen ID or password is not correct."),
        "inactive": _("This account has been disabled. Please contact the office."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm caps the field at the stored 13 digits; people type dashes or spaces.
        self.fields["username"].max_length = TYPED_CITIZEN_ID_LENGTH
        self.fields["username"].widget.attrs["maxlength"] = TYPED_CITIZEN_ID_LENGTH

    def clean_username(self):
        # Accept the ID with dashes or spaces; an invalid one simply fails to log in, with the
        # same message as a wrong password, so the form does not tell which IDs exist.
        return normalize_citizen_id(self.cleaned_data["username"])

    def clean(self):
        # Password spraying: many citizen IDs tried from one address, which django-axes (counting
        # per ID and address) lets through; after the address's allowance even a right password waits.
        if self.request is None:  # a form built outside a request has no address to count
            return super().clean()
        address = client_address(self.request)
        failure = AddressAttempt.Kind.LOGIN_FAILURE
        if queries.address_limit_reached(kind=failure, client_address=address):
            raise forms.ValidationError(address_login_limit_message(), code="address_limited")
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                actions.record_address_attempt(kind=failure, client_address=address)
            raise


def minutes(window):
    return int(window.total_seconds() // 60)


def address_login_limit_message():
    return _(
        "Too many failed log-in attempts have come from your network. Logging in from it is paused "
        "for %(minutes)d minutes; please try again later, or log in from another network."
    ) % {"minutes": minutes(queries.address_window(AddressAttempt.Kind.LOGIN_FAILURE))}


def address_registration_limit_message():
    return _(
        "Too many registrations have been made from your network. Please try again in %(minutes)d "
        "minutes, or register at the office counter."
    ) % {"minutes": minutes(queries.address_window(AddressAttempt.Kind.REGISTRATION))}


class LoginForm(CitizenIdLoginMixin, RecaptchaFormMixin, auth_forms.AuthenticationForm):
    """The applicants' log-in (เข้าสู่ระบบ)."""

    remember_me = forms.BooleanField(
        label=_("Remember me"),
        required=False,
        help_text=_("Stay logged in on this device for 14 days. Do not tick this on a shared computer."),
    )


class AdminLoginForm(CitizenIdLoginMixin, RecaptchaFormMixin, WagtailLoginForm):
    """The staff's log-in to the Wagtail admin (WAGTAILADMIN_USER_LOGIN_FORM), with the same
    citizen ID, messages and robot check as the applicants' one."""


class ProfileForm(ProfileFieldsMixin):
    class Meta:
        model = User
        fields = ["title", "first_name", "last_name", "phone", "personnel_type", "email"]


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": _("Your current password is not correct. Please enter it again."),
        "password_mismatch": _("The two passwords do not match."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("New password again")
        self.fields["new_password2"].help_text = _("Type the new password once more, to be sure.")
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **REQUIRED}


class ThaIDLinkForm(forms.Form):
    """The declared account's password, after ThaID vouched for its citizen ID and name. Checked by
    the authentication backends, so django-axes counts wrong tries against the citizen ID."""

    password = password_field(_("Password of this account"), autocomplete="current-password")

    def __init__(self, *args, request, citizen_id, **kwargs):
        self.request = request
        self.citizen_id = citizen_id
        self.user = None
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        self.user = authenticate(self.request, username=self.citizen_id, password=password)
        if self.user is None:
            raise forms.ValidationError(
                _("The password is not correct. Please try again, or choose “This is not my account”."),
                code="password_incorrect",
            )
        return password


class ConfirmPasswordForm(forms.Form):
    """The password typed again before a change that takes over an account."""

    password = password_field(_("Password"), autocomplete="current-password")

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Your password is not correct. Please enter it again."), code="password_incorrect"
            )
        return password
