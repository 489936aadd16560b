"""Whether LINE is on, and the LINE SDK's configuration (hosts from settings: tests use a stand-in).

The LINE SDK (line-bot-sdk, with aiohttp and its pydantic models: about 35 MB per process) is imported where it
is used (tests/portal/test_layers.py DEFERRED_LIBRARIES): the background worker's pushes and LINE's
webhook; a web worker serving pages never loads it.
"""

from django.conf import settings

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


def messaging_configuration():
    """The SDK's Configuration for the Messaging API."""
    from linebot.v3.messaging import Configuration  # deferred: see the module's docstring

    configuration = Configuration(
        host=settings.LINE_API_HOST.rstrip("/"), access_token=settings.LINE_CHANNEL_ACCESS_TOKEN
    )
    configuration.retries = False  # the worker retries, with backoff (tasks.py)
    return configuration
