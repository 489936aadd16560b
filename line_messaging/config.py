"""Whether LINE is on, and the LINE SDK's configuration (hosts from settings: tests use a stand-in)."""

from django.conf import settings

from linebot.v3.messaging import Configuration

# LINE answers within seconds; a worker does not wait longer (then retries).
TIMEOUT_SECONDS = 10


def is_configured() -> bool:
    """ "เชื่อมต่อ LINE" is offered, and messages are sent, only with all four settings."""
    return bool(
        settings.LINE_LOGIN_CHANNEL_ID
        and settings.LINE_LOGIN_CHANNEL_SECRET
        and settings.LINE_CHANNEL_SECRET
        and settings.LINE_CHANNEL_ACCESS_TOKEN
    )


def messaging_configuration() -> Configuration:
    configuration = Configuration(
        host=settings.LINE_API_HOST.rstrip("/"), access_token=settings.LINE_CHANNEL_ACCESS_TOKEN
    )
    configuration.retries = False  # the worker retries, with backoff (tasks.py)
    return configuration
