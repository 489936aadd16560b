"""Moving the clock forward without sleeping: Django's signing (e-mail links), its password reset
tokens and timezone.now() (the counter's codes) all read the moved time."""

import time
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone

_real_now = timezone.now
_real_token_now = PasswordResetTokenGenerator._now


@contextmanager
def clock_moved(delta: timedelta):
    seconds = delta.total_seconds()
    with (
        mock.patch("django.core.signing.time", SimpleNamespace(time=lambda: time.time() + seconds)),
        mock.patch.object(PasswordResetTokenGenerator, "_now", lambda self: _real_token_now(self) + delta),
        mock.patch("django.utils.timezone.now", lambda: _real_now() + delta),
    ):
        yield
