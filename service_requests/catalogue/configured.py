"""Services an office builds itself in Wagtail (service_forms): the catalogue's entries for them.

A published service page's form is frozen as a service_forms.FormVersion; here each service's
newest version becomes an EService like the built-in six, whose details are one ConfiguredDetails
row per request: its answers as JSON, validated against, and read with, the version the applicant
saw. Changing the form later never changes how an old request shows, prints, exports or corrects.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.functional import cached_property, lazy
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from service_forms.definition import SECTION, FieldDefinition
from service_forms.forms import NO, YES, add_condition_errors, form_class_for
from service_forms.models import FormVersion
from service_forms.queries import latest_versions, versions_of_service

from ..details import DetailsForm, RequestDetails, display_value
from .base import AttachmentSlot, EService, ReadOncePerRequest

# A configured service's tile icon: a form with lines.
ICON = '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M9 8h6M9 12h6M9 16h4"/>'


# Answers as stored (JSON) and as Python values.


def encoded(item: FieldDefinition, value):
    """A cleaned form value as JSON keeps it: dates and times as ISO text, amounts as text."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat(timespec="minutes") if isinstance(value, datetime.time) else value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def decoded(item: FieldDefinition, value):
    """A stored answer as the form and the displays read it."""
    if value is None or value == "":
        return None
    kind = item.type
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "time":
        return datetime.time.fromisoformat(value)
    if kind == "amount" or (kind == "number" and item.decimal_places):
        return Decimal(str(value))
    return value


def _choice_label(item: FieldDefinition, value) -> str:
    labels = {choice.value: choice.label for choice in item.choices}
    return str(labels.get(value, value))


def shown(item: FieldDefinition, value) -> str:
    """An answer as people read it: Buddhist Era dates, amounts with two decimals, the choice's label."""
    value = decoded(item, value)
    if value is None or value == []:
        return "-"
    if item.type == "multiple_choice":
        return ", ".join(_choice_label(item, choice) for choice in value)
    if item.type == "single_choice":
        return _choice_label(item, value)
    if item.type == "time":
        return value.strftime("%H:%M")
    if item.type == "number" and not item.decimal_places:
        return f"{value:,}" if isinstance(value, int) else str(value)
    return display_value(value)


def exported(item: FieldDefinition, value):
    """An answer as a spreadsheet cell: dates and amounts typed, everything else as text."""
    value = decoded(item, value)
    if value is None:
        return ""
    if item.type in ("date", "amount", "number"):
        return value
    if item.type == "yes_no":
        return _("Yes") if value else _("No")
    if item.type == "time":
        return value.strftime("%H:%M")
    if item.type in ("single_choice", "multiple_choice"):
        return shown(item, value)
    return str(value)


class ConfiguredDetails(RequestDetails):
    """The answers to a configured service's form, for one request, with the version they answer."""

    form_version = models.ForeignKey(
        FormVersion, verbose_name=gettext_lazy("form version"), on_delete=models.PROTECT, related_name="+"
    )
    answers = models.JSONField(gettext_lazy("answers"), default=dict, encoder=DjangoJSONEncoder)

    internal_fields = ("form_version", "answers")
    personal_fields = ("answers",)  # what people typed: all of it may be personal

    class Meta:
        verbose_name = gettext_lazy("answers to an office's own form")
        verbose_name_plural = gettext_lazy("answers to offices' own forms")

    @cached_property
    def definition(self):
        return self.form_version.form_definition

    def rows(self):
        return [
            (capfirst(item.label), shown(item, self.answers.get(item.name)))
            for item in self.definition.inputs
        ]

    def own_answers(self):
        return dict(self.answers or {})

    @classmethod
    def erased_value(cls, field):
        return {} if field.name == "answers" else super().erased_value(field)

    @classmethod
    def export_fields(cls):
        return []  # its columns are its service's (ConfiguredService.export_columns)


class ConfiguredDetailsForm(DetailsForm):
    """A configured service's form: the fields of its newest version for a new request, those of
    the request's own version when it is edited or corrected."""

    version: FormVersion | None = None  # set per service by configured_service()
    fields_template = "service_requests/forms/configured.html"

    class Meta:
        model = ConfiguredDetails
        fields = []

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        if instance is not None and instance.form_version_id:
            self.form_version = instance.form_version
        else:
            self.form_version = self.version
        self.definition = self.form_version.form_definition
        for name, field in form_class_for(self.definition).base_fields.items():
            self.fields[name] = field
        if instance is not None and instance.pk:
            for item in self.definition.inputs:
                value = decoded(item, instance.answers.get(item.name))
                if item.type == "yes_no" and value is not None:
                    value = YES if value else NO
                self.initial.setdefault(item.name, value)

    def clean(self):
        cleaned_data = super().clean()
        add_condition_errors(self, self.definition)
        return cleaned_data

    def layout(self):
        """("section", heading) and ("field", bound field) in the definition's order."""
        for item in self.definition.fields:
            if item.type == SECTION:
                yield ("section", item)
            elif item.is_input:
                yield ("field", self[item.name])

    def details_data(self):
        answers = {
            item.name: encoded(item, self.cleaned_data.get(item.name)) for item in self.definition.inputs
        }
        return {"form_version": self.form_version, "answers": answers}

    @classmethod
    def posted_data(cls, details: dict) -> dict:
        """What a browser posts for details_data() (tests and the demo)."""
        definition = details["form_version"].form_definition
        posted = {}
        for item in definition.inputs:
            value = details["answers"].get(item.name)
            if value is None:
                continue
            if item.type == "yes_no":
                posted[item.name] = YES if value else NO
            else:
                posted[item.name] = value
        return posted


