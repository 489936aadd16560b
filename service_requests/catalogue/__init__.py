"""The catalogue of e-services: one module per service, one line per service in CATALOGUE.

Everything generic (service pages, officer groups, and later the request forms, lists and admin)
asks the catalogue instead of naming services itself. Two kinds answer: the built-in services
(a module each, one line each in CATALOGUE: rules a form cannot express, such as no double
booking) and the services an office builds in Wagtail (configured.py, from their published form
versions). Everything else treats them alike.

An office adapts a built-in service in the admin (the ID-card copy required, optional or not
asked: ServiceAssignment.id_card_copy): get_service(), find_service() and all_services() give
the service as the office runs it, so every reader of its slots sees the office's choice.
"""

from collections.abc import Callable

from .appointment import SERVICE as APPOINTMENT
from .base import AttachmentSlot, EService, ReadOncePerRequest
from .certificate import SERVICE as CERTIFICATE
from .common import IdCardCopy, with_id_card_copy
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


# The office's choices for its built-in services, read as the configured services are
# (ReadOncePerRequest). The models sit above the catalogue, so the app's ready() hands in the
# reader: () -> {service code: IdCardCopy}, the non-default ones.
_office_reader: dict = {"read": None}


def _office_services_now() -> dict[str, EService]:
    if _office_reader["read"] is None:
        return CATALOGUE
    choices = _office_reader["read"]()
    return {
        code: with_id_card_copy(service, choices.get(code, IdCardCopy.REQUIRED))
        for code, service in CATALOGUE.items()
    }


_OFFICE = ReadOncePerRequest(_office_services_now, before_migrations=lambda: CATALOGUE)
# {code: built-in service as the office runs it}.
office_services = _OFFICE.get
forget_office_choices = _OFFICE.forget


def read_office_choices_with(reader: Callable[[], dict[str, str]]) -> None:
    _office_reader["read"] = reader
    forget_office_choices()


def builtin_services() -> list[EService]:
    """The services that are code, as the code defines them (read without the database)."""
    return list(CATALOGUE.values())


def all_services() -> list[EService]:
    """The built-in services as the office runs them, then the configured ones, by code."""
    configured = configured_services()
    return [*office_services().values(), *(configured[code] for code in sorted(configured))]


def service_codes() -> set[str]:
    return {*CATALOGUE, *configured_services()}


def get_service(code: str) -> EService:
    """The service of this code, as the office runs it; KeyError for none."""
    service = office_services().get(code)
    return service if service is not None else configured_services()[code]


def find_service(code: str) -> EService | None:
    return office_services().get(code) or configured_services().get(code)


def service_choices() -> list[tuple[str, str]]:
    """Choices for model fields that name a service; callable so migrations stay stable."""
    return [(service.code, service.name) for service in all_services()]


__all__ = [
    "CATALOGUE",
    "AttachmentSlot",
    "EService",
    "all_services",
    "builtin_services",
    "IdCardCopy",
    "find_service",
    "forget_office_choices",
    "get_service",
    "office_services",
    "read_office_choices_with",
    "service_choices",
    "service_codes",
]
