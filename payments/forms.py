from django import forms
from django.utils.translation import gettext_lazy as _

from service_requests.uploads import ACCEPTED_TYPES


class SlipForm(forms.Form):
    slip = forms.FileField(
        label=_("Proof of payment"),
        help_text=_("A picture (PNG or JPG) or PDF of the transfer slip, at most 5 MB."),
        error_messages={"required": _("Please choose the file of the transfer slip.")},
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(sorted({t.content_type for t in ACCEPTED_TYPES.values()}))}
        ),
    )

    @classmethod
    def showing(cls, errors=()):
        """An empty form with the errors of the slip last sent by its file box: the slip step
        redirects back to the request's page, and its errors come with it (views.send_slip)."""
        form = cls()
        if errors:
            form.cleaned_data = {}  # an unbound form has none; add_error updates it
            form.add_error("slip", list(errors))
        return form


class OfficerPaymentForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
