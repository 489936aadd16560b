"""The office's signing certificate and key, and the trust roots /verify/ accepts, from the
settings (in production from the environment: SIGNING_CERTIFICATE, SIGNING_KEY,
SIGNING_KEY_PASSWORD, SIGNING_TRUST_ROOTS, SIGNING_TSA_URL).

`problems()` says in plain words what is wrong with them (missing, unreadable, key not matching,
expired); production refuses to start on any (apps.py, checks.py), so it never issues an unsigned
file. Read with `cryptography` only: pyHanko is loaded where a PDF is signed or checked.
"""

import datetime
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from cryptography import x509
from cryptography.hazmat.primitives import serialization

EXPIRY_WARNING_DAYS = 30


class SigningUnavailable(RuntimeError):
    """No usable certificate and key are configured."""


@dataclass(frozen=True)
class Credentials:
    chain: tuple[x509.Certificate, ...]  # the office's certificate first
    key_pem: bytes
    key_password: bytes | None
    trust_roots: tuple[x509.Certificate, ...]
    tsa_url: str

    @property
    def certificate(self) -> x509.Certificate:
        return self.chain[0]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()


def fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def configured() -> bool:
    return bool(settings.SIGNING_CERTIFICATE and settings.SIGNING_KEY)


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ValueError(f"{what} {path!r} cannot be read: {error.strerror or error}.") from error


def _certificates(data: bytes, path: str, what: str) -> tuple[x509.Certificate, ...]:
    try:
        certificates = tuple(x509.load_pem_x509_certificates(data))
    except ValueError:
        try:
            certificates = (x509.load_der_x509_certificate(data),)
        except ValueError:
            certificates = ()
    if not certificates:
        raise ValueError(f"{what} {path!r} holds no certificate (PEM or DER).")
    return certificates


def _load(certificate_path, key_path, password, roots_path, tsa_url) -> Credentials:
    chain = _certificates(
        _read(certificate_path, "SIGNING_CERTIFICATE"), certificate_path, "SIGNING_CERTIFICATE"
    )
    key_pem = _read(key_path, "SIGNING_KEY")
    key_password = password.encode() if password else None
    try:
        key = serialization.load_pem_private_key(key_pem, key_password)
    except (ValueError, TypeError) as error:
        raise ValueError(
            f"SIGNING_KEY {key_path!r} is not a PEM private key that SIGNING_KEY_PASSWORD opens ({error})."
        ) from error
    if key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ) != chain[0].public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ):
        raise ValueError(
            f"SIGNING_KEY {key_path!r} is not the key of the certificate in {certificate_path!r}."
        )
    if roots_path:
        roots = _certificates(_read(roots_path, "SIGNING_TRUST_ROOTS"), roots_path, "SIGNING_TRUST_ROOTS")
    else:
        roots = tuple(certificate for certificate in chain if certificate.subject == certificate.issuer)
        if not roots:
            raise ValueError(
                "SIGNING_TRUST_ROOTS is not set and the chain in SIGNING_CERTIFICATE does not end in its "
                "root certificate: set SIGNING_TRUST_ROOTS to the CA's root certificate (PEM)."
            )
    # The key is kept as given (PEM, maybe encrypted): pyHanko reads it where it signs.
    return Credentials(chain, key_pem, key_password, roots, tsa_url or "")


@lru_cache(maxsize=4)
def _cached(certificate_path, key_path, password, roots_path, tsa_url, _stamp):
    return _load(certificate_path, key_path, password, roots_path, tsa_url)


def _modified(*paths) -> tuple:
    stamp = []
    for path in paths:
        try:
            stamp.append(Path(path).stat().st_mtime_ns if path else None)
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def credentials() -> Credentials:
    """The configured certificate, key and trust roots (read again when a file changes), or
    SigningUnavailable naming what is wrong."""
    if not configured():
        raise SigningUnavailable("SIGNING_CERTIFICATE and SIGNING_KEY are not set.")
    values = (
        str(settings.SIGNING_CERTIFICATE),
        str(settings.SIGNING_KEY),
        settings.SIGNING_KEY_PASSWORD or "",
        str(settings.SIGNING_TRUST_ROOTS or ""),
        settings.SIGNING_TSA_URL or "",
    )
    try:
        return _cached(*values, _modified(values[0], values[1], values[3]))
    except ValueError as error:
        raise SigningUnavailable(str(error)) from error


def problems(*, now: datetime.datetime | None = None) -> list[str]:
    """What keeps the portal from signing with the configured certificate (empty: nothing)."""
    try:
        found = credentials()
    except SigningUnavailable as error:
        return [str(error)]
    now = now or datetime.datetime.now(datetime.UTC)
    certificate = found.certificate
    if certificate.not_valid_after_utc <= now:
        return [
            f"The signing certificate {found.subject!r} expired on "
            f"{certificate.not_valid_after_utc:%Y-%m-%d}: install the office's renewed certificate."
        ]
    if certificate.not_valid_before_utc > now:
        return [
            f"The signing certificate {found.subject!r} is valid only from "
            f"{certificate.not_valid_before_utc:%Y-%m-%d %H:%M} UTC."
        ]
    return []


def expires_soon(*, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The certificate's end when it is less than EXPIRY_WARNING_DAYS away."""
    now = now or datetime.datetime.now(datetime.UTC)
    end = credentials().certificate.not_valid_after_utc
    return end if end - now < datetime.timedelta(days=EXPIRY_WARNING_DAYS) else None
