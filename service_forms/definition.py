"""A configured service's form as plain, frozen data, and its JSON file format.

The StreamField value of a service page (blocks.FormDefinitionBlock) becomes a FormDefinition
here; forms, the frozen versions (models.FormVersion) and the export/import file all read this
representation, never the blocks.

The file format (README: "Configured services: the form definition file"):

    {"format": "oss-service-form", "version": 1,
     "service": {"code": "13", "title": ..., "short_name": ..., "officer_group": <group name>,
                 "processing_days": 5, "retention_years": 5, "form_note": ...,
                 "title_en": ..., "short_name_en": ..., "form_note_en": ...},
     "fields": [{"type": "short_text", "name": "purpose", "label_th": ..., "label_en": ...,
                 "help_text": ..., "help_text_en": ..., "required": true, "max_length": 255}, ...]}

Decimal limits are written as strings ("100.00") so no precision is lost. A field required only
when another field has an answer carries "required_when_field" and "required_when_answer" (written
only when set, so definitions without a condition read and compare as before). So are the
service's English title, short name and form note (English pages show them; the Thai ones when
they are empty): a file or frozen version without them reads as before, with none.
"""

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .blocks import NAME_PATTERN

FORMAT_NAME = "oss-service-form"
FORMAT_VERSION = 1

# Field types that take an answer (every block but the section heading and the attachment slot).
INPUT_TYPES = (
    "short_text",
    "long_text",
    "number",
    "amount",
    "date",
    "time",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "email",
    "phone",
    "citizen_id",
    "address",
)
SECTION = "section"
ATTACHMENT = "attachment"
FIELD_TYPES = (*INPUT_TYPES, SECTION, ATTACHMENT)
# As many files as the built-in service with the most: the proxy's body limit is set for that
# many (service_requests.upload_limits); one PDF may hold several documents.
MAX_ATTACHMENT_SLOTS = 3
CHOICE_TYPES = ("single_choice", "multiple_choice")
# The fields a "required when" condition may name: those whose answers are a fixed list.
CONDITION_TYPES = (*CHOICE_TYPES, "yes_no")
# A yes/no field's answers as a condition names them: its Thai labels, as the form shows them.
YES_ANSWER, NO_ANSWER = "ใช่", "ไม่ใช่"
DECIMAL_TYPES = ("number", "amount")
SERVICE_CODE_PATTERN = r"^\d{2}$"


class DefinitionError(ValueError):
    """A definition file that cannot be read; `messages` says why, in the active language."""

    def __init__(self, messages):
        self.messages = [str(message) for message in messages]
        super().__init__("; ".join(self.messages))


def _in_language(thai, english):
    return english if english and (get_language() or "").startswith("en") else thai


@dataclass(frozen=True)
class Choice:
    label_th: str
    label_en: str = ""

    @property
    def value(self) -> str:
        """What an answer stores: the Thai label."""
        return self.label_th

    @property
    def label(self) -> str:
        return _in_language(self.label_th, self.label_en)


@dataclass(frozen=True)
class FieldDefinition:
    """One block of the form: an input, a section heading (label = heading) or an attachment slot."""

    type: str
    name: str = ""
    label_th: str = ""
    label_en: str = ""
    help_text: str = ""
    help_text_en: str = ""
    required: bool = False
    max_length: int | None = None
    decimal_places: int | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    display: str = ""
    choices: tuple[Choice, ...] = ()
    # Required only when the field named here has this answer (a choice's Thai label, or
    # YES_ANSWER/NO_ANSWER); both empty: no condition.
    required_when_field: str = ""
    required_when_answer: str = ""

    @property
    def label(self) -> str:
        return _in_language(self.label_th, self.label_en)

    @property
    def has_condition(self) -> bool:
        return bool(self.required_when_field or self.required_when_answer)

    def answer_label(self, answer: str) -> str:
        """How this (condition) field's answer reads in the active language: its choice's label."""
        if self.type == "yes_no":
            return {YES_ANSWER: str(_("Yes")), NO_ANSWER: str(_("No"))}.get(answer, answer)
        for choice in self.choices:
            if choice.value == answer:
                return choice.label
        return answer

    def has_answer(self, answer: str, value) -> bool:
        """Whether a cleaned value of this field is (or, for several choices, includes) `answer`."""
        if self.type == "yes_no":
            return value is not None and value == (answer == YES_ANSWER)
        if self.type == "multiple_choice":
            return answer in (value or ())
        return value == answer

    @property
    def help(self) -> str:
        return _in_language(self.help_text, self.help_text_en)

    @property
    def is_input(self) -> bool:
        return self.type in INPUT_TYPES


