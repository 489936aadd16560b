"""The service page's "Form" tab in the admin: a built-in service's page says what the service
runs with, and hides the builder, whose settings and fields apply to the office's own services only.

The builder's panels stay in the form (hidden, their values posted back unchanged), so a page whose
code an editor changes keeps working: once its code is not a built-in one, the builder shows.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from service_requests.catalogue import CATALOGUE
from service_requests.queries import service_operation


def is_built_in_page(page) -> bool:
    return page is not None and page.service_code in CATALOGUE


class BuiltInServicePanel(Panel):
    """On a built-in service's page only: this service is part of the system, and the officer
    group, working days and retention period it runs with now (service_requests.queries)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Built-in service"))
        kwargs.setdefault("icon", "info-circle")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "service_pages/admin/built_in_service_panel.html"

        def is_shown(self):
            return is_built_in_page(self.instance)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            code = self.instance.service_code
            context["service"] = CATALOGUE[code]
            context["operation"] = service_operation(code)
            context["can_change_assignments"] = self.request is not None and self.request.user.has_perm(
                "service_requests.change_serviceassignment"
            )
            return context


def _builder_attrs(bound_panel) -> dict:
    """The panel's attributes, with `hidden` on a built-in service's page, unless one of its fields
    has an error to show (e.g. a form left on a page given a built-in code)."""
    attrs = dict(bound_panel.panel.attrs)
    if is_built_in_page(bound_panel.instance):
        fields = bound_panel.panel.get_form_options().get("fields", [])
        errors = bound_panel.form.errors if bound_panel.form is not None else {}
        if not any(name in errors for name in fields):
            attrs["hidden"] = True
    return attrs


class OwnServiceFieldPanel(FieldPanel):
    """A FieldPanel of the builder: hidden on a built-in service's page."""

    class BoundPanel(FieldPanel.BoundPanel):
        @property
        def attrs(self):
            return _builder_attrs(self)


class OwnServiceMultiFieldPanel(MultiFieldPanel):
    """A MultiFieldPanel of the builder: hidden on a built-in service's page."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        @property
        def attrs(self):
            return _builder_attrs(self)
