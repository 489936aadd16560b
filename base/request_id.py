"""Every request carries an ID: the one the proxy gave it (nginx's $request_id in X-Request-ID),
or one made here. It is in every log line written while the request is served (base.log) and in
the response's X-Request-ID header, so a user's report, the proxy's access log and the portal's
logs meet on one value."""

import re
import uuid
from contextvars import ContextVar

from django.core.signals import request_finished
from django.dispatch import receiver
from django.utils.functional import empty

# The request being served in this thread (gunicorn's sync workers: one at a time).
current_request = ContextVar("current_request", default=None)

HEADER = "X-Request-ID"
# What a proxy's ID may look like: nginx's 32 hex digits, a UUID, any short token. Anything else
# (too long, spaces, quotes) is replaced, so no one can write into the logs through the header.
VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def request_id_from(request):
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if VALID_ID.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: sets request.request_id before anything can log, answers with it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request)
        current_request.set(request)  # until the response is closed: Django logs a 5xx after middleware
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


@receiver(request_finished)
def forget_request(**kwargs):
    current_request.set(None)


def current_request_id():
    request = current_request.get()
    return getattr(request, "request_id", None) if request is not None else None


def current_user_id():
    """The signed-in user's primary key, if the request has already looked the user up.

    Never the citizen ID or the name; and never a database query from inside a log call: a user
    not yet loaded (request.user is lazy) counts as unknown.
    """
    request = current_request.get()
    if request is None:
        return None
    user = request.__dict__.get("user")
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is empty or not getattr(wrapped, "is_authenticated", False):
        return None
    return wrapped.pk
