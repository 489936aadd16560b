"""LINE Login (OAuth 2.0 / OpenID Connect, v2.1): links an applicant's LINE account from the profile.

authlib does the protocol, as for ThaID (accounts/thaid.py): the state and nonce kept in the
session, PKCE (S256), the code exchange (client_secret_post, as LINE wants it) and the ID token's
checks: its signature (LINE signs a web log-in's ID token with HS256 and the Login channel's
secret, so the "key set" is that secret), issuer, audience (the channel ID), expiry and nonce.
`bot_prompt=aggressive` has LINE offer to add the office's LINE Official Account as a friend on
the same screen. This module only configures it and turns the answer into a LINE user ID.
"""

from dataclasses import dataclass

from django.conf import settings

import requests
from authlib.common.encoding import urlsafe_b64encode
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from joserfc.errors import JoseError

from .config import TIMEOUT_SECONDS

SCOPE = "profile openid"


class LineLoginError(Exception):
    """LINE did not vouch for an account: refused, cancelled, tampered with or unreachable."""


@dataclass(frozen=True)
class LineAccount:
    user_id: str  # the "sub" of the ID token: the user's ID under the office's provider
    is_friend: bool  # whether they have the office's LINE Official Account as a friend


def _api(path):
    return settings.LINE_API_HOST.rstrip("/") + path


def _client():
    # A registry per call: the settings are read when used (tests point them at their stand-in).
    secret = settings.LINE_LOGIN_CHANNEL_SECRET.encode()
    return OAuth().register(
        "line",
        client_id=settings.LINE_LOGIN_CHANNEL_ID,
        client_secret=settings.LINE_LOGIN_CHANNEL_SECRET,
        authorize_url=settings.LINE_ACCESS_HOST.rstrip("/") + "/oauth2/v2.1/authorize",
        access_token_url=_api("/oauth2/v2.1/token"),
        client_kwargs={
            "scope": SCOPE,
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": "client_secret_post",
            "default_timeout": TIMEOUT_SECONDS,
        },
        # What authlib checks the ID token against (LINE's discovery names ES256 and its JWKS,
        # which are for LIFF and the SDKs; a web log-in's token is HS256 with the channel secret).
        issuer=settings.LINE_ACCESS_HOST.rstrip("/"),
        id_token_signing_alg_values_supported=["HS256"],
        jwks={"keys": [{"kty": "oct", "k": urlsafe_b64encode(secret).decode(), "alg": "HS256"}]},
    )


FAILURES = (AuthlibBaseError, JoseError, requests.RequestException, ValueError, KeyError)


def authorize_redirect(request, redirect_uri):
    """The redirect to LINE's log-in and consent screen."""
    try:
        return _client().authorize_redirect(request, redirect_uri, bot_prompt="aggressive")
    except FAILURES as error:
        raise LineLoginError(str(error)) from error


def account_from_callback(request) -> LineAccount:
    """Check LINE's answer; the LINE account it vouches for, or LineLoginError."""
    if request.GET.get("error"):
        # The person pressed cancel, or LINE refused: nothing to exchange.
        raise LineLoginError(f"LINE answered {request.GET['error']}")
    client = _client()
    try:
        token = client.authorize_access_token(request)
        claims = token.get("userinfo")
        if not claims or not claims.get("sub"):
            raise LineLoginError("no ID token in the answer")
        friendship = client.get(_api("/friendship/v1/status"), token=token)
        friendship.raise_for_status()
        is_friend = bool(friendship.json().get("friendFlag"))
    except FAILURES as error:
        raise LineLoginError(f"{type(error).__name__}: {error}") from error
    return LineAccount(user_id=str(claims["sub"]), is_friend=is_friend)
