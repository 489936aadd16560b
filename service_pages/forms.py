"""The service page's admin form: the service code box offers the built-in services' codes."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from service_requests.catalogue import all_services


class ServiceCodeInput(forms.TextInput):
    """A text box with the built-in services' codes to pick from (an HTML datalist)."""

    template_name = "service_pages/widgets/service_code_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["services"] = [(service.code, service.name) for service in all_services()]
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs'].get('id', name)}_services"
        return context


def built_in_codes() -> str:
    return ", ".join(f"{service.code} {service.name}" for service in all_services())


class ServicePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "service_code" in self.fields:
            field = self.fields["service_code"]
            field.widget = ServiceCodeInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
            field.help_text = format_lazy(
                _(
                    "Built-in services (their forms are part of the system): {codes}. For a service of the "
                    "office's own, type a new two-digit code and build its form in the Form tab."
                ),
                codes=built_in_codes(),
            )
