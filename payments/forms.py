from django import forms
from django.utils.translation import gettext_lazy as _

from service_requests.uploads import ACCEPTED_TYPES

from .actions import refund_reason_required_message


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
    """The message of the panel's confirm and refuse buttons: one box for both, sent with
    whichever is clicked (optional with a confirmation, the reason of a refusal)."""

    message = forms.CharField(
        label=_("Message to the applicant"),
        help_text=_(
            "Sent with the button you click. Optional when you confirm the payment; required when "
            "you refuse it (the reason). The applicant receives it by e-mail and on the request's page."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    @classmethod
    def showing(cls, typed="", errors=()):
        """The box with what was typed before nothing was saved and why (the panel's actions
        redirect back to the process page: views.officer_action)."""
        form = cls(initial={"message": typed})
        if errors:
            form.cleaned_data = {}  # an unbound form has none; add_error updates it
            form.add_error("message", list(errors))
        return form


class RefundForm(forms.Form):
    """The refund's confirmation page: the reason (required: payments.actions.refund_payment) and
    a tick that the money was paid back, before anything is recorded."""

    reason = forms.CharField(
        label=_("Reason for the refund"),
        help_text=_("The applicant receives it by e-mail and on the request's page."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirmed = forms.BooleanField(
        error_messages={"required": _("Please tick the box to confirm the refund.")},
    )

    def __init__(self, *args, amount, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = refund_reason_required_message()
        self.fields["confirmed"].label = _(
            "Confirm the refund: the office has paid %(amount)s baht back to the applicant. A refund "
            "cannot be undone."
        ) % {"amount": f"{amount:,.2f}"}
