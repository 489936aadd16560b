from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicePagesConfig(AppConfig):
    name = "service_pages"
    verbose_name = _("Service pages")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .models import ServicePage
        from .signals import forget_unpublished_service, freeze_published_form

        page_published.connect(
            freeze_published_form, sender=ServicePage, dispatch_uid="freeze_published_form"
        )
        page_unpublished.connect(
            forget_unpublished_service, sender=ServicePage, dispatch_uid="forget_unpublished_service"
        )
