"""Log lines as JSON, one per line on stdout (production's LOGGING): time, level, logger,
message, the request's ID and the signed-in user's ID (base.request_id), and for errors the
traceback. Only those fields: what a call passes as `extra` (a request object, a form's data)
is left out, so no personal data reaches the logs that way."""

import json
import logging
from datetime import UTC, datetime

from .request_id import current_request_id, current_user_id


class RequestContextFilter(logging.Filter):
    """Adds request_id and user_id to every record (None outside a request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        if not hasattr(record, "user_id"):
            record.user_id = current_user_id()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int):
            entry["status_code"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_logging(level="INFO"):
    """The LOGGING setting: JSON lines on stdout; Django's request errors with their traceback."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_context": {"()": "base.log.RequestContextFilter"}},
        "formatters": {"json": {"()": "base.log.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "filters": ["request_context"],
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Django's own loggers propagate to the root; django.server is runserver's only.
            "django": {"level": level},
            "django.db.backends": {"level": "WARNING"},
            # Libraries that narrate their work at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            "pikepdf": {"level": "WARNING"},
            "botocore": {"level": "WARNING"},
        },
    }