@dataclass(frozen=True)
class ConfiguredService(EService):
    """A service an office built in Wagtail, as of its newest published form version."""

    version: FormVersion | None = None
    # Its page is live: unpublishing it stops new requests, the filed ones go on.
    open_for_requests: bool = True

    @property
    def accepts_requests(self) -> bool:
        return self.open_for_requests

    def asked_fields(self) -> list[FieldDefinition]:
        """Every input any version of the form asked, the newest version's first: old and new
        requests together show each answer under one heading."""
        fields, seen = [], set()
        for version in versions_of_service(self.code):
            for item in version.form_definition.inputs:
                if item.name not in seen:
                    seen.add(item.name)
                    fields.append(item)
        return fields

    def answer_fields(self):
        return [(item.name, item.label) for item in self.asked_fields()]

    def export_columns(self):
        return [(capfirst(item.label), _answer_of(item)) for item in self.asked_fields()]


# Valid answers for tests and the demo (EService.sample_details), each type its own.
SAMPLE_ANSWERS = {
    "short_text": lambda item, variant: f"ตัวอย่าง {variant + 1}",
    "long_text": lambda item, variant: "ข้อความตัวอย่าง",
    "address": lambda item, variant: "99 ถนนชยางกูร ตำบลบุ่ง อำเภอเมืองอำนาจเจริญ จังหวัดอำนาจเจริญ 37000",
    "date": lambda item, variant: (datetime.date.today() + datetime.timedelta(days=variant + 1)).isoformat(),
    "time": lambda item, variant: "10:00",
    "single_choice": lambda item, variant: item.choices[0].value,
    "multiple_choice": lambda item, variant: [item.choices[0].value],
    "yes_no": lambda item, variant: True,
    "email": lambda item, variant: "applicant@example.com",
    "phone": lambda item, variant: "0812345678",
    "citizen_id": lambda item, variant: "3110100123451",
}


def sample_answer(item: FieldDefinition, variant: int):
    if item.type in ("number", "amount"):
        low = item.min_value if item.min_value is not None else Decimal(1)
        if item.type == "number" and not item.decimal_places:
            return int(low)
        return str(low.quantize(Decimal(1).scaleb(-(item.decimal_places or 2))))
    return SAMPLE_ANSWERS[item.type](item, variant)


def _sample_details(version):
    def sample(variant: int) -> dict:
        inputs = version.form_definition.inputs
        return {
            "form_version": version,
            "answers": {item.name: sample_answer(item, variant) for item in inputs},
        }

    return sample


def _answer_of(item):
    return lambda details: exported(item, (details.answers or {}).get(item.name))


def _in_active_language(item, attribute):
    """The item's label or help (or the service's name, form title) in the language of whoever
    reads it (the service is kept a while)."""
    return lazy(lambda: getattr(item, attribute), str)()


def configured_service(version: FormVersion, *, draft: bool = False) -> ConfiguredService:
    """The service as of this version; `draft`: an unsaved version of a page's unpublished form,
    as Wagtail's preview shows it."""
    definition = version.form_definition
    settings = definition.service
    return ConfiguredService(
        code=version.service_code,
        slug=version.page.slug if version.page else "",
        name=_in_active_language(settings, "name"),
        form_title=_in_active_language(settings, "form_title"),
        officer_group=settings.officer_group,
        details_form=type("ConfiguredDetailsForm", (ConfiguredDetailsForm,), {"version": version}),
        attachment_slots=tuple(
            AttachmentSlot(
                slot.name,
                _in_active_language(slot, "label"),
                slot.required,
                _in_active_language(slot, "help"),
            )
            for slot in definition.attachment_slots
        ),
        icon=ICON,
        sample_details=_sample_details(version),
        version=version,
        open_for_requests=draft or (version.page is not None and version.page.live),
        processing_days=settings.processing_days,
    )


# The services, read once per request (every list row asks its request's service: one query for
# all); catalogue.base.ReadOncePerRequest says when.


def _configured_services_now() -> dict[str, ConfiguredService]:
    return {version.service_code: configured_service(version) for version in latest_versions()}


_CONFIGURED = ReadOncePerRequest(_configured_services_now, before_migrations=dict)
# {code: service} of every configured service that has a published version.
configured_services = _CONFIGURED.get
forget_configured_services = _CONFIGURED.forget
