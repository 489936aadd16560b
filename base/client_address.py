"""The visitor's address, the one every per-address limit counts by (django-axes, the status check,
log-in and registration limits).

Behind TRUSTED_PROXY_COUNT proxies, REMOTE_ADDR is the nearest proxy and each proxy appends the
address it received the request from to X-Forwarded-For. Only the entries those proxies added can
be believed, so the header is read from the right: whatever a visitor puts in it themselves ends up
further left and is ignored. With no trusted proxy (the default) the header is ignored altogether.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def forwarded_chain(request) -> list[str]:
    """The addresses a request passed through, farthest first, ending with REMOTE_ADDR."""
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    return [*hops, request.META.get("REMOTE_ADDR", "")]


def is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def client_address(request) -> str:
    """The address of whoever sent the request, as far as the trusted proxies vouch for it."""
    remote_address = request.META.get("REMOTE_ADDR", "")
    trusted_proxies = settings.TRUSTED_PROXY_COUNT
    if trusted_proxies <= 0:
        return remote_address
    chain = forwarded_chain(request)
    # Each trusted proxy accounts for one hop from the right; a shorter chain means the request
    # came in past some of them (a health check), and its left-most hop is still one they added.
    candidate = chain[max(0, len(chain) - 1 - trusted_proxies)]
    return candidate if is_address(candidate) else remote_address


def address_hash(address: str) -> str:
    """A keyed hash of an address: counters store this, never the address itself."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
