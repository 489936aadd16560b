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

import time
from collections.abc import Callable

from django.db import DatabaseError

from .appointment import SERVICE as APPOINTMENT
from .base import AttachmentSlot, EService
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


# The office's choices for its built-in services, read once per request and otherwise a few
# seconds at a time, like the configured services (every list row asks its request's service). The models sit above the catalogue, so
# the app's ready() hands in the reader: () -> {service code: IdCardCopy}, the non-default ones.
LOADED_FOR_SECONDS = 10
_office: dict = {"read": None, "until": 0.0, "services": CATALOGUE}


def read_office_choices_with(reader: Callable[[], dict[str, str]]) -> None:
    _office["read"] = reader
    forget_office_choices()


def forget_office_choices(**_signal) -> None:
    """Read them again on the next call: a request starts, an administrator changed one."""
    _office["until"] = 0.0


def office_services() -> dict[str, EService]:
    """{code: built-in service as the office runs it}."""
    if _office["read"] is None:
        return CATALOGUE
    if time.monotonic() >= _office["until"]:
        try:
            choices = _office["read"]()
        except DatabaseError:
            # Before the migrations (Django's checks ask for the services' names): as defined.
            return CATALOGUE
        _office["services"] = {
            code: with_id_card_copy(service, choices.get(code, IdCardCopy.REQUIRED))
            for code, service in CATALOGUE.items()
        }
        _office["until"] = time.monotonic() + LOADED_FOR_SECONDS
    return _office["services"]


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
