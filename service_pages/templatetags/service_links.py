"""The catalogue's services with their pages, for the buttons above the applicant's requests."""

from dataclasses import dataclass

from django import template

from base.languages import active_language
from service_requests.catalogue import EService, all_services

from ..models import ServicePage

register = template.Library()


@dataclass(frozen=True)
class ServiceLink:
    service: EService
    url: str


@register.simple_tag(takes_context=True)
def service_links(context):
    """The catalogue's services, each with its live page in the visitor's language, in one query.

    Services without a live page are left out: there is nowhere to send the applicant.
    """
    request = context.get("request")
    pages = {
        page.service_code: page
        for page in ServicePage.objects.live()
        .filter(locale__language_code=active_language())
        .only("id", "path", "depth", "url_path", "locale_id", "service_code")
    }
    links = []
    for service in all_services():
        page = pages.get(service.code)
        url = page.get_url(request) if page else None
        if url:
            links.append(ServiceLink(service=service, url=url))
    return links
