from django import template

from accounts import thaid

register = template.Library()


@register.simple_tag
def thaid_enabled():
    """Whether ThaID is configured (accounts.thaid.is_configured): the log-in button and the
    recovery pages' ThaID sentence show only then."""
    return thaid.is_configured()
