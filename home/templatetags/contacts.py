from django import template

from home.phones import phone_numbers as split_phone_numbers

register = template.Library()


@register.filter
def phone_numbers(text):
    """The office's phone numbers one by one, each with its tel: address (home/phones.py)."""
    return split_phone_numbers(text)
