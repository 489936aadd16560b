"""The applicant's proof of payment and picture of the code to pay with, the slip downloads, and
the officers' confirm/refuse (the process page's panel) and refund (its own confirmation page).

Views ask and hand every change to payments.actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView, View

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from base.admin_views import link_errors
from base.faults import kept_on_fault
from base.links import portal_base_url
from base.templatetags.site_messages import field_tags, section_tags
from service_requests import queries as request_queries
from service_requests.access_record import RecordsStaffAccess
from service_requests.downloads import content_download, file_download
from service_requests.models import AccessKind
from service_requests.permissions import RequestPermissionTester
from service_requests.workflow import CLOSED

from . import actions, promptpay, queries
from .forms import OfficerPaymentForm, RefundForm, SlipForm
from .models import PaymentSettings, PaymentState
from .presentation import amount_label, payment_code

PAYMENT_ANCHOR = "#payment"
# The slip step lands on #payment, far below the top of the page on a phone: its messages are
# shown in the payment section (base.templatetags.site_messages), where the applicant is.
PAYMENT_MESSAGE_TAGS = section_tags("payment")
# A refused slip is said by the file box, where the applicant picks another (wagtail_hooks).
SLIP_ERROR_TAGS = field_tags("payment", "slip")
# The slip's form in the payment section (templates/payments/applicant_section.html).
SLIP_FORM_ANCHOR = "#payment-slip"
# Wagtail's panel with id="payment" is the section id="payment-section" on the process page.
PROCESS_PAYMENT_ANCHOR = "#payment-section"
# Pixels per module: a code of about 45 modules with its border comes out about 450 px wide,
# sharp enough for a bank app reading it from the phone's gallery.
QR_PICTURE_SCALE = 10


@login_required
@require_http_methods(["GET", "POST"])
def send_slip(request, reference):
    """หลักฐานการชำระเงิน from the applicant's request page; back to it, with what happened (a GET
    just goes to the page)."""
    service_request = request_queries.request_of_applicant(request.user, reference)
    if service_request is None:
        raise Http404
    page_url = reverse("service_requests:detail", args=[reference])
    detail_url = page_url + PAYMENT_ANCHOR
    if request.method != "POST":
        return redirect(detail_url)
    # A request of a service without payment has no payment section: its messages stay on top.
    takes_payment = queries.takes_payment(service_request.service)
    tags = PAYMENT_MESSAGE_TAGS if takes_payment else ""
    form = SlipForm(request.POST, request.FILES)
    if not form.is_valid():
        return _slip_refused(request, form.errors.get("slip", []), page_url, takes_payment)
    try:
        slip = actions.send_slip(
            applicant=request.user, service_request=service_request, uploaded=form.cleaned_data["slip"]
        )
    except ValidationError as error:  # the file refused: not a slip, too large, already used
        return _slip_refused(request, error.messages, page_url, takes_payment)
    except PermissionDenied as error:  # no slip now at all: said in the section's messages
        messages.error(request, str(error), extra_tags=tags)
    else:
        if slip.verification_code_read:
            messages.success(
                request, _("Proof of payment received. An officer will confirm the payment."), extra_tags=tags
            )
        else:
            messages.success(
                request,
                _(
                    "Proof of payment received. No bank slip QR code was found on it, so an officer "
                    "will check the slip by eye."
                ),
                extra_tags=tags,
            )
    return redirect(detail_url)


def _slip_refused(request, errors, page_url, takes_payment):
    """Back to the file box, with why the slip was refused by it (a phone shows the box and the
    error together, not the top of the section far above)."""
    if not takes_payment:  # no payment section, no file box: said at the top of the page
        for error in errors:
            messages.error(request, error)
        return redirect(page_url + PAYMENT_ANCHOR)
    for error in errors:
        messages.error(request, error, extra_tags=SLIP_ERROR_TAGS)
    return redirect(page_url + SLIP_FORM_ANCHOR)


@login_required
@require_http_methods(["GET"])
def qr_picture(request, reference):
    """The code to pay with as a PNG, the same as the page shows, for a phone's gallery (a bank
    app pays from a saved picture): the applicant's own request only, while the code is offered."""
    service_request = request_queries.request_of_applicant(request.user, reference)
    if service_request is None:
        raise Http404
    standing = queries.standing_of(service_request)
    if standing is None or not queries.code_is_offered(service_request, standing):
        raise Http404
    code = payment_code(PaymentSettings.for_request(request), service_request, standing.amount)
    if code is None:
        raise Http404
    return content_download(
        promptpay.qr_png(code.payload, scale=QR_PICTURE_SCALE),
        f"promptpay-{service_request.reference}.png",
        "image/png",
    )


@method_decorator(login_required, name="dispatch")
class SlipView(RecordsStaffAccess, View):
    """A transfer slip, for the applicant and the officers of the service; an officer's download
    is recorded like an attachment's."""

    access_kind = AccessKind.ATTACHMENT
    access_detail = "payment slip"

    def get(self, request, reference, slip_id):
        self.object = request_queries.request_with_reference(reference)
        if self.object is None or not RequestPermissionTester(request.user, self.object).can_view():
            raise Http404
        slip = queries.slip_of_request(self.object, slip_id)
        if slip is None:
            raise Http404
        return file_download(slip.file, slip.original_name, slip.content_type)


