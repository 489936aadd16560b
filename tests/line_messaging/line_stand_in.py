"""A stand-in for LINE's platform on 127.0.0.1, in a thread: the LINE Login endpoints the portal
uses (authorize, which logs in whoever the test says at once; token, checking the client, the code,
the redirect URI and the PKCE verifier, and answering an ID token signed HS256 with the channel
secret as LINE does for a web log-in; the friendship status) and the Messaging API's push endpoint,
which checks the channel access token and records every request's headers and JSON body. A test
scripts the push answers (500, 429, 400, ...) to see the portal's retries and failures."""

import base64
import hashlib
import json
import secrets
import threading
import time
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from joserfc import jwt
from joserfc.jwk import OctKey

LOGIN_CHANNEL_ID = "1650000000"
LOGIN_CHANNEL_SECRET = "login-channel-secret-for-tests"
CHANNEL_SECRET = "messaging-channel-secret-for-tests"
CHANNEL_ACCESS_TOKEN = "channel-access-token-for-tests"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class LineStandIn:
    def __init__(self):
        self.server = make_server(
            "127.0.0.1", 0, self.app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
        )
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.line_user_id = "U" + "4af4980629" * 3 + "12"
        self.is_friend = True
        self.refuse_login = False
        self.misbehave = (
            None  # "forged_signature", "wrong_issuer", "wrong_audience", "expired", "wrong_nonce"
        )
        self.codes, self.tokens = {}, set()
        self.authorize_requests = []
        self.pushes = []  # {"headers": {...}, "body": {...}}
        self.push_answers = []  # (status, body[, headers]) to answer in turn; then 200

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def answer_pushes(self, *answers):
        self.push_answers = list(answers)

    # WSGI

    def app(self, environ, start_response):
        routes = {
            ("GET", "/oauth2/v2.1/authorize"): self.authorize,
            ("POST", "/oauth2/v2.1/token"): self.token,
            ("GET", "/friendship/v1/status"): self.friendship,
            ("POST", "/v2/bot/message/push"): self.push,
        }
        handler = routes.get((environ["REQUEST_METHOD"], environ["PATH_INFO"]))
        if handler is None:
            return self.json(start_response, {"message": "Not found"}, "404 Not Found")
        return handler(environ, start_response)

    def json(self, start_response, data, status="200 OK", headers=()):
        start_response(status, [("Content-Type", "application/json"), *headers])
        return [json.dumps(data).encode()]

    def authorize(self, environ, start_response):
        query = {name: values[0] for name, values in parse_qs(environ["QUERY_STRING"]).items()}
        self.authorize_requests.append(query)
        if (
            query.get("response_type") != "code"
            or query.get("client_id") != LOGIN_CHANNEL_ID
            or query.get("code_challenge_method") != "S256"
            or not query.get("state")
        ):
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"bad request"]
        if self.refuse_login:
            answer = {
                "error": "access_denied",
                "error_description": "The user has denied",
                "state": query["state"],
            }
        else:
            code = secrets.token_urlsafe(16)
            self.codes[code] = {
                "redirect_uri": query["redirect_uri"],
                "nonce": query.get("nonce"),
                "code_challenge": query["code_challenge"],
                "user_id": self.line_user_id,
            }
            answer = {"code": code, "state": query["state"], "friendship_status_changed": "true"}
        start_response("302 Found", [("Location", f"{query['redirect_uri']}?{urlencode(answer)}")])
        return [b""]

    def token(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
        # LINE takes the client's credentials in the body.
        if (form.get("client_id"), form.get("client_secret")) != (LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET):
            return self.json(start_response, {"error": "invalid_client"}, "400 Bad Request")
        grant = self.codes.pop(form.get("code"), None)  # a code is good once
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if (
            form.get("grant_type") != "authorization_code"
            or grant is None
            or grant["redirect_uri"] != form.get("redirect_uri")
            or grant["code_challenge"] != challenge
        ):
            return self.json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        now = int(time.time())
        claims = {
            "iss": self.url,
            "sub": grant["user_id"],
            "aud": LOGIN_CHANNEL_ID,
            "iat": now,
            "exp": now + 3600,
            "nonce": grant["nonce"],
            "amr": ["pwd"],
            "name": "LINE display name",
        }
        secret = LOGIN_CHANNEL_SECRET
        if self.misbehave == "forged_signature":
            secret = "not-the-channel-secret"
        elif self.misbehave == "wrong_issuer":
            claims["iss"] = "https://imposter.example"
        elif self.misbehave == "wrong_audience":
            claims["aud"] = "1650000001"
        elif self.misbehave == "expired":
            claims["iat"], claims["exp"] = now - 7200, now - 3600
        elif self.misbehave == "wrong_nonce":
            claims["nonce"] = "a-nonce-from-another-log-in"
        id_token = jwt.encode({"alg": "HS256"}, claims, OctKey.import_key(secret.encode()))
        access_token = secrets.token_urlsafe(16)
        self.tokens.add(access_token)
        return self.json(
            start_response,
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": 2592000,
                "refresh_token": secrets.token_urlsafe(16),
                "scope": "profile openid",
                "id_token": id_token,
            },
        )

    def friendship(self, environ, start_response):
        token = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        if token not in self.tokens:
            return self.json(start_response, {"message": "invalid token"}, "401 Unauthorized")
        return self.json(start_response, {"friendFlag": self.is_friend})

    def push(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length)
        headers = {
            name[5:].replace("_", "-").title(): value
            for name, value in environ.items()
            if name.startswith("HTTP_")
        }
        headers["Content-Type"] = environ.get("CONTENT_TYPE", "")
        with self.lock:
            self.pushes.append({"headers": headers, "body": json.loads(raw or b"{}"), "raw": raw.decode()})
            answer = self.push_answers.pop(0) if self.push_answers else None
        request_id = secrets.token_hex(16)
        if headers.get("Authorization") != f"Bearer {CHANNEL_ACCESS_TOKEN}":
            return self.json(
                start_response,
                {
                    "message": "Authentication failed. Confirm that the access token in the authorization header is valid."
                },
                "401 Unauthorized",
                [("x-line-request-id", request_id)],
            )
        if answer is not None:
            status, body, *extra_headers = answer
            headers = [("x-line-request-id", request_id), *(extra_headers[0] if extra_headers else [])]
            return self.json(start_response, body, status, headers)
        sent = [{"id": str(secrets.randbelow(10**18)), "quoteToken": secrets.token_urlsafe(8)}]
        return self.json(start_response, {"sentMessages": sent}, headers=[("x-line-request-id", request_id)])
