"""The availability calendar of a service that books time (rooms, executives), for its pages."""

from django import template

from .. import calendars

register = template.Library()


@register.inclusion_tag("service_requests/includes/availability.html", takes_context=True)
def availability_calendar(context, service, *, request_forms=None):
    """The chosen room's (or executive's) taken times for a fortnight; nothing for other services,
    and nothing for visitors who are not logged in where the calendar is not public."""
    request = context["request"]
    source = calendars.SOURCES.get(service.code)
    if source is None or not (source.public or request.user.is_authenticated):
        return {"availability": None}
    details_form = request_forms.details if request_forms is not None else None
    resource_id, start = calendars.requested_in(source, request.GET, details_form)
    return {
        "availability": calendars.availability(service.code, resource_id=resource_id, start=start),
        "in_form": details_form is not None,
        "request": request,
    }