@dataclass(frozen=True)
class ServiceSettings:
    """A configured service's settings. Its texts are Thai, each with an English counterpart
    (`..._en`) that English pages show when it is filled in."""

    code: str = ""
    title: str = ""
    short_name: str = ""
    officer_group: str = ""  # the group's name: names travel between offices, ids do not
    processing_days: int | None = None
    retention_years: int | None = None
    form_note: str = ""
    title_en: str = ""
    short_name_en: str = ""
    form_note_en: str = ""

    @property
    def name(self) -> str:
        """Its name in lists, in the reader's language: the short name, else the title."""
        return _in_language(self.short_name or self.title, self.short_name_en or self.title_en)

    @property
    def form_title(self) -> str:
        """The heading of its form, in the reader's language: the title, else the short name."""
        return _in_language(self.title or self.short_name, self.title_en or self.short_name_en)

    @property
    def note(self) -> str:
        """The note above its form, in the reader's language."""
        return _in_language(self.form_note, self.form_note_en)


# The settings a definition file and a frozen version hold only when they are filled in.
OPTIONAL_SERVICE_TEXTS = ("title_en", "short_name_en", "form_note_en")


@dataclass(frozen=True)
class FormDefinition:
    service: ServiceSettings = field(default_factory=ServiceSettings)
    fields: tuple[FieldDefinition, ...] = ()

    @property
    def inputs(self) -> tuple[FieldDefinition, ...]:
        return tuple(item for item in self.fields if item.is_input)

    @property
    def attachment_slots(self) -> tuple[FieldDefinition, ...]:
        return tuple(item for item in self.fields if item.type == ATTACHMENT)

    def condition_field(self, item: FieldDefinition) -> FieldDefinition | None:
        """The input whose answer makes `item` required (None: no condition, or none so named)."""
        if not item.required_when_field:
            return None
        return next((other for other in self.inputs if other.name == item.required_when_field), None)

    def unanswered_conditions(self, answers: dict) -> list[tuple[FieldDefinition, FieldDefinition]]:
        """(field, condition field) of each field left empty although the answer its condition
        names was given. `answers`: cleaned values by name; a field missing from them (its own
        answer was refused) is not judged."""
        unanswered = []
        for item in self.inputs:
            other = self.condition_field(item)
            if other is None or item.name not in answers or other.name not in answers:
                continue
            value = answers[item.name]
            empty = value is None or value == "" or value == []
            if empty and other.has_answer(item.required_when_answer, answers[other.name]):
                unanswered.append((item, other))
        return unanswered

    def to_json(self) -> dict:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "service": _service_to_json(self.service),
            "fields": [_field_to_json(item) for item in self.fields],
        }


# From the StreamField ----------------------------------------------------------------------------


def _decimal(value):
    return None if value is None or value == "" else Decimal(str(value))


def fields_from_stream(stream) -> tuple[FieldDefinition, ...]:
    """The definition of a page's form_definition StreamField value (or its raw list of dicts)."""
    result = []
    for child in stream:
        if isinstance(child, dict):
            block_type, value = child["type"], child["value"]
        else:
            block_type, value = child.block_type, child.value
        result.append(_field_from_mapping(block_type, dict(value)))
    return tuple(result)


def _choice_mapping(choice) -> dict:
    """A ListBlock child: a StructValue, or raw data ({"type": "item", "value": {...}} or the value)."""
    choice = dict(choice)
    if "label_th" not in choice and isinstance(choice.get("value"), dict):
        return choice["value"]
    return choice


