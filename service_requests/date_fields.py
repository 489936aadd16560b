"""The shared date and time fields now live in base.date_fields (forms below this layer, the
configured services' forms in service_forms, use them too); re-exported here for the old imports."""

from base.date_fields import (
    BUDDHIST_ERA_MARGIN_YEARS,
    BUDDHIST_ERA_OFFSET,
    BUDDHIST_ERA_YEAR,
    FORM_FIELDS,
    IsoDateField,
    IsoDateInput,
    IsoDateTimeField,
    IsoDateTimeInput,
    IsoTimeField,
    IsoTimeInput,
    check_christian_era,
    formfield_for,
    looks_like_buddhist_era,
)

__all__ = [
    "BUDDHIST_ERA_MARGIN_YEARS",
    "BUDDHIST_ERA_OFFSET",
    "BUDDHIST_ERA_YEAR",
    "FORM_FIELDS",
    "IsoDateField",
    "IsoDateInput",
    "IsoDateTimeField",
    "IsoDateTimeInput",
    "IsoTimeField",
    "IsoTimeInput",
    "check_christian_era",
    "formfield_for",
    "looks_like_buddhist_era",
]
