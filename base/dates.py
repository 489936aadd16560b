"""Dates the Thai way: "31 มี.ค. 2568, 11:10 น." (Buddhist Era); plain "31 Mar 2025, 11:10" in English."""

import datetime

from django.utils import dateformat, timezone, translation
from django.utils.translation import get_language

THAI_MONTHS = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
BUDDHIST_ERA_OFFSET = 543


def _is_thai(language):
    return (language or get_language() or "th").split("-")[0] == "th"


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value, language=None) -> str:
    if value is None or value == "":
        return ""
    value = _local(value)
    if _is_thai(language):
        return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + BUDDHIST_ERA_OFFSET}"
    with translation.override(language or get_language()):  # month names in the language asked for
        return dateformat.format(value, "j M Y")


def format_datetime(value, language=None) -> str:
    if value is None or value == "":
        return ""
    value = _local(value)
    if not isinstance(value, datetime.datetime):
        return format_date(value, language)
    if _is_thai(language):
        return f"{format_date(value, language)}, {value:%H:%M} น."
    with translation.override(language or get_language()):
        return dateformat.format(value, "j M Y, H:i")


def format_datetime_range(starts, ends, language=None) -> str:
    """From when to when, in Bangkok time: "15 ธ.ค. 2569, 10:00–12:00 น." on one day, each end in
    full ("..., 16:00 น. – 16 ธ.ค. 2569, 09:00 น.") across days; "15 Dec 2026, 10:00–12:00" in English."""
    starts, ends = _local(starts), _local(ends)
    if starts.date() != ends.date():
        return f"{format_datetime(starts, language)} – {format_datetime(ends, language)}"
    if _is_thai(language):
        return f"{format_date(starts, language)}, {starts:%H:%M}–{ends:%H:%M} น."
    return f"{format_date(starts, language)}, {starts:%H:%M}–{ends:%H:%M}"
