"""Reference codes (รหัสอ้างอิง): service code + Bangkok time YYYYMMDDhhmmss, e.g. 1120250331111014.

Two requests to one service in the same second get -2, -3, ... after the second one's code; the
database's unique constraint is the judge, so this holds across processes too.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone


def base_reference(service_code: str, moment) -> str:
    return service_code + timezone.localtime(moment).strftime("%Y%m%d%H%M%S")


def save_with_unique_reference(service_request, *, max_attempts: int = 1000):
    """Insert the request under the first free reference of its second."""
    model = type(service_request)
    base = base_reference(service_request.service_code, service_request.submitted_at)
    attempt = model.objects.filter(reference__startswith=base).count() + 1
    for _ in range(max_attempts):
        service_request.reference = base if attempt == 1 else f"{base}-{attempt}"
        try:
            with transaction.atomic():
                service_request.save(force_insert=True)
            return service_request
        except IntegrityError:
            if not model.objects.filter(reference=service_request.reference).exists():
                raise  # another constraint failed (e.g. the submission key): not ours to retry
            service_request.pk = None
            attempt += 1
    raise RuntimeError(f"No free reference code for {base} after {max_attempts} attempts")
