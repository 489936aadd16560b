"""Sharing configured services between offices, in the Wagtail admin (administrators only): a
service page's definition downloaded as a JSON file, and such a file imported as a draft page."""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from service_forms.definition import DefinitionError

from . import actions
from .models import ServiceIndexPage, ServicePage

MAX_DEFINITION_BYTES = 1024 * 1024


def _administrators_only(user):
    if not user.is_superuser:
        raise PermissionDenied


def export_definition(request, page_id):
    """The page's definition as it stands in the editor (its latest revision), as a download."""
    _administrators_only(request.user)
    page = get_object_or_404(ServicePage, pk=page_id).get_latest_revision_as_object()
    response = JsonResponse(
        page.service_definition().to_json(), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="service-{page.service_code}.json"'
    return response


class DefinitionFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Definition file (JSON)"),
        help_text=gettext_lazy(
            "A file exported from a service page of this portal, at this or another office."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DEFINITION_BYTES:
            raise forms.ValidationError(_("The file is too large for a form definition (at most 1 MB)."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(_("The file is not a JSON file.")) from error


class ImportDefinitionView(WagtailAdminTemplateMixin, FormView):
    template_name = "service_pages/admin/import_definition.html"
    form_class = DefinitionFileForm
    page_title = gettext_lazy("Import a service")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        _administrators_only(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def services_index(self):
        return ServiceIndexPage.objects.filter(locale=Locale.get_default()).first()

    def form_valid(self, form):
        parent = self.services_index()
        if parent is None:
            form.add_error(None, _("There is no services page to put the new service under."))
            return self.form_invalid(form)
        try:
            page = actions.import_service_definition(
                parent_page=parent, data=form.cleaned_data["file"], user=self.request.user
            )
        except DefinitionError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The service “%(title)s” was imported as a draft: check it, then publish it.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
