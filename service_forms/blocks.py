"""The blocks editors build a configured service's form with (ServicePage.form_definition).

One StructBlock per field type; FormDefinitionBlock lists them. What a block's value means is
read by service_forms.definition (fields_from_stream), which every later use goes through.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

# A field's machine name: what its answer is stored under, so it must stay stable.
NAME_PATTERN = r"^[a-z][a-z0-9_]{0,49}$"
NAME_MESSAGE = _(
    "A field name starts with a lower-case English letter and has only lower-case English letters, "
    "digits and underscores (_), at most 50 characters, e.g. purpose or copies_2."
)
name_validator = RegexValidator(NAME_PATTERN, NAME_MESSAGE, code="field_name")


def _name_block():
    return blocks.CharBlock(
        label=_("Field name (English, for the system)"),
        max_length=50,
        validators=[name_validator],
        help_text=_("Lower-case English letters, digits and _; do not change it once the form is live."),
    )


class FieldBlock(blocks.StructBlock):
    """What every input field has: machine name, Thai and English labels, help, required."""

    class Meta:
        # A collapsed field's header: its Thai label, then its system name (Wagtail shows the
        # first child's value, the name, otherwise). The field types' Meta inherit it.
        label_format = "{label_th} ({name})"

    name = _name_block()
    label_th = blocks.CharBlock(label=_("Label (Thai)"), max_length=255)
    label_en = blocks.CharBlock(label=_("Label (English)"), max_length=255, required=False)
    help_text = blocks.CharBlock(label=_("Help text (Thai)"), max_length=500, required=False)
    help_text_en = blocks.CharBlock(label=_("Help text (English)"), max_length=500, required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)
    # Both empty: no condition. service_forms.definition.validate_definition checks the pair.
    required_when_field = blocks.CharBlock(
        label=_("Required only when this field…"),
        max_length=50,
        required=False,
        help_text=_(
            "Optional: the name of another field of this form (a choice or yes/no field). Leave "
            "“Required” unticked: this field is then required only when that field has the answer below."
        ),
    )
    required_when_answer = blocks.CharBlock(
        label=_("…has this answer"),
        max_length=255,
        required=False,
        help_text=_(
            "One of that field's choices, in Thai exactly as written there (for yes/no: ใช่ or ไม่ใช่)."
        ),
    )


class ShortTextBlock(FieldBlock):
    max_length = blocks.IntegerBlock(label=_("Maximum length"), min_value=1, max_value=255, default=255)

    class Meta:
        icon = "pilcrow"
        label = _("Short text")


class LongTextBlock(FieldBlock):
    max_length = blocks.IntegerBlock(label=_("Maximum length"), min_value=1, max_value=5000, default=2000)

    class Meta:
        icon = "doc-full"
        label = _("Long text")


class NumberBlock(FieldBlock):
    decimal_places = blocks.IntegerBlock(
        label=_("Decimal places"),
        min_value=0,
        max_value=4,
        default=0,
        help_text=_("0 for whole numbers."),
    )
    min_value = blocks.DecimalBlock(label=_("Minimum"), required=False)
    max_value = blocks.DecimalBlock(label=_("Maximum"), required=False)

    class Meta:
        icon = "order"
        label = _("Number")


class AmountBlock(FieldBlock):
    min_value = blocks.DecimalBlock(label=_("Minimum (baht)"), required=False, decimal_places=2)
    max_value = blocks.DecimalBlock(label=_("Maximum (baht)"), required=False, decimal_places=2)

    class Meta:
        icon = "tag"
        label = _("Amount in baht")


class DateBlock(FieldBlock):
    class Meta:
        icon = "date"
        label = _("Date")


class TimeBlock(FieldBlock):
    class Meta:
        icon = "time"
        label = _("Time")


class ChoiceBlock(blocks.StructBlock):
    label_th = blocks.CharBlock(label=_("Choice (Thai)"), max_length=255)
    label_en = blocks.CharBlock(label=_("Choice (English)"), max_length=255, required=False)


def _choices_block():
    return blocks.ListBlock(ChoiceBlock(), label=_("Choices"), min_num=0)


class SingleChoiceBlock(FieldBlock):
    display = blocks.ChoiceBlock(
        label=_("Shown as"),
        choices=[("radio", _("Radio buttons")), ("select", _("Drop-down list"))],
        default="radio",
    )
    choices = _choices_block()

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(FieldBlock):
    choices = _choices_block()

    class Meta:
        icon = "tasks"
        label = _("Several choices")


class YesNoBlock(FieldBlock):
    class Meta:
        icon = "circle-check"
        label = _("Yes or no")


class EmailBlock(FieldBlock):
    class Meta:
        icon = "mail"
        label = _("E-mail")


class PhoneBlock(FieldBlock):
    class Meta:
        icon = "mobile-alt"
        label = _("Thai phone number")


class CitizenIdBlock(FieldBlock):
    class Meta:
        icon = "user"
        label = _("Thai citizen ID")


class AddressBlock(FieldBlock):
    max_length = blocks.IntegerBlock(label=_("Maximum length"), min_value=1, max_value=1000, default=500)

    class Meta:
        icon = "home"
        label = _("Address")


class SectionHeadingBlock(blocks.StructBlock):
    heading_th = blocks.CharBlock(label=_("Heading (Thai)"), max_length=255)
    heading_en = blocks.CharBlock(label=_("Heading (English)"), max_length=255, required=False)
    help_text = blocks.TextBlock(label=_("Text under the heading (Thai)"), required=False)
    help_text_en = blocks.TextBlock(label=_("Text under the heading (English)"), required=False)

    class Meta:
        icon = "title"
        label = _("Section heading")


class AttachmentSlotBlock(blocks.StructBlock):
    name = _name_block()
    label_th = blocks.CharBlock(label=_("Document (Thai)"), max_length=255)
    label_en = blocks.CharBlock(label=_("Document (English)"), max_length=255, required=False)
    help_text = blocks.CharBlock(label=_("Help text (Thai)"), max_length=500, required=False)
    help_text_en = blocks.CharBlock(label=_("Help text (English)"), max_length=500, required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Attachment")
        label_format = "{label_th} ({name})"


class FormDefinitionBlock(blocks.StreamBlock):
    """The form of a configured service, field by field, in the order applicants see them."""

    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    number = NumberBlock()
    amount = AmountBlock()
    date = DateBlock()
    time = TimeBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    email = EmailBlock()
    phone = PhoneBlock()
    citizen_id = CitizenIdBlock()
    address = AddressBlock()
    section = SectionHeadingBlock()
    attachment = AttachmentSlotBlock()

    class Meta:
        label = _("Form")
