"""The catalogue of e-services: one module per service, one line per service in CATALOGUE.

Everything generic (service pages, officer groups, and later the request forms, lists and admin)
asks the catalogue instead of naming services itself. Two kinds answer: the built-in services
(a module each, one line each in CATALOGUE: rules a form cannot express, such as no double
booking) and the services an office builds in Wagtail (configured.py, from their published form
versions). Everything else treats them alike.
"""

from .appointment import SERVICE as APPOINTMENT
from .base import AttachmentSlot, EService
from .certificate import SERVICE as CERTIFICATE
from .configured import configured_services
from .id_card import SERVICE as ID_CARD
from .living_pension import SERVICE as LIVING_PENSION
from .meeting_room import SERVICE as MEETING_ROOM
from .school_record_forms import SERVICE as SCHOOL_RECORD_FORMS

CATALOGUE: dict[str, EService] = {
    service.code: service
    for service in (
        ID_CARD,
        CERTIFICATE,
        LIVING_PENSION,
        MEETING_ROOM,
        APPOINTMENT,
        SCHOOL_RECORD_FORMS,
    )
}


def builtin_services() -> list[EService]:
    """The services that are code (read without the database)."""
    return list(CATALOGUE.values())


def all_services() -> list[EService]:
    """The built-in services, then the configured ones, by code."""
    configured = configured_services()
    return [*CATALOGUE.values(), *(configured[code] for code in sorted(configured))]


def service_codes() -> set[str]:
    return {*CATALOGUE, *configured_services()}


def get_service(code: str) -> EService:
    """The service of this code; KeyError for none."""
    service = CATALOGUE.get(code)
    return service if service is not None else configured_services()[code]


def find_service(code: str) -> EService | None:
    return CATALOGUE.get(code) or configured_services().get(code)


def service_choices() -> list[tuple[str, str]]:
    """Choices for model fields that name a service; callable so migrations stay stable."""
    return [(service.code, service.name) for service in all_services()]


__all__ = [
    "CATALOGUE",
    "AttachmentSlot",
    "EService",
    "all_services",
    "builtin_services",
    "find_service",
    "get_service",
    "service_choices",
    "service_codes",
]