def _field_from_mapping(block_type, value) -> FieldDefinition:
    if block_type == SECTION:
        return FieldDefinition(
            type=SECTION,
            label_th=value.get("heading_th") or "",
            label_en=value.get("heading_en") or "",
            help_text=value.get("help_text") or "",
            help_text_en=value.get("help_text_en") or "",
        )
    choices = tuple(
        Choice(label_th=(choice.get("label_th") or "").strip(), label_en=choice.get("label_en") or "")
        for choice in map(_choice_mapping, value.get("choices") or ())
    )
    decimal_places = value.get("decimal_places")
    if block_type == "amount":
        decimal_places = 2
    return FieldDefinition(
        type=block_type,
        name=(value.get("name") or "").strip(),
        label_th=value.get("label_th") or "",
        label_en=value.get("label_en") or "",
        help_text=value.get("help_text") or "",
        help_text_en=value.get("help_text_en") or "",
        required=bool(value.get("required")),
        max_length=value.get("max_length"),
        decimal_places=decimal_places if block_type in DECIMAL_TYPES else None,
        min_value=_decimal(value.get("min_value")),
        max_value=_decimal(value.get("max_value")),
        display=value.get("display") or ("radio" if block_type == "single_choice" else ""),
        choices=choices,
        required_when_field=(value.get("required_when_field") or "").strip(),
        required_when_answer=(value.get("required_when_answer") or "").strip(),
    )


def stream_data(fields_: tuple[FieldDefinition, ...]) -> list[dict]:
    """The raw StreamField data for a definition's fields (to set form_definition on import)."""
    data = []
    for item in fields_:
        if item.type == SECTION:
            value = {
                "heading_th": item.label_th,
                "heading_en": item.label_en,
                "help_text": item.help_text,
                "help_text_en": item.help_text_en,
            }
        else:
            value = {
                "name": item.name,
                "label_th": item.label_th,
                "label_en": item.label_en,
                "help_text": item.help_text,
                "help_text_en": item.help_text_en,
                "required": item.required,
            }
            if item.type != ATTACHMENT:
                value["required_when_field"] = item.required_when_field
                value["required_when_answer"] = item.required_when_answer
            if item.max_length is not None:
                value["max_length"] = item.max_length
            if item.type == "number":
                value["decimal_places"] = item.decimal_places or 0
            if item.type in DECIMAL_TYPES:
                value["min_value"] = None if item.min_value is None else str(item.min_value)
                value["max_value"] = None if item.max_value is None else str(item.max_value)
            if item.type == "single_choice":
                value["display"] = item.display or "radio"
            if item.type in CHOICE_TYPES:
                value["choices"] = [
                    {"label_th": choice.label_th, "label_en": choice.label_en} for choice in item.choices
                ]
        data.append({"type": item.type, "value": value})
    return data


# JSON --------------------------------------------------------------------------------------------


def _service_to_json(settings: ServiceSettings) -> dict:
    data = asdict(settings)
    for name in OPTIONAL_SERVICE_TEXTS:
        if not data[name]:
            del data[name]
    return data


def _field_to_json(item: FieldDefinition) -> dict:
    data = {"type": item.type}
    for name in ("name", "label_th", "label_en", "help_text", "help_text_en"):
        data[name] = getattr(item, name)
    if item.type != SECTION:
        data["required"] = item.required
    if item.has_condition:
        data["required_when_field"] = item.required_when_field
        data["required_when_answer"] = item.required_when_answer
    if item.max_length is not None:
        data["max_length"] = item.max_length
    if item.type in DECIMAL_TYPES:
        data["decimal_places"] = item.decimal_places
        data["min_value"] = None if item.min_value is None else str(item.min_value)
        data["max_value"] = None if item.max_value is None else str(item.max_value)
    if item.type == "single_choice":
        data["display"] = item.display
    if item.type in CHOICE_TYPES:
        data["choices"] = [
            {"label_th": choice.label_th, "label_en": choice.label_en} for choice in item.choices
        ]
    return data


def _text(data, key, where):
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DefinitionError([_("%(where)s: “%(key)s” must be text.") % {"where": where, "key": key}])
    return value


def _whole_number(data, key, where):
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DefinitionError(
            [_("%(where)s: “%(key)s” must be a whole number of 0 or more.") % {"where": where, "key": key}]
        )
    return value


