"""The forms of a request: the applicant's contact (pre-filled from the profile), the service's own
fields (its catalogue module's ModelForm), and one file field per attachment slot."""

import json
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _

from accounts.models import Title, User
from accounts.validators import normalize_citizen_id, normalize_phone, validate_person_name

from .actions import INTERNAL_NOTE_MAX_LENGTH, STALE_SUBMISSION_KEY, STALE_SUBMISSION_KEY_MESSAGE
from .uploads import check_upload
from .workflow import Role, confirmation_required

CITIZEN_ID_DIGITS = 13

ACCEPT = ".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf"
# A file is attached, not typed: Django's "This field is required." reads "please fill in this field".
ATTACH_REQUIRED = _("Please attach the file “%(label)s”.")


def _attach_required(label) -> str:
    return ATTACH_REQUIRED % {"label": label}


# Lazy: in the language of the page the error is shown on (labels are lazy too).
attach_required = lazy(_attach_required, str)


def _profile_label(name):
    """The profile's own label for a field, so the request form reads like the profile form."""
    return capfirst(User._meta.get_field(name).verbose_name)


class ContactForm(forms.Form):
    applicant_title = forms.ChoiceField(label=_profile_label("title"), choices=Title.choices)
    applicant_first_name = forms.CharField(
        label=_profile_label("first_name"), max_length=150, validators=[validate_person_name]
    )
    applicant_last_name = forms.CharField(
        label=_profile_label("last_name"), max_length=150, validators=[validate_person_name]
    )
    applicant_phone = forms.CharField(
        label=_profile_label("phone"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def clean_applicant_phone(self):
        return normalize_phone(self.cleaned_data["applicant_phone"])

    @staticmethod
    def initial_for(user, service_request=None):
        if service_request is not None:
            return {
                "applicant_title": service_request.applicant_title,
                "applicant_first_name": service_request.applicant_first_name,
                "applicant_last_name": service_request.applicant_last_name,
                "applicant_phone": service_request.applicant_phone,
                "submission_key": service_request.submission_key,
            }
        return {
            "applicant_title": user.title,
            "applicant_first_name": user.first_name,
            "applicant_last_name": user.last_name,
            "applicant_phone": user.phone,
            "submission_key": uuid.uuid4(),
        }


class AttachmentsForm(forms.Form):
    """One optional or required file field per slot of the service.

    existing maps slot names to the attachments a request being edited already has.
    """

    def __init__(self, *args, slots, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = slots
        self.existing = dict(existing or {})
        for slot in slots:
            self.fields[slot.name] = forms.FileField(
                label=slot.label,
                # When editing, a slot already filled keeps its file unless a new one is chosen.
                required=slot.required and slot.name not in self.existing,
                # The same message when the form came back and the browser dropped the chosen file.
                error_messages={"required": attach_required(slot.label)},
                help_text=_("png, jpg or pdf, at most 5 MB"),
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            )

    def clean(self):
        cleaned_data = super().clean()
        for slot in self.slots:
            uploaded = cleaned_data.get(slot.name)
            if uploaded:
                try:
                    check_upload(uploaded)
                except forms.ValidationError as error:
                    self.add_error(slot.name, error)
        return cleaned_data

    @property
    def files_were_posted(self) -> bool:
        """Whether the applicant sent any file this time: only then does a form sent back have
        files for them to choose again (browsers never refill file boxes)."""
        return any(self.files.get(self.add_prefix(slot.name)) for slot in self.slots)

    def slot_fields(self):
        """(bound field, attachment already in the slot or None, slot) per slot, for the templates."""
        return [(self[slot.name], self.existing.get(slot.name), slot) for slot in self.slots]

    def files_by_slot(self):
        return {slot.name: self.cleaned_data.get(slot.name) or None for slot in self.slots}


def _use_choose_label(field):
    """The account forms' empty choice ("— choose —") instead of Django's "---------"."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = _("— choose —")
    elif isinstance(field, forms.ChoiceField) and field.choices and field.choices[0][0] == "":
        field.choices = [("", _("— choose —")), *field.choices[1:]]


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class RequestForms:
    """The three forms of one service's request, validated and shown together."""

    def __init__(self, service, *, user, data=None, files=None, service_request=None, correction_round=None):
        self.service = service
        self.user = user
        self.citizen_id = user.citizen_id  # shown, not asked (form_markup puts a placeholder here)
        self.files = files
        self.correction_round = correction_round
        details_instance = None
        existing = {}
        if service_request is not None:
            details_instance = service.details_model.objects.get(request=service_request)
            existing = {attachment.slot: attachment for attachment in service_request.attachments.all()}
        # A malformed key (a tampered form) is treated like a stale one: a fresh key, and the
        # stale-form message instead of a technical error on a hidden field.
        self.malformed_key = data is not None and not _is_uuid(data.get("contact-submission_key"))
        if self.malformed_key:
            data = data.copy()
            data["contact-submission_key"] = str(uuid.uuid4())
        self.contact = ContactForm(
            data, prefix="contact", initial=ContactForm.initial_for(user, service_request)
        )
        details_initial = {}
        email_field = service.details_model.notification_email_field
        if service_request is None and email_field:
            details_initial[email_field] = (
                user.email
            )  # a service asking for an e-mail starts with the account's
        if service_request is None:
            details_initial |= service.details_model.initial_for(user)
        self.details = service.details_form(
            data, prefix="details", instance=details_instance, initial=details_initial
        )
        self.details_instance = details_instance
        self._checked = False
        for field in self.details.fields.values():
            _use_choose_label(field)
        self.attachments = AttachmentsForm(
            data, files, prefix="files", slots=service.attachment_slots, existing=existing
        )
        # A returned request: the officer's marks beside their fields, and the applicant's reply.
        self.reply = None
        self.marked = []
        if correction_round is not None:
            self.reply = CorrectionReplyForm(data, prefix="correction")
            self.marked = list(correction_round.items.all())
            fields = {form.add_prefix(name): field for form in self for name, field in form.fields.items()}
            for item in self.marked:
                if item.key in fields:
                    fields[item.key].needs_correction = True
                    fields[item.key].correction_note = item.note

    def __iter__(self):
        forms = (self.contact, self.details, self.attachments)
        return iter((*forms, self.reply) if self.reply is not None else forms)

    def is_valid(self):
        if not self._checked:  # once: a second call must not add the same errors again
            self._checked = True
            self._check()
        return not self.malformed_key and all(form.is_valid() for form in self)

    def _check(self):
        for form in self:  # validate every form, so all show errors
            form.is_valid()
        # The service's rules across its own fields (they need neither the contact nor the
        # files) run whenever those fields are valid, so their errors show with the other
        # forms' ones rather than only after the files have been picked again.
        if self.details.is_valid():
            try:
                self.service.details_model.check_answers(self.details_data(), current=self.details_instance)
            except ValidationError as error:
                self.add_error(error)
        if self.malformed_key:
            self.add_error(ValidationError(STALE_SUBMISSION_KEY_MESSAGE, code=STALE_SUBMISSION_KEY))

    @property
    def error_count(self):
        return sum(len(form.errors) for form in self)

    def details_data(self):
        return self.details.details_data()

    def add_error(self, error):
        """Show an action's refusal on the field it names, in whichever form has that field."""
        if not hasattr(error, "error_dict"):
            self.details.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            form = next((form for form in self if field in form.fields), self.details)
            form.add_error(field if field in form.fields else None, errors)

    def reply_text(self) -> str:
        return self.reply.cleaned_data["reply"] if self.reply is not None else ""

    def contact_data(self):
        return {name: value for name, value in self.contact.cleaned_data.items() if name != "submission_key"}

    def with_new_submission_key(self):
        """The same forms, with what was typed, under a fresh submission key (a new request)."""
        data = self.contact.data.copy()
        data[self.contact.add_prefix("submission_key")] = str(uuid.uuid4())
        forms = RequestForms(
            self.service, user=self.user, data=data, files=self.files, correction_round=self.correction_round
        )
        forms.is_valid()
        return forms


class CorrectionReplyForm(forms.Form):
    """The applicant's message to the officer with the corrections they send back."""

    reply = forms.CharField(
        label=_("Message to the officer"),
        required=False,
        max_length=2000,
        help_text=_("Optional: tell the officer what you corrected, or anything they should know."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


MARK_PREFIX = "mark__"
NOTE_PREFIX = "note__"


class SelectWithDisabledChoices(forms.Select):
    """A select whose choices in `disabled_choices` are shown but cannot be picked."""

    disabled_choices = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.disabled_choices:
            option["attrs"]["disabled"] = True
        return option


class OfficerActionForm(forms.Form):
    """ส่วนเจ้าหน้าที่: the next status (`moves`, those the page shows), a message, a reply file, and
    the tick that confirms a move closing the request for good (workflow.confirmation_required)."""

    to_status = forms.ChoiceField(label=_("Status"), widget=SelectWithDisabledChoices)
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        help_text=_("Required when you return the request for correction."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reply_file = forms.FileField(
        label=_("Reply file for the applicant"),
        required=False,
        help_text=_("png, jpg or pdf, at most 5 MB"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    # Labelled in __init__ with the statuses it confirms; removed when no move offered needs it.
    confirm_final = forms.BooleanField(required=False)

    def __init__(self, *args, service_request, moves, correctable=(), **kwargs):
        """`moves`: (status, why it is held back or "") of each move the page shows
        (RequestPermissionTester.process_moves); one held back is a disabled choice, its reason
        under the field and as the error if it is sent all the same (a stale page).
        `correctable`: the parts the officer may mark when returning (corrections.Part)."""
        super().__init__(*args, **kwargs)
        self.held_back = {status.value: reason for status, reason in moves if reason}
        field = self.fields["to_status"]
        field.choices = [(status.value, status.label) for status, _reason in moves]
        field.widget.disabled_choices = set(self.held_back)
        field.help_text = " ".join(self.held_back.values())
        offered = [status for status, reason in moves if not reason]
        field.initial = service_request.status if service_request.status in offered else None
        self.to_confirm = {
            status.value: status.label for status in offered if confirmation_required(status, Role.OFFICER)
        }
        if self.to_confirm:
            self.fields["confirm_final"].label = _(
                "Confirm the change of status to “%(status)s”: the applicant will be notified, "
                "and the status cannot be changed again."
            ) % {"status": get_text_list(list(self.to_confirm.values()), _("or"))}
        else:
            del self.fields["confirm_final"]
        self.correctable = list(correctable)
        for part in self.correctable:
            self.fields[MARK_PREFIX + part.key] = forms.BooleanField(label=part.label, required=False)
            self.fields[NOTE_PREFIX + part.key] = forms.CharField(
                label=_("Note on “%(field)s”") % {"field": part.label},
                required=False,
                max_length=300,
            )

    def mark_rows(self):
        """(part, its tick box, its note box) for the template."""
        return [
            (part, self[MARK_PREFIX + part.key], self[NOTE_PREFIX + part.key]) for part in self.correctable
        ]

    def marked(self) -> list[tuple[str, str]]:
        """(key, note) of every part ticked, or given a note (a note means the part needs fixing)."""
        return [
            (part.key, self.cleaned_data.get(NOTE_PREFIX + part.key, ""))
            for part in self.correctable
            if self.cleaned_data.get(MARK_PREFIX + part.key) or self.cleaned_data.get(NOTE_PREFIX + part.key)
        ]

    def clean_to_status(self):
        to_status = self.cleaned_data["to_status"]
        if to_status in self.held_back:
            raise forms.ValidationError(self.held_back[to_status], code="held_back")
        return to_status

    def clean_reply_file(self):
        reply_file = self.cleaned_data.get("reply_file")
        if reply_file:
            check_upload(reply_file)
        return reply_file

    def clean(self):
        cleaned_data = super().clean()
        to_status = cleaned_data.get("to_status")
        if to_status in self.to_confirm and not cleaned_data.get("confirm_final"):
            self.add_error(
                "confirm_final",
                forms.ValidationError(
                    _("Tick the box to confirm the change of status to “%(status)s”."),
                    code="not_confirmed",
                    params={"status": self.to_confirm[to_status]},
                ),
            )
        return cleaned_data

    def confirm_rules(self) -> str:
        """When the page shows the confirmation box: the statuses that need it (Wagtail's w-rules
        controller hides it for the others; without JavaScript it always shows)."""
        return json.dumps({"to_status": list(self.to_confirm)})

    @property
    def reply_file_not_kept(self) -> bool:
        """Whether a reply file came with a form sent back with errors: it was not saved, and
        browsers never refill file boxes, so the officer must choose it again (unless the file
        itself was refused: its own error says why)."""
        return bool(
            self.is_bound
            and self.files.get(self.add_prefix("reply_file"))
            and self.errors
            and "reply_file" not in self.errors
        )


class InternalNoteForm(forms.Form):
    """บันทึกภายใน: a note for the other officers of the service, never for the applicant."""

    prefix = "internal_note"

    text = forms.CharField(
        label=_("New internal note"),
        max_length=INTERNAL_NOTE_MAX_LENGTH,
        help_text=_("Only officers of this service see it."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssigneeForm(forms.Form):
    """Who is answerable for the request: one of `officers` (the service's), or empty: nobody.
    The take and release buttons post it with their own value; supervisors choose."""

    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = officers
        self.fields["assignee"].label_from_instance = (
            lambda officer: officer.get_full_name() or officer.citizen_id
        )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 3}))


class UnechoedTextInput(forms.TextInput):
    """A text box the page never fills in again, like a password box but readable while typing."""

    def format_value(self, value):
        return None


class StatusCheckForm(forms.Form):
    """The reference code with the applicant's citizen ID or phone number (the manual's choice).
    cleaned_data: reference, citizen_id, phone (one of the two is None)."""

    reference = forms.CharField(label=_("Reference code"), max_length=24)
    citizen_id_or_phone = forms.CharField(
        label=_("Applicant's citizen ID or phone number"),
        max_length=20,
        # The answer page shows no personal data, so not the ID or phone typed either.
        widget=UnechoedTextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean(self):
        # Read, not validated: a mistyped ID or phone gets the same answer as a wrong pair.
        cleaned_data = super().clean()
        typed = cleaned_data.pop("citizen_id_or_phone", None)
        if typed is None:
            return cleaned_data
        citizen_id = normalize_citizen_id(typed)
        if len(citizen_id) == CITIZEN_ID_DIGITS:
            return {**cleaned_data, "citizen_id": citizen_id, "phone": None}
        try:
            phone = normalize_phone(typed)
        except forms.ValidationError:
            phone = typed  # matches nobody, like a wrong ID
        return {**cleaned_data, "citizen_id": None, "phone": phone}
