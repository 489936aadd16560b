"""PAdES signatures with pyHanko: signing a PDF with the office's certificate (and an RFC 3161
timestamp when SIGNING_TSA_URL names a timestamp authority), and checking a PDF's signature
against the trust roots.

pyHanko is imported where it is used (tests/portal/test_layers.py DEFERRED_LIBRARIES): a web
worker that never signs or checks a document does not carry it.
"""

import io
import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization

from .credentials import Credentials

logger = logging.getLogger(__name__)

FIELD_NAME = "OfficeSignature"


class UnsignablePdf(ValueError):
    """The PDF cannot be stamped or signed as it is (pikepdf or pyHanko cannot rewrite it)."""


def sign_pdf(pdf: bytes, *, credentials: Credentials, reason: str, location: str) -> bytes:
    """`pdf` with an invisible PAdES signature of the office appended (an incremental update)."""
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers, timestamps
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    pem = b"".join(certificate.public_bytes(serialization.Encoding.PEM) for certificate in credentials.chain)
    chain = list(load_certs_from_pemder_data(pem))
    signer = signers.SimpleSigner(
        signing_cert=chain[0],
        signing_key=load_private_key_from_pemder_data(
            credentials.key_pem, passphrase=credentials.key_password
        ),
        cert_registry=SimpleCertificateStore.from_certs(chain[1:]),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    timestamper = timestamps.HTTPTimeStamper(credentials.tsa_url) if credentials.tsa_url else None
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        output = signers.PdfSigner(metadata, signer=signer, timestamper=timestamper).sign_pdf(writer)
    except PdfError as error:
        raise UnsignablePdf(str(error)) from error
    return output.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    """What pyHanko found: `genuine` when the last signature is intact, valid, made by a
    certificate the trust roots vouch for, and covers the whole file."""

    genuine: bool
    signer_fingerprint: str = ""
    summary: str = ""


def check_signature(pdf: bytes, *, trust_roots) -> SignatureCheck:
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    pem = b"".join(certificate.public_bytes(serialization.Encoding.PEM) for certificate in trust_roots)
    context = ValidationContext(trust_roots=list(load_certs_from_pemder_data(pem)), allow_fetching=False)
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
        if not signatures:
            return SignatureCheck(False, summary="no signature")
        status = validate_pdf_signature(signatures[-1], context)
    # A file changed at random can break pyHanko's reading anywhere (its parser, asn1crypto,
    # the CMS checks): whatever it raises, the file is not the one issued.
    except (
        PdfError,
        SignatureValidationError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        OSError,
    ) as error:
        logger.info("A PDF's signature could not be checked: %s", type(error).__name__)
        return SignatureCheck(False, summary=f"unreadable ({type(error).__name__})")
    genuine = bool(
        status.intact
        and status.valid
        and status.trusted
        and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    )
    fingerprint = status.signing_cert.sha256.hex() if status.signing_cert is not None else ""
    return SignatureCheck(genuine, signer_fingerprint=fingerprint, summary=status.summary())
