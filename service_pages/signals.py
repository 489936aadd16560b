"""Signal handlers of the service pages: they only hand over to an action."""

from service_requests.catalogue.configured import forget_configured_services

from .actions import publish_configured_service


def freeze_published_form(sender, instance, revision, **kwargs):
    """Wagtail's page_published of any service page."""
    publish_configured_service(page=instance, revision=revision, user=None)


def forget_unpublished_service(sender, instance, **kwargs):
    """Wagtail's page_unpublished: the catalogue reads again whether the service takes requests."""
    if instance.is_configured:
        forget_configured_services()
