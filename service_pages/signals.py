"""Signal handlers of the service pages: they only hand over to an action."""

from wagtail.models import Locale

from service_forms.actions import freeze_form_version


def freeze_published_form(sender, instance, revision, **kwargs):
    """Wagtail's page_published: a configured service's published form becomes its next frozen
    version (the Thai page's: it holds both languages' labels; a translation shares its code)."""
    if instance.is_configured and instance.locale_id == Locale.get_default().pk:
        freeze_form_version(page=instance, revision=revision, user=None)
