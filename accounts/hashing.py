"""The keyed hash that stands for a citizen ID once its holder's personal data is erased: the
same person's ID gives the same hash, so the office can still match them; nobody can read the
ID back without the key."""

import hashlib
import hmac

from django.conf import settings

from .validators import normalize_citizen_id


def citizen_id_hash(citizen_id: str) -> str:
    """64 hex digits: HMAC-SHA256 of the normalised ID under CITIZEN_ID_HASH_KEY (or SECRET_KEY)."""
    key = settings.CITIZEN_ID_HASH_KEY or settings.SECRET_KEY
    message = f"citizen-id:{normalize_citizen_id(citizen_id)}"
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()