def _field_from_json(data, position) -> FieldDefinition:
    where = _("field %(number)d") % {"number": position}
    if not isinstance(data, dict):
        raise DefinitionError([_("%(where)s is not an object.") % {"where": where}])
    block_type = data.get("type")
    if block_type not in FIELD_TYPES:
        raise DefinitionError(
            [_("%(where)s: unknown field type “%(type)s”.") % {"where": where, "type": block_type}]
        )
    limits = {}
    for key in ("min_value", "max_value"):
        raw = data.get(key)
        try:
            limits[key] = None if raw in (None, "") else Decimal(str(raw))
        except InvalidOperation as error:
            raise DefinitionError(
                [_("%(where)s: “%(key)s” must be a number.") % {"where": where, "key": key}]
            ) from error
    raw_choices = data.get("choices") or []
    if not isinstance(raw_choices, list):
        raise DefinitionError([_("%(where)s: “choices” must be a list.") % {"where": where}])
    choices = tuple(
        Choice(label_th=_text(choice, "label_th", where).strip(), label_en=_text(choice, "label_en", where))
        for choice in raw_choices
        if isinstance(choice, dict)
    )
    decimal_places = _whole_number(data, "decimal_places", where)
    if block_type == "amount":
        decimal_places = 2
    elif block_type == "number":
        decimal_places = decimal_places or 0
    return FieldDefinition(
        type=block_type,
        name=_text(data, "name", where).strip(),
        label_th=_text(data, "label_th", where),
        label_en=_text(data, "label_en", where),
        help_text=_text(data, "help_text", where),
        help_text_en=_text(data, "help_text_en", where),
        required=bool(data.get("required", False)) and block_type != SECTION,
        max_length=_whole_number(data, "max_length", where),
        decimal_places=decimal_places if block_type in DECIMAL_TYPES else None,
        display=(_text(data, "display", where) or "radio") if block_type == "single_choice" else "",
        choices=choices,
        required_when_field=_text(data, "required_when_field", where).strip(),
        required_when_answer=_text(data, "required_when_answer", where).strip(),
        **limits,
    )


