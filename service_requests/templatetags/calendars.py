"""The availability calendar of a service that books time (rooms, executives), for its pages."""

from django import template

from ..availability import availability_of, requested_in, shown_to

register = template.Library()


@register.inclusion_tag("service_requests/includes/availability.html", takes_context=True)
def availability_calendar(context, service, *, request_forms=None):
    """The chosen room's (or executive's) taken times for a fortnight; nothing for other services,
    and nothing for visitors who are not logged in where the calendar is not public."""
    request = context["request"]
    source = shown_to(service, request.user)
    if source is None:
        return {"availability": None}
    details_form = request_forms.details if request_forms is not None else None
    resource_id, start = requested_in(source, request.GET, details_form)
    return {
        "availability": availability_of(service, resource_id=resource_id, start=start),
        "in_form": details_form is not None,
        "request": request,
    }
