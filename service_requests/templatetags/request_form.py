"""{% request_form request_forms submit_label=label %}: a service page's request form, the same
markup as including service_requests/includes/request_form.html, rendered once and filled in for
each applicant where that gives the same (service_requests/form_markup.py)."""

from django import template

from ..form_markup import render_request_form

register = template.Library()


@register.simple_tag(takes_context=True)
def request_form(context, request_forms, *, submit_label):
    return render_request_form(context, request_forms, submit_label=submit_label)
