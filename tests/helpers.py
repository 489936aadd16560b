"""Small helpers shared by the tests."""

import re
import unicodedata
from base64 import b32decode
from dataclasses import replace

from django.utils import translation

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from printing.rendering import decompose_sara_am
from service_requests.catalogue import CATALOGUE, forget_office_choices
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
    forget_office_choices()  # the catalogue gives the services as the office runs them, kept a while
    return offline


def comparable(text: str) -> str:
    """Text as compared with a PDF's: NFKC (PDFs decompose sara am), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", decompose_sara_am(str(text))))


def pass_second_factor(client, user) -> TOTPDevice:
    """Mark the client's staff session as having passed the second factor, as the verify page does."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="authenticator", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def totp_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or `steps_ahead` periods of 30 s later), computed
    with django-otp's own TOTP. A code once accepted is refused again, so a second log-in within
    the same 30 s takes the next period's code (the device accepts one period of drift)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead)
    return f"{code:0{device.digits}d}"


def totp_code_for_secret(secret_base32: str) -> str:
    """The code for a base32 secret as printed for people (what an authenticator app is given)."""
    return f"{totp(b32decode(secret_base32)):06d}"
