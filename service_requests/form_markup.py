"""A service page's request form, rendered once and filled in for each applicant (issue 12: "Fast").

Profiled, the pre-filled form was half of a logged-in service page's CPU time: Django renders each
of its widgets through a template of its own. Its markup is the same for every applicant but for a
few values: their contact details, a new submission key, the CSRF token and the citizen ID. So it
is rendered once per service, language and page-cache generation (base/page_cache.py: a publish or
a settings change starts a new one) with a placeholder in each of those places, kept in the default
cache, and each request puts its own values, escaped as Django escapes them, into a copy.

The kept markup holds nobody's personal data: the placeholders stand where the values go, and a
rendering in which one of the applicant's values shows up anyway is not kept. It is used only where
it gives exactly what Django would: an unbound form (not one that came back with errors), values of
text fields (a select's chosen option, e.g. the title, is part of the key instead), a service
without an availability calendar (that changes with every booking), outside editors' previews, and
with the page cache on (ANONYMOUS_PAGE_CACHE). Anything else is rendered as before.
"""

import hashlib
import re
import secrets
import uuid

from django.conf import settings
from django.forms.widgets import ChoiceWidget, Input, Textarea
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from base.page_cache import kept_until_purge

from .availability import shown_to
from .forms import RequestForms

TEMPLATE = "service_requests/includes/request_form.html"
NOT_TEXT_INPUTS = {"checkbox", "radio", "file"}


class NotFillable(Exception):
    """A value the placeholders cannot stand for: the form is rendered as it is."""


def render_request_form(context, request_forms: RequestForms, *, submit_label) -> str:
    """The request form's markup, as `{% include TEMPLATE %}` with these two values would give it."""
    template = context.template.engine.get_template(TEMPLATE)
    request = context.get("request")
    if not _fillable(request, request_forms):
        return _render(template, context, request_forms=request_forms, submit_label=submit_label)
    try:
        holes, shape = _holes(request_forms)
    except NotFillable:
        return _render(template, context, request_forms=request_forms, submit_label=submit_label)
    service = request_forms.service
    digest = hashlib.sha256(
        repr(
            (
                service.code,
                tuple((slot.name, slot.required) for slot in service.attachment_slots),
                str(submit_label),
                shape,
            )
        ).encode()
    ).hexdigest()
    found = kept_until_purge(
        f"request-form:{get_language()}:{digest}",
        lambda: _skeleton(template, context, request_forms, holes, submit_label=submit_label),
        request=request,
    )
    if found is None:  # a placeholder went missing, or the applicant's own values showed up: for
        # this generation the form is rendered as it is for everyone (nothing of theirs is kept)
        return _render(template, context, request_forms=request_forms, submit_label=submit_label)
    marker, markup = found
    values = [escape(get_token(request)), escape(request_forms.citizen_id or "")]
    values += [escape(shown) for _form, _name, shown in holes]
    return mark_safe(  # noqa: S308 - the template's own output, with escaped values put in
        re.sub(rf"{marker}x(\d+)x", lambda placeholder: values[int(placeholder.group(1))], markup)
    )


def _fillable(request, request_forms) -> bool:
    return (
        settings.ANONYMOUS_PAGE_CACHE
        and request is not None
        and not getattr(request, "is_preview", False)
        and request_forms.correction_round is None
        and not any(form.is_bound for form in request_forms)
        and shown_to(request_forms.service, request.user) is None
    )


def _holes(request_forms):
    """What each placeholder stands for, as (form, field name, what its widget shows), and the
    form's shape: which fields start empty, and the chosen option of choice fields. NotFillable
    for any other value (a date, a checkbox...)."""
    holes, shape = [], []
    for form in (request_forms.contact, request_forms.details):
        for name, value in sorted(form.initial.items()):
            field = form.fields.get(name)
            if field is None:
                continue
            widget = field.widget
            if value is None or value == "":
                shape.append((form.prefix, name, None))
            elif isinstance(widget, ChoiceWidget) and str(value) in {
                str(choice) for choice, _label in field.choices
            }:
                shape.append((form.prefix, name, str(value)))
            elif (
                isinstance(value, str | uuid.UUID)
                and isinstance(widget, Input | Textarea)
                and getattr(widget, "input_type", None) not in NOT_TEXT_INPUTS
            ):
                # What the widget shows, as BoundField.value() and the widget would make it.
                holes.append((form, name, widget.format_value(field.prepare_value(value)) or ""))
                shape.append((form.prefix, name, ""))
            else:
                raise NotFillable(name)
    return holes, tuple(shape)


def _skeleton(template, context, request_forms, holes, *, submit_label):
    """(marker, markup) with the placeholders `<marker>x<n>x`: 0 the CSRF token, 1 the citizen ID,
    then the holes in order. None where a field changed its placeholder on the way (no place to
    put the value) or one of the applicant's values is in the markup all the same."""
    marker = f"pf{secrets.token_hex(8)}"
    skeleton = RequestForms(request_forms.service, user=request_forms.user)
    skeleton.citizen_id = f"{marker}x1x"
    prefixes = {
        request_forms.contact.prefix: skeleton.contact,
        request_forms.details.prefix: skeleton.details,
    }
    for number, (form, name, _value) in enumerate(holes, start=2):
        prefixes[form.prefix].initial[name] = f"{marker}x{number}x"
    markup = _render(
        template, context, request_forms=skeleton, submit_label=submit_label, csrf_token=f"{marker}x0x"
    )
    placed = {int(number) for number in re.findall(rf"{marker}x(\d+)x", markup)}
    if placed != set(range(len(holes) + 2)):
        return None
    personal = [request_forms.citizen_id or "", *(shown for _form, _name, shown in holes)]
    if any(value and (value in markup or escape(value) in markup) for value in personal):
        return None
    return marker, markup


def _render(template, context, **values) -> str:
    with context.push(**values):  # as {% include %} does
        return template.render(context)
