from django.apps import AppConfig
from django.http import multipartparser
from django.utils.translation import gettext_lazy as _

from PIL import Image

from .uploads import MAX_IMAGE_PIXELS

# Django refuses a multipart part whose headers exceed 1 KB with a bare HTTP 400, and a file name
# of 255 Thai characters alone takes 765 bytes. With this limit a far longer name reaches the
# upload handlers, which shorten it (upload_limits.ShortNames).
MAX_PART_HEADER_BYTES = 16 * 1024


class ServiceRequestsConfig(AppConfig):
    name = "service_requests"
    verbose_name = _("Service requests")

    def ready(self):
        from django.core.signals import request_started
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import ReferenceIndex

        from base.page_cache import purge

        from .catalogue import CATALOGUE, forget_office_choices, read_office_choices_with
        from .catalogue.configured import ConfiguredDetails, forget_configured_services
        from .models import ServiceAssignment, ServiceRequest
        from .queries import kept_id_card_copy_choices

        # The catalogue gives the built-in services as the office runs them (its choices are
        # kept in ServiceAssignment, a model above the catalogue), from the default cache while
        # no assignment changes (base.page_cache.kept_until_purge).
        read_office_choices_with(kept_id_card_copy_choices)
        post_save.connect(purge, sender=ServiceAssignment, dispatch_uid="assignment-saved-purge")
        post_delete.connect(purge, sender=ServiceAssignment, dispatch_uid="assignment-deleted-purge")

        # Requests keep their applicant, services' own rows what administrators keep (a room, an
        # executive), assignments their group, all with on_delete=PROTECT. Indexed here, not only
        # by the admin's viewsets (registered when the admin's URLs load), so that requests filed
        # before that (the demo loader, a worker) count in the usage and protect what they keep.
        for model in (
            ServiceRequest,
            ServiceAssignment,
            *(service.details_model for service in CATALOGUE.values()),
            ConfiguredDetails,
        ):
            ReferenceIndex.register_model(model)
        # Each request reads the configured services and the office's choices afresh (once each,
        # whatever it lists).
        request_started.connect(forget_configured_services, dispatch_uid="forget_configured_services")
        request_started.connect(forget_office_choices, dispatch_uid="forget_office_choices")
        # Django reads this module constant on each parse; there is no setting for it.
        multipartparser.MAX_TOTAL_HEADER_SIZE = max(
            multipartparser.MAX_TOTAL_HEADER_SIZE, MAX_PART_HEADER_BYTES
        )
        # Pillow warns above this many pixels and refuses twice as many wherever it opens an image
        # (the officers' bundle too); check_upload refuses more than this from the header.
        Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
