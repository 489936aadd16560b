from django import template

from base import dates

register = template.Library()


@register.filter
def display_date(value):
    """{{ value|display_date }} -> "31 มี.ค. 2568" in Thai, "31 Mar 2025" in English."""
    return dates.format_date(value)


@register.filter
def display_datetime(value):
    """{{ value|display_datetime }} -> "31 มี.ค. 2568, 11:10 น." in Thai, in Bangkok time."""
    return dates.format_datetime(value)
