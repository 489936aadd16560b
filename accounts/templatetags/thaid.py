from django import template

from accounts import thaid

register = template.Library()


@register.simple_tag
def thaid_enabled():
    """Whether ThaID is configured: the log-in button shows only then."""
    return thaid.is_configured()
