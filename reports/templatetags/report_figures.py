from django import template

from reports.presenters import format_figure

register = template.Library()


@register.filter
def figure(value):
    """A number of working days as the report shows it ("2.5", "–" for none)."""
    return format_figure(value) if value is None or isinstance(value, float) else value
