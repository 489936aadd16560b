"""The service page's admin form: the service code box offers the built-in services' codes, the
officer group box only the groups that can work requests."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from service_requests.catalogue import builtin_services
from service_requests.queries import officer_group_choices


class ServiceCodeInput(forms.TextInput):
    """A text box with the built-in services' codes to pick from (an HTML datalist)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = self.datalist_id(context["widget"]["attrs"].get("id") or name)
        return context

    @staticmethod
    def datalist_id(input_id):
        return f"{input_id}_services"

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", '<option value="{}">{} {}</option>', ((s.code, s.code, s.name) for s in builtin_services())
        )
        input_id = (attrs or {}).get("id") or name
        return html + format_html('<datalist id="{}">{}</datalist>', self.datalist_id(input_id), options)


def built_in_codes() -> str:
    return ", ".join(f"{service.code} {service.name}" for service in builtin_services())


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
        if "officer_group" in self.fields:
            field = self.fields["officer_group"]
            field.queryset = officer_group_choices(including=self.instance.officer_group_id)
            field.help_text = _(
                "The group of officers who work this service's requests. Only groups that can work "
                "requests are listed: those working an e-service (Settings → Service assignments) and "
                "staff groups that neither edit pages nor supervise, such as a new group for this service."
            )
