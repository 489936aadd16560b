"""gunicorn's settings for the portal (README, Production). Every value can be changed from the
environment (the systemd unit's EnvironmentFile); one app server is one gunicorn master on one port:
    gunicorn -c gunicorn.conf.py portal.wsgi
"""

import json
import os
from datetime import UTC, datetime

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers, one request at a time each: 2 × cores + 1 is gunicorn's rule of thumb. Each has its
# own PostgreSQL pool of at most DB_POOL_MAX_SIZE connections (portal/settings/production.py).
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
worker_class = "sync"
# A request slower than this is killed (its worker restarted); nginx waits a little longer
# (proxy_read_timeout 65s) so the user sees the portal's answer, not the proxy's.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Workers are replaced after this many requests (± jitter, so not all at once): memory stays bounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# Header limits equal nginx's large_client_header_buffers (8k): a request line or header nginx
# passes, gunicorn takes. The body limit is nginx's client_max_body_size and Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE (REQUEST_BODY_MAX_MB); gunicorn has none of its own.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Only nginx on this machine connects; it alone sets X-Forwarded-For/Proto.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips
# Off: each worker loads the portal itself, so no database pool or thread is ever shared across a
# fork. On (GUNICORN_PRELOAD=true) saves memory; the portal touches no database while loading.
preload_app = os.environ.get("GUNICORN_PRELOAD", "false").lower() == "true"
# Access and error logs on stdout/stderr, as JSON lines (the journal keeps them).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = f"oss-portal-{bind.rsplit(':', 1)[-1]}"


class JsonLogger(Logger):
    """One JSON line per request: method, path, status, duration, the request ID nginx gave it, the
    app server's port. No query string (a status check's reference) and no client address beyond
    the proxy's: nginx's own log has the visitor's."""

    def access(self, resp, req, environ, request_time):
        if not (self.cfg.accesslog or self.cfg.logconfig or self.cfg.syslog):
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "logger": "gunicorn.access",
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "status": int(status),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "bytes": getattr(resp, "sent", None),
            "request_id": environ.get("HTTP_X_REQUEST_ID"),
            "server": bind,
            "pid": os.getpid(),
        }
        try:
            self.access_log.info(json.dumps(entry))
        except Exception:  # a log line must never break a response
            self.exception("Failed to write the access log")


logger_class = JsonLogger