def definition_from_json(data) -> FormDefinition:
    """Read a definition file's parsed JSON; DefinitionError (Thai messages) when it is not one of
    ours or not a version this portal reads. Does not judge the form itself: validate_definition."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise DefinitionError([_("This file is not a service form definition of the portal.")])
    if data.get("version") != FORMAT_VERSION:
        raise DefinitionError(
            [
                _(
                    "This portal reads version %(supported)d of the definition file; this file is version %(version)s."
                )
                % {"supported": FORMAT_VERSION, "version": data.get("version")}
            ]
        )
    service = data.get("service") or {}
    if not isinstance(service, dict):
        raise DefinitionError([_("The file's “service” part is not an object.")])
    where = _("service")
    settings = ServiceSettings(
        code=_text(service, "code", where).strip(),
        title=_text(service, "title", where),
        short_name=_text(service, "short_name", where),
        officer_group=_text(service, "officer_group", where),
        processing_days=_whole_number(service, "processing_days", where),
        retention_years=_whole_number(service, "retention_years", where),
        form_note=_text(service, "form_note", where),
        **{name: _text(service, name, where) for name in OPTIONAL_SERVICE_TEXTS},
    )
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list):
        raise DefinitionError([_("The file's “fields” part is not a list.")])
    return FormDefinition(
        service=settings,
        fields=tuple(_field_from_json(item, number) for number, item in enumerate(raw_fields, start=1)),
    )


# Checks ------------------------------------------------------------------------------------------


def validate_definition(fields_: tuple[FieldDefinition, ...]) -> list[str]:
    """What is wrong with a form (empty list: nothing), one Thai sentence each: names missing,
    invalid or used twice, a choice field without choices or with a choice twice, a minimum above
    its maximum, a label missing, a "required when" condition that cannot be met."""
    errors = []
    seen = set()
    for number, item in enumerate(fields_, start=1):
        title = item.label_th or item.name or str(number)
        if item.type not in FIELD_TYPES:
            errors.append(_("Field %(number)d has an unknown type.") % {"number": number})
            continue
        if item.type != SECTION:
            if not item.name:
                errors.append(_("Field “%(label)s” has no name.") % {"label": title})
            elif not re.match(NAME_PATTERN, item.name):
                errors.append(
                    _(
                        "The name “%(name)s” is not valid: use lower-case English letters, digits and _, "
                        "starting with a letter (at most 50 characters)."
                    )
                    % {"name": item.name}
                )
            elif item.name in seen:
                errors.append(
                    _("Two fields have the name “%(name)s”: each field needs its own name.")
                    % {"name": item.name}
                )
            seen.add(item.name)
        if not item.label_th.strip():
            errors.append(_("Field %(number)d has no Thai label.") % {"number": number})
        if item.type in CHOICE_TYPES:
            values = [choice.value for choice in item.choices if choice.value]
            if not values:
                errors.append(_("The choice field “%(label)s” has no choices.") % {"label": title})
            elif len(set(values)) != len(values):
                errors.append(_("The choice field “%(label)s” has the same choice twice.") % {"label": title})
        if item.min_value is not None and item.max_value is not None and item.min_value > item.max_value:
            errors.append(
                _("In “%(label)s” the minimum (%(min)s) is greater than the maximum (%(max)s).")
                % {"label": title, "min": item.min_value, "max": item.max_value}
            )
        if item.max_length is not None and item.max_length < 1:
            errors.append(_("In “%(label)s” the maximum length must be at least 1.") % {"label": title})
        if item.has_condition:
            errors.extend(_condition_errors(item, title, fields_))
    if sum(item.type == ATTACHMENT for item in fields_) > MAX_ATTACHMENT_SLOTS:
        errors.append(
            _("A form has at most %(count)d attachment slots: one PDF may hold several documents.")
            % {"count": MAX_ATTACHMENT_SLOTS}
        )
    return errors


def _condition_errors(item: FieldDefinition, title: str, fields_) -> list[str]:
    """What is wrong with one field's "required when" condition (Thai sentences)."""
    name, answer = item.required_when_field, item.required_when_answer
    if not item.is_input:
        return [_("“%(label)s” cannot be required only when another field has an answer.") % {"label": title}]
    if not name or not answer:
        return [
            _(
                "“%(label)s” is required only when another field has an answer: give both that field's "
                "name and the answer, or neither."
            )
            % {"label": title}
        ]
    if item.required:
        return [
            _(
                "“%(label)s” is always required, so its condition does nothing: untick “Required”, or "
                "clear the condition."
            )
            % {"label": title}
        ]
    if name == item.name:
        return [_("“%(label)s” cannot be required when it has an answer itself.") % {"label": title}]
    other = next((field_ for field_ in fields_ if field_.is_input and field_.name == name), None)
    if other is None:
        return [
            _(
                "“%(label)s” is required when the field “%(name)s” has an answer, but the form has no such field."
            )
            % {"label": title, "name": name}
        ]
    if other.type not in CONDITION_TYPES:
        return [
            _(
                "“%(label)s” is required when “%(other)s” has an answer, but only a choice or yes/no "
                "field can be named there."
            )
            % {"label": title, "other": other.label_th or name}
        ]
    answers = (
        [YES_ANSWER, NO_ANSWER] if other.type == "yes_no" else [choice.value for choice in other.choices]
    )
    if answer not in answers:
        return [
            _(
                "“%(label)s” is required when “%(other)s” is “%(answer)s”, but that is not one of its "
                "answers (%(answers)s)."
            )
            % {
                "label": title,
                "other": other.label_th or name,
                "answer": answer,
                "answers": ", ".join(answers),
            }
        ]
    return []


def is_service_code(code: str) -> bool:
    return bool(re.match(SERVICE_CODE_PATTERN, code or ""))


__all__ = [
    "ATTACHMENT",
    "CONDITION_TYPES",
    "NO_ANSWER",
    "YES_ANSWER",
    "MAX_ATTACHMENT_SLOTS",
    "FIELD_TYPES",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "INPUT_TYPES",
    "SECTION",
    "Choice",
    "DefinitionError",
    "FieldDefinition",
    "FormDefinition",
    "ServiceSettings",
    "definition_from_json",
    "fields_from_stream",
    "is_service_code",
    "stream_data",
    "validate_definition",
]
