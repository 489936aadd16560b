"""Filters of the e-mail templates: {{ name|one_line }}, {{ message|quoted }}."""

from django import template

from .. import mail_text

register = template.Library()
register.filter("one_line", mail_text.one_line)
register.filter("quoted", mail_text.quoted)
