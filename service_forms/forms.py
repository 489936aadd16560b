"""The Django form of a configured service, built from its definition (service_forms.definition).

Each field type gets its Django field, with the portal's checks and messages (Thai in the Thai
site); the labels and help are in the active language (Thai, English when the visitor reads in
English). Attachment slots are not fields here (FormDefinition.attachment_slots lists them).
"""

from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from accounts.validators import normalize_phone, validate_citizen_id
from base.date_fields import IsoDateField, IsoTimeField

from .definition import FieldDefinition, FormDefinition

YES, NO = "yes", "no"

# Django's own wording of these is missing from its Thai catalogue (or is terse): ours, in Thai.
MESSAGES = {
    "max_length": _("Please keep this to at most %(limit_value)d characters (it has %(show_value)d)."),
    "min_value": _("Please enter %(limit_value)s or more."),
    "max_value": _("Please enter %(limit_value)s or less."),
    "max_decimal_places": _("Please use at most %(max)s decimal places."),
    "max_digits": _("This number is too long."),
    "max_whole_digits": _("This number is too large."),
    "invalid_choice": _("Please choose one of the choices offered."),
    "invalid_list": _("Please choose one of the choices offered."),
}
INVALID = {
    "number": _("Please enter a number, e.g. 3 or 2.5."),
    "integer": _("Please enter a whole number, e.g. 3."),
    "amount": _("Please enter an amount in baht, e.g. 150 or 99.50."),
    "date": _("Please enter a valid date."),
    "time": _("Please enter a valid time, e.g. 13:30."),
    "email": _("Please enter a valid e-mail address, e.g. name@example.com."),
}
REQUIRED_WHEN = _("(required when “%(answer)s” is chosen in “%(field)s”)")
REQUIRED_WHEN_MISSING = _(
    "Please fill in “%(label)s”: it is required when “%(answer)s” is chosen in “%(field)s”."
)
# An unanswered choice (radio buttons, a list, yes or no) is chosen, not filled in.
CHOOSE_REQUIRED = {"required": _("Please choose an answer.")}
DATE_HINT = _("Pick the date in the calendar; a typed year is in the Christian Era (B.E. minus 543).")


class ThaiPhoneField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return normalize_phone(value) if value else value


class CitizenIdField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 17)  # 13 digits and the dashes people type
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        return validate_citizen_id(value) if value else value


def _help(item: FieldDefinition, *extra) -> str:
    return " ".join(str(part) for part in (item.help, *extra) if part)


def _condition(item: FieldDefinition, other: FieldDefinition) -> dict:
    return {
        "label": item.label,
        "answer": other.answer_label(item.required_when_answer),
        "field": other.label,
    }


def _decimal_limits(item: FieldDefinition, kwargs: dict):
    if item.min_value is not None:
        kwargs["min_value"] = item.min_value
    if item.max_value is not None:
        kwargs["max_value"] = item.max_value


def django_field(item: FieldDefinition, condition_field: FieldDefinition | None = None) -> forms.Field:
    """The Django form field of one input of the definition; `condition_field`: the field whose
    answer makes it required (its help says so; ConfiguredServiceForm.clean checks it)."""
    kind = item.type
    invalid = INVALID.get("integer" if kind == "number" and not item.decimal_places else kind)
    # Escaped: the template shows help text as HTML (editors' own help may carry some).
    required_when = (
        REQUIRED_WHEN % {key: escape(value) for key, value in _condition(item, condition_field).items()}
        if condition_field
        else ""
    )
    kwargs = {
        "label": item.label,
        "required": item.required,
        "help_text": _help(item, required_when),
        "error_messages": MESSAGES | ({"invalid": invalid} if invalid else {}),
    }
    if kind == "short_text":
        return forms.CharField(max_length=item.max_length or 255, **kwargs)
    if kind in ("long_text", "address"):
        return forms.CharField(
            max_length=item.max_length or (500 if kind == "address" else 2000),
            widget=forms.Textarea(attrs={"rows": 4 if kind == "address" else 5}),
            **kwargs,
        )
    if kind == "number":
        _decimal_limits(item, kwargs)
        if not item.decimal_places:
            for key in ("min_value", "max_value"):
                if key in kwargs:
                    kwargs[key] = int(kwargs[key])
            return forms.IntegerField(**kwargs)
        return forms.DecimalField(max_digits=18, decimal_places=item.decimal_places, **kwargs)
    if kind == "amount":
        _decimal_limits(item, kwargs)
        field = forms.DecimalField(max_digits=14, decimal_places=2, **kwargs)
        field.widget.attrs.update({"step": "0.01", "inputmode": "decimal"})
        return field
    if kind == "date":
        kwargs["help_text"] = _help(item, required_when, DATE_HINT)
        return IsoDateField(**kwargs)
    if kind == "time":
        return IsoTimeField(**kwargs)
    if kind in ("single_choice", "multiple_choice", "yes_no"):
        kwargs["error_messages"] |= CHOOSE_REQUIRED
    if kind == "single_choice":
        choices = [(choice.value, choice.label) for choice in item.choices]
        if item.display == "select":
            return forms.ChoiceField(choices=[("", _("— choose —")), *choices], **kwargs)
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **kwargs)
    if kind == "multiple_choice":
        return forms.MultipleChoiceField(
            choices=[(choice.value, choice.label) for choice in item.choices],
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )
    if kind == "yes_no":
        return forms.TypedChoiceField(
            choices=[(YES, _("Yes")), (NO, _("No"))],
            coerce=lambda value: value == YES,
            empty_value=None,
            widget=forms.RadioSelect,
            **kwargs,
        )
    if kind == "email":
        field = forms.EmailField(max_length=254, **kwargs)
        field.widget.attrs["autocomplete"] = "email"
        return field
    if kind == "phone":
        return ThaiPhoneField(**kwargs)
    if kind == "citizen_id":
        return CitizenIdField(**kwargs)
    raise ValueError(f"Not an input field type: {kind!r}")


def add_condition_errors(form: forms.BaseForm, definition: FormDefinition):
    """An error on each field left empty although its "required when" answer was chosen (call in
    the form's clean(); the form keeps what was typed, as with any other error)."""
    for item, other in definition.unanswered_conditions(form.cleaned_data):
        form.add_error(item.name, REQUIRED_WHEN_MISSING % _condition(item, other))


class ConfiguredServiceForm(forms.Form):
    """The base of every configured service's form; `definition` is the one it was built from."""

    definition: FormDefinition = FormDefinition()

    def clean(self):
        cleaned_data = super().clean()
        add_condition_errors(self, self.definition)
        return cleaned_data


def form_class_for(definition: FormDefinition) -> type[ConfiguredServiceForm]:
    """A Form class of the definition's inputs (labels in the active language: build it per request).
    Headings and attachment slots are no fields: service_requests lays them out and takes the files."""
    attributes = {
        item.name: django_field(item, definition.condition_field(item)) for item in definition.inputs
    }
    attributes["definition"] = definition
    return type("ConfiguredServiceForm", (ConfiguredServiceForm,), attributes)


__all__ = [
    "CitizenIdField",
    "add_condition_errors",
    "ConfiguredServiceForm",
    "ThaiPhoneField",
    "django_field",
    "form_class_for",
]
