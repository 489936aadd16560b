"""The catalogue of e-services: one module per service, one line per service in CATALOGUE.

Everything generic (service pages, officer groups, and later the request forms, lists and admin)
asks the catalogue instead of naming services itself, so an office adds a seventh service by
writing one module and adding it here.
"""

from .appointment import SERVICE as APPOINTMENT
from .base import AttachmentSlot, EService
from .certificate import SERVICE as CERTIFICATE
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


def all_services() -> list[EService]:
    return list(CATALOGUE.values())


def get_service(code: str) -> EService:
    return CATALOGUE[code]


def service_choices() -> list[tuple[str, str]]:
    """Choices for model fields that name a service; callable so migrations stay stable."""
    return [(service.code, service.name) for service in CATALOGUE.values()]


__all__ = ["CATALOGUE", "AttachmentSlot", "EService", "all_services", "get_service", "service_choices"]
