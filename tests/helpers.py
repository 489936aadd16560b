"""Small helpers shared by the tests."""

import re
import unicodedata
from dataclasses import replace

from django.utils import translation

from printing.rendering import decompose_sara_am
from service_requests.catalogue import CATALOGUE
from service_requests.date_fields import BUDDHIST_ERA_OFFSET, BUDDHIST_ERA_YEAR

THAI_SCRIPT = re.compile(r"[\u0E00-\u0E7F]")


def in_thai(message) -> str:
    """An English msgid (or lazy message) as a Thai visitor reads it; Thai is the default language."""
    with translation.override("th"):
        return translation.gettext(str(message))


def buddhist_era_hint(year: int) -> str:
    """What every date field says, in Thai, to a year typed in the Buddhist Era."""
    return in_thai(BUDDHIST_ERA_YEAR) % {"year": year, "christian_year": year - BUDDHIST_ERA_OFFSET}


def form_errors(response, field):
    """The errors the re-rendered form shows for one field."""
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def take_offline(monkeypatch, service_code: str):
    """Make a catalogue entry a service not yet online (no form of its own) for one test, as a
    newly listed service is until its form is written."""
    offline = replace(CATALOGUE[service_code], details_form=None)
    monkeypatch.setitem(CATALOGUE, service_code, offline)
    return offline


def comparable(text: str) -> str:
    """Text as compared with a PDF's: NFKC (PDFs decompose sara am), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", decompose_sara_am(str(text))))
