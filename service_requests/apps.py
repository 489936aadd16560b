from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceRequestsConfig(AppConfig):
    name = "service_requests"
    verbose_name = _("Service requests")

    def ready(self):
        from wagtail.models import ReferenceIndex

        from .catalogue import all_services
        from .models import ServiceAssignment, ServiceRequest

        # Requests keep their applicant, services' own rows what administrators keep (a room, an
        # executive), assignments their group, all with on_delete=PROTECT. Indexed here, not only
        # by the admin's viewsets (registered when the admin's URLs load), so that requests filed
        # before that (the demo loader, a worker) count in the usage and protect what they keep.
        for model in (
            ServiceRequest,
            ServiceAssignment,
            *(service.details_model for service in all_services()),
        ):
            ReferenceIndex.register_model(model)
