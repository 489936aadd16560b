"""A small, real OpenID Connect provider for the ThaID tests, served on 127.0.0.1 in a thread.

It speaks what ThaID speaks: discovery, JWKS, the authorization endpoint (which logs in whoever
the test says, at once) and the token endpoint (client secret, code, PKCE S256 verifier), and it
signs ID tokens with RS256 using a real RSA key pair (joserfc). A test can make it misbehave the
ways an attacker or a broken provider would: another key, another issuer, another audience, an
expired token.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

CLIENT_ID = "oss-portal"
CLIENT_SECRET = "test-client-secret"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class OpenIDProvider:
    def __init__(self):
        self.key = RSAKey.generate_key(2048, parameters={"kid": "thaid-1"})
        # Same key ID, other key: a token it signs fails the signature check.
        self.forged_key = RSAKey.generate_key(2048, parameters={"kid": "thaid-1"})
        self.person = {}
        self.misbehave = None  # "forged_signature", "wrong_issuer", "wrong_audience", "expired"
        self.codes = {}
        self.server = make_server("127.0.0.1", 0, self.app, handler_class=QuietHandler)
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.discovery_url = f"{self.issuer}/.well-known/openid-configuration"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def log_in_as(self, *, pid, given_name, family_name, title="นางสาว", birthdate="1990-01-31"):
        self.person = {
            "pid": pid,
            "given_name": given_name,
            "family_name": family_name,
            "title": title,
            "birthdate": birthdate,
        }

    # WSGI

    def app(self, environ, start_response):
        path = environ["PATH_INFO"]
        routes = {
            "/.well-known/openid-configuration": self.discovery,
            "/jwks": self.jwks,
            "/authorize": self.authorize,
            "/token": self.token,
        }
        handler = routes.get(path)
        if handler is None:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        return handler(environ, start_response)

    def json_response(self, start_response, data, status="200 OK"):
        start_response(status, [("Content-Type", "application/json")])
        return [json.dumps(data).encode()]

    def discovery(self, environ, start_response):
        return self.json_response(
            start_response,
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            },
        )

    def jwks(self, environ, start_response):
        return self.json_response(start_response, KeySet([self.key]).as_dict(private=False))

    def authorize(self, environ, start_response):
        query = {name: values[0] for name, values in parse_qs(environ["QUERY_STRING"]).items()}
        if query.get("client_id") != CLIENT_ID or query.get("code_challenge_method") != "S256":
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"bad request"]
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": query["redirect_uri"],
            "nonce": query.get("nonce"),
            "code_challenge": query["code_challenge"],
            "person": dict(self.person),
        }
        location = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        start_response("302 Found", [("Location", location)])
        return [b""]

    def client_authenticated(self, environ, form):
        header = environ.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Basic "):
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        else:
            client_id, secret = form.get("client_id"), form.get("client_secret")
        return (client_id, secret) == (CLIENT_ID, CLIENT_SECRET)

    def token(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = {
            name: values[0] for name, values in parse_qs(environ["wsgi.input"].read(length).decode()).items()
        }
        if not self.client_authenticated(environ, form):
            return self.json_response(start_response, {"error": "invalid_client"}, "401 Unauthorized")
        grant = self.codes.pop(form.get("code"), None)  # a code is good once
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if (
            grant is None
            or grant["redirect_uri"] != form.get("redirect_uri")
            or grant["code_challenge"] != challenge
        ):
            return self.json_response(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": grant["person"]["pid"],
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            **grant["person"],
        }
        key = self.key
        if self.misbehave == "forged_signature":
            key = self.forged_key
        elif self.misbehave == "wrong_issuer":
            claims["iss"] = "https://imposter.example"
        elif self.misbehave == "wrong_audience":
            claims["aud"] = "another-portal"
        elif self.misbehave == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 1800
        id_token = jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)
        return self.json_response(
            start_response,
            {
                "access_token": secrets.token_urlsafe(16),
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": id_token,
            },
        )
