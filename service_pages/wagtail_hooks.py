from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .admin_views import ImportDefinitionView, export_definition
from .models import ServicePage


@hooks.register("register_admin_urls")
def register_service_definition_urls():
    return [
        path(
            "service-pages/<int:page_id>/definition.json",
            export_definition,
            name="service_pages_export_definition",
        ),
        path("service-pages/import/", ImportDefinitionView.as_view(), name="service_pages_import_definition"),
    ]


def _is_configured_service_page(page):
    specific_class = page.specific_class
    return specific_class is not None and issubclass(specific_class, ServicePage)


@hooks.register("register_page_header_buttons")
def export_definition_header_button(page, user, view_name=None, next_url=None):
    if user.is_superuser and _is_configured_service_page(page) and page.specific_deferred.is_configured:
        yield Button(
            _("Export form definition"),
            reverse("service_pages_export_definition", args=[page.pk]),
            icon_name="download",
            priority=70,
        )


@hooks.register("register_page_listing_more_buttons")
def export_definition_listing_button(page, user, next_url=None):
    yield from export_definition_header_button(page, user)


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_import_definition_menu_item():
    return AdministratorMenuItem(
        _("Import a service"),
        reverse("service_pages_import_definition"),
        name="service-pages-import-definition",
        icon_name="upload",
        order=950,
    )
