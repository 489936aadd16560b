"""The date and time fields every form of the portal uses: the browser's own pickers, always fed
ISO values, and one check for a year typed in the Buddhist Era.

`<input type="date">` and `<input type="time">` accept only YYYY-MM-DD and HH:MM. Django would
render them in the active locale's first input format (Thai: 08/12/2026), which the browser
drops, so the widgets below fix the format whatever the language.
"""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 2569 BE is 2026 CE. No date a form asks for lies centuries ahead, while every Buddhist Era year
# of a living person's lifetime does (born 1900 CE = 2443 BE), so such a year is one typed in the
# Buddhist Era by mistake.
BUDDHIST_ERA_OFFSET = 543
BUDDHIST_ERA_MARGIN_YEARS = 400
BUDDHIST_ERA_YEAR = _(
    "Is %(year)d a year in the Buddhist Era? Please type the year in the Christian Era: %(christian_year)d."
)


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class IsoTimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class IsoDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def looks_like_buddhist_era(year: int) -> bool:
    return year > timezone.localdate().year + BUDDHIST_ERA_MARGIN_YEARS


def check_christian_era(day):
    """Refuse a date whose year was typed in the Buddhist Era, saying which year to type."""
    if day is not None and looks_like_buddhist_era(day.year):
        raise forms.ValidationError(
            BUDDHIST_ERA_YEAR,
            code="buddhist_era",
            params={"year": day.year, "christian_year": day.year - BUDDHIST_ERA_OFFSET},
        )


class IsoDateField(forms.DateField):
    widget = IsoDateInput

    def validate(self, value):
        super().validate(value)
        check_christian_era(value)


class IsoDateTimeField(forms.DateTimeField):
    widget = IsoDateTimeInput

    def validate(self, value):
        super().validate(value)
        check_christian_era(value)


class IsoTimeField(forms.TimeField):
    widget = IsoTimeInput


# Model field types and the form fields that stand for them (most specific first: a
# DateTimeField is a DateField).
FORM_FIELDS = (
    (models.DateTimeField, IsoDateTimeField),
    (models.DateField, IsoDateField),
    (models.TimeField, IsoTimeField),
)


def formfield_for(model_field, **kwargs):
    """A ModelForm's formfield_callback: the shared date and time fields for the model's ones."""
    for model_class, form_class in FORM_FIELDS:
        if isinstance(model_field, model_class):
            return model_field.formfield(form_class=form_class, **kwargs)
    return model_field.formfield(**kwargs)
