"""Template helpers of the request pages."""

from django import template

from .. import presentation

register = template.Library()

register.simple_tag(presentation.attachment_rows, name="attachment_rows")
