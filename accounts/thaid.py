"""ThaID, DOPA's national digital ID, over OpenID Connect (authorization code with PKCE).

authlib does the protocol: discovery, the state and nonce kept in the session, PKCE, the code
exchange, and the ID token's RS256 signature (JWKS), issuer, audience, expiry and nonce. This
module only configures it and turns its answer, or any failure, into what the views need.
"""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from joserfc.errors import JoseError

from .validators import validate_citizen_id

PROVIDER_TIMEOUT_SECONDS = 10


class ThaIDError(Exception):
    """The log-in did not prove who the person is: refused, tampered with, expired or unreachable."""


@dataclass(frozen=True)
class ThaIDIdentity:
    """What ThaID vouches for: the citizen ID and the name on the ID card."""

    citizen_id: str
    title: str
    first_name: str
    last_name: str

    def as_session_data(self):
        return asdict(self)


# What ThaID vouched for waits in the session only while the person chooses what happens next:
# signed, and usable for CLAIMS_MAX_AGE_SECONDS after the log-in at ThaID.
CLAIMS_MAX_AGE_SECONDS = 15 * 60
CLAIMS_SALT = "accounts.thaid.claims"


class Next:
    """What the person holding the claims may do with them."""

    LINK = "link"  # prove with its password that the declared account under their name is theirs
    REGISTER = "register"  # a fresh verified account (a declared one holding the ID is suspended)


def signed_claims(identity: ThaIDIdentity, *, next_step: str) -> str:
    return signing.dumps({"next": next_step, **identity.as_session_data()}, salt=CLAIMS_SALT)


def claims_from_signed(value, *, next_step: str) -> ThaIDIdentity | None:
    """The identity the signed claims vouch for, if they are for this step and not too old."""
    if not isinstance(value, str):
        return None
    try:
        data = signing.loads(value, salt=CLAIMS_SALT, max_age=CLAIMS_MAX_AGE_SECONDS)
    except signing.BadSignature:  # tampered with, or expired (SignatureExpired)
        return None
    if data.pop("next", None) != next_step:
        return None
    return ThaIDIdentity(**data)


def is_configured():
    """Whether ThaID is offered at all: the log-in button, its pages and the recovery pages'
    ThaID sentence all ask this, and it needs every one of the THAID_* settings."""
    return bool(settings.THAID_DISCOVERY_URL and settings.THAID_CLIENT_ID and settings.THAID_CLIENT_SECRET)


def _client():
    # A registry per call: the settings are read when used (tests point them at their provider).
    oauth = OAuth()
    return oauth.register(
        "thaid",
        client_id=settings.THAID_CLIENT_ID,
        client_secret=settings.THAID_CLIENT_SECRET,
        server_metadata_url=settings.THAID_DISCOVERY_URL,
        client_kwargs={
            "scope": settings.THAID_SCOPE,
            "code_challenge_method": "S256",
            "default_timeout": PROVIDER_TIMEOUT_SECONDS,
        },
    )


# authlib's own errors, joserfc's (signature, claims) and the network's.
FAILURES = (AuthlibBaseError, JoseError, requests.RequestException, ValueError, KeyError)


def authorize_redirect(request, redirect_uri):
    """The redirect to ThaID's log-in page; state, nonce and the PKCE verifier stay in the session."""
    try:
        return _client().authorize_redirect(request, redirect_uri)
    except FAILURES as error:
        raise ThaIDError(str(error)) from error


def identity_from_callback(request):
    """Check ThaID's answer and return whom it vouches for, or raise ThaIDError."""
    try:
        token = _client().authorize_access_token(request)
    except FAILURES as error:
        raise ThaIDError(f"{type(error).__name__}: {error}") from error
    claims = token.get("userinfo")
    if not claims:
        raise ThaIDError("no ID token in the answer")
    try:
        citizen_id = validate_citizen_id(str(claims.get("pid", "")))
    except ValidationError as error:
        raise ThaIDError("no valid pid claim") from error
    first_name, last_name = claims.get("given_name", "").strip(), claims.get("family_name", "").strip()
    if not first_name or not last_name:
        raise ThaIDError("no name claims")
    return ThaIDIdentity(
        citizen_id=citizen_id,
        title=claims.get("title", "").strip(),
        first_name=first_name,
        last_name=last_name,
    )
