from decimal import Decimal

from django import template

from reports.presenters import Month, format_figure

register = template.Library()


@register.filter
def figure(value):
    """A number of working days as the report shows it ("2.5", "–" for none); a month as "มี.ค. 2568"."""
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, Decimal):  # money: 3,312.00
        return f"{value:,.2f}"
    return format_figure(value) if value is None or isinstance(value, float) else value
