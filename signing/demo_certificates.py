"""A throw-away demo CA and an office certificate signed by it, for development, the demo and the
tests: never for real documents. Production uses the certificate an office gets from a CA
(README, Production: Signed documents)."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEMO_CA_NAME = "DEMO CA — ห้ามใช้จริง / not for real use"
DEMO_MARK = "DEMO — ห้ามใช้จริง / not for real use"
CERTIFICATE_FILE = "office-certificate.pem"  # the office's certificate, then the demo CA's (the chain)
KEY_FILE = "office-key.pem"
CA_FILE = "demo-ca.pem"


@dataclass(frozen=True)
class DemoFiles:
    certificate: Path
    key: Path
    trust_roots: Path


def demo_files(folder: Path) -> DemoFiles:
    folder = Path(folder)
    return DemoFiles(folder / CERTIFICATE_FILE, folder / KEY_FILE, folder / CA_FILE)


def _shortened(text: str, limit: int = 64) -> str:
    """At most `limit` bytes of UTF-8 (X.509's limit, which Thai reaches at about 21 letters)."""
    while len(text.encode()) > limit:
        text = text[:-1]
    return text


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _shortened(organisation)),
            x509.NameAttribute(NameOID.COMMON_NAME, _shortened(common_name)),
        ]
    )


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def make_demo_certificates(
    folder: Path, *, office_name: str, valid_days: int = 730, now: datetime.datetime | None = None
) -> DemoFiles:
    """Write a demo CA and an office certificate (valid `valid_days` from `now`; negative: already
    expired) with its key into `folder` (created, mode 0700; the key 0600). Returns the paths."""
    now = now or datetime.datetime.now(datetime.UTC)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(DEMO_CA_NAME, DEMO_MARK)
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=max(valid_days, 1) + 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    office_key = ec.generate_private_key(ec.SECP256R1())
    not_after = now + datetime.timedelta(days=valid_days)
    office = (
        x509.CertificateBuilder()
        .subject_name(_name(f"DEMO {office_name}", DEMO_MARK))
        .issuer_name(ca_name)
        .public_key(office_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(min(now - datetime.timedelta(days=1), not_after - datetime.timedelta(days=1)))
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(office_key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = demo_files(folder)
    pem = serialization.Encoding.PEM
    files.trust_roots.write_bytes(ca.public_bytes(pem))
    files.certificate.write_bytes(office.public_bytes(pem) + ca.public_bytes(pem))
    files.key.touch(mode=0o600)
    files.key.write_bytes(
        office_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return files
