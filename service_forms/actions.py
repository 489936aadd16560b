"""Writes of the configured services' forms."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import FormVersion


@transaction.atomic
def freeze_form_version(*, page, revision, user=None) -> FormVersion | None:
    """Keep the published page's form as its next version, unless it is the same as the latest.

    `page`: the published page, offering `service_definition()` (service_pages.ServicePage);
    `revision`: the revision just published; `user`: who published it (None for a scheduled
    publication: Wagtail's log context names them when it can). Returns the new version, or None
    when nothing changed.
    """
    if user is not None and not page.permissions_for_user(user).can_publish():
        raise PermissionDenied
    definition = page.service_definition().to_json()
    # Lock the page's versions so two publications at once cannot take the same number.
    latest = FormVersion.objects.select_for_update().filter(page_id=page.pk).order_by("-number").first()
    if latest is not None and latest.definition == definition and latest.service_code == page.service_code:
        return None
    version = FormVersion.objects.create(
        service_code=page.service_code,
        page_id=page.pk,
        number=(latest.number if latest else 0) + 1,
        definition=definition,
        revision=revision,
        created_at=timezone.now(),
    )
    log(
        instance=page,
        action="service_forms.freeze_version",
        user=user,
        revision=revision,
        data={"form_version": version.pk, "number": version.number, "service_code": version.service_code},
    )
    return version


__all__ = ["freeze_form_version"]