OFFICER_ACTIONS = {
    "confirm": (actions.confirm_payment, PaymentState.CONFIRMED),
    "refuse": (actions.refuse_payment, PaymentState.PENDING),
}
# An error of the panel's message box, said by the box (wagtail_hooks.officer_payment_panel) as
# well as at the top of the page: the page lands on the panel.
MESSAGE_ERROR_TAGS = field_tags("payment", "message")


def kept_message_key(reference) -> str:
    """Where the session keeps what the officer typed in the panel's message box when nothing was
    saved, for the panel to show it again (wagtail_hooks.officer_payment_panel)."""
    return f"payments:officer_message:{reference}"


@require_http_methods(["GET", "POST"])
def officer_action(request, reference, action):
    """Confirm or refuse, each with the panel's message (a refusal's required), from the process
    page's payment panel; back to it with what happened, what was typed kept when nothing was
    saved. Anyone but an officer of the service gets 404. A refund has its own page (RefundView)."""
    service_request = request_queries.request_with_reference(reference)
    if (
        service_request is None
        or action not in OFFICER_ACTIONS
        or not actions.can_handle(request.user, service_request)
    ):
        raise Http404
    process_url = reverse("service_request_admin:process", args=[service_request.pk]) + PROCESS_PAYMENT_ANCHOR
    if request.method != "POST":  # the panel's forms post here; a GET goes to the page
        return redirect(process_url)
    form = OfficerPaymentForm(request.POST)
    typed = request.POST.get("message", "")
    act, state = OFFICER_ACTIONS[action]
    if not form.is_valid():  # too long: said by the box, nothing saved
        return _message_refused(request, reference, typed, form.errors.get("message", []), process_url)
    try:
        act(
            actor=request.user,
            service_request=service_request,
            message=form.cleaned_data["message"],
            base_url=portal_base_url(request),
        )
    except ValidationError as error:  # a refusal without its reason
        return _message_refused(request, reference, typed, error.messages, process_url)
    except PermissionDenied as error:  # changed meanwhile: the panel shows what is possible now
        messages.error(request, str(error))
        if typed.strip():  # the box may be gone: the message is said, to be copied
            messages.warning(
                request, _("Your message was not sent to the applicant: “%(message)s”") % {"message": typed}
            )
        return redirect(process_url)
    messages.success(
        request,
        _("Saved. The payment of %(reference)s is now “%(state)s”.")
        % {"reference": service_request.reference, "state": state.label},
    )
    return redirect(process_url)


def _message_refused(request, reference, typed, errors, process_url):
    for text in errors:
        messages.error(request, text, extra_tags=MESSAGE_ERROR_TAGS)
    if typed.strip():
        request.session[kept_message_key(reference)] = typed
    return redirect(process_url)


class RefundView(RecordsStaffAccess, WagtailAdminTemplateMixin, TemplateView):
    """บันทึกการคืนเงิน: its own page, like cancelling a request. The officer gives the reason
    (required, e-mailed to the applicant) and ticks that the money was paid back; without either
    the page comes back with the error and what was typed, and nothing is recorded."""

    template_name = "payments/refund.html"
    page_title = gettext_lazy("Record a refund")
    header_icon = "rotate"
    access_kind = AccessKind.VIEWED
    access_detail = "refund"

    def dispatch(self, request, *args, **kwargs):
        self.object = request_queries.request_with_reference(kwargs["reference"])
        if self.object is None or not actions.can_handle(request.user, self.object):
            raise Http404
        self.standing = queries.standing_of(self.object)
        self.process_url = reverse("service_request_admin:process", args=[self.object.pk])
        return super().dispatch(request, *args, **kwargs)

    def may_refund(self):
        payment = self.standing.payment if self.standing is not None else None
        return actions.can_refund(self.request.user, self.object, payment)

    def refuse(self):
        """Back to the panel, saying why there is nothing to refund here."""
        messages.error(self.request, _("There is no confirmed payment to refund on this request."))
        return redirect(self.process_url + PROCESS_PAYMENT_ANCHOR)

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return RefundForm(data, amount=self.standing.amount)

    def get(self, request, *args, **kwargs):
        if not self.may_refund():
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.may_refund():
            return self.refuse()
        form = self.get_form()
        if form.is_valid():
            with kept_on_fault(request, form, where="refund"):
                try:
                    actions.refund_payment(
                        actor=request.user,
                        service_request=self.object,
                        message=form.cleaned_data["reason"],
                        base_url=portal_base_url(request),
                    )
                except PermissionDenied:
                    return self.refuse()
                except ValidationError as error:
                    form.add_error("reason", error)
                else:
                    messages.success(
                        request,
                        _("Saved. The payment of %(reference)s is now “%(state)s”.")
                        % {"reference": self.object.reference, "state": PaymentState.REFUNDED.label},
                    )
                    return redirect(self.process_url + PROCESS_PAYMENT_ANCHOR)
        link_errors(form)
        return self.render_to_response(self.get_context_data(form=form))

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("service_request_admin:index"), "label": _("Service requests")},
            {"url": self.process_url, "label": self.object.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            service_request=self.object,
            standing=self.standing,
            payment=self.standing.payment,
            amount_label=amount_label(self.standing, officer=True),
            form=kwargs.get("form") or self.get_form(),
            refund_url=reverse("payments_admin:refund", args=[self.object.reference]),
            process_url=self.process_url + PROCESS_PAYMENT_ANCHOR,
            # A completed request stays completed: the refund changes only its payment.
            request_closed=self.object.status in CLOSED,
        )
        return context
