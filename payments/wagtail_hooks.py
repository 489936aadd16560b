"""The payment section of a request's pages (through service_requests' hooks), the officers' URLs
and the audit log's names for payment steps."""

from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from base.dates import format_date
from base.links import email_url
from base.templatetags.site_messages import field_errors
from service_requests import hooks as request_hooks

from . import actions, queries, tasks, urls, views
from .forms import OfficerPaymentForm, SlipForm
from .models import PaymentSettings, PaymentState
from .presentation import amount_in_thai_words, amount_label, payment_code


@hooks.register("register_log_actions")
def register_payment_log_actions(log_actions):
    log_actions.register_action(
        "payments.send_slip", _("Send proof of payment"), _("Sent a proof of payment")
    )
    log_actions.register_action("payments.confirm", _("Confirm payment"), _("Confirmed the payment"))
    log_actions.register_action("payments.refuse", _("Refuse payment"), _("Refused the payment"))
    log_actions.register_action("payments.refund", _("Refund payment"), _("Refunded the payment"))


@hooks.register("register_admin_urls")
def register_payment_admin_urls():
    return [path("", include((urls.admin_urlpatterns, "payments_admin"), namespace="payments_admin"))]


def _payment_context(request, service_request):
    standing = queries.standing_of(service_request)
    if standing is None:
        return None
    settings = PaymentSettings.for_request(request)
    shows_code = queries.code_is_offered(service_request, standing)
    return {
        "service_request": service_request,
        "standing": standing,
        "amount": standing.amount,
        "amount_label": amount_label(standing),
        # Changed after it was paid: what was paid and what it costs now (the pages show both).
        "repriced": standing.repriced,
        "due": standing.due,
        "payment": standing.payment,
        "state": standing.state,
        "code": payment_code(settings, service_request, standing.amount) if shows_code else None,
        "slips": queries.slips_of(standing.payment),
        "events": queries.events_of(standing.payment),
    }


@hooks.register(request_hooks.REQUEST_PAGE_SECTIONS)
def applicant_payment_section(request, service_request, page):
    if page == "edit":
        return payment_edit_notice(request, service_request)
    context = _payment_context(request, service_request)
    if context is None:
        return ""
    context |= {
        "page": page,
        "may_send_slip": page == "detail"
        and actions.can_send_slip(request.user, service_request, context["payment"]),
        # A slip just refused: its errors by the file box (views.send_slip sends them).
        "slip_form": SlipForm.showing(field_errors(get_messages(request), "payment", "slip")),
    }
    return render_to_string("payments/applicant_section.html", context, request=request)


def payment_edit_notice(request, service_request):
    """On the edit page of a request whose slip was sent (or payment confirmed): changing what it
    costs leaves the payment not matching it, so the applicant is told before, not after."""
    standing = queries.standing_of(service_request)
    if standing is None or not standing.proof_sent:
        return ""
    return render_to_string(
        "payments/edit_notice.html",
        {"state": standing.state, "amount": standing.amount, "amount_label": amount_label(standing)},
        request=request,
    )


@hooks.register(request_hooks.REQUEST_EMAIL_SECTIONS)
def payment_in_the_received_email(service_request, email, base_url):
    """The "received" e-mail of a request to be paid says how much and links to where to pay: an
    applicant who closed the confirmation page learns it from the e-mail."""
    if email != "submitted":
        return ""
    standing = queries.standing_of(service_request)
    if standing is None or not standing.amount or not queries.code_is_offered(service_request, standing):
        return ""
    url = email_url(
        "service_requests:detail",
        args=[service_request.reference],
        base_url=base_url or None,
        fragment="payment",
    )
    context = {
        "amount": standing.amount,
        "amount_label": amount_label(standing),
        "amount_in_words": amount_in_thai_words(standing.amount),
        "url": url,
    }
    return render_to_string("payments/email/submitted_section.txt", context)


@hooks.register(request_hooks.REQUEST_PROCESS_SECTIONS)
def officer_payment_panel(request, service_request):
    context = _payment_context(request, service_request)
    if context is None:
        return ""
    state = context["state"]
    # What the officer typed when nothing was saved (a refusal without its reason, a payment
    # changed meanwhile) comes back in the box, with the box's error (views.officer_action).
    typed = request.session.pop(views.kept_message_key(service_request.reference), "")
    context |= {
        "amount_label": amount_label(context["standing"], officer=True),
        "may_handle": actions.can_handle(request.user, service_request),
        "may_confirm": state == PaymentState.SLIP_SENT,
        "may_refund": actions.can_refund(request.user, service_request, context["payment"]),
        "message_form": OfficerPaymentForm.showing(
            typed, field_errors(get_messages(request), "payment", "message")
        ),
    }
    return render_to_string("payments/process_panel.html", context, request=request)


@hooks.register(request_hooks.REQUEST_MOVE_GUARDS)
def completion_waits_for_payment(service_request, to_status, role):
    """An officer completes a request with a fee only once its payment is confirmed: the process
    page does not offer the move (it says why), and the action, a bulk move too, refuses it."""
    return actions.completion_refusal(service_request, to_status)


@hooks.register(request_hooks.REQUEST_HISTORY_ENTRIES)
def payment_history_entries(service_request):
    """Each step of the request's payment as a line of its history: "การชำระเงิน: ยืนยันการชำระแล้ว"."""
    if not queries.takes_payment(service_request.service):
        return
    for event in queries.events_of(queries.payment_of(service_request)):
        text = _("Payment: %(state)s") % {"state": event.get_to_state_display()}
        if event.message:
            text = f"{text} ({event.message})"
        yield event.created_at, event.actor, text


@hooks.register(request_hooks.REQUEST_PRINTOUT_ROWS)
def payment_printout_rows(service_request):
    """The payment on the request's printout: "ชำระแล้ว เมื่อวันที่ 5 มีนาคม 2568" and the amount,
    labelled as on the applicant's page (with the new total of a request changed since)."""
    standing = queries.standing_of(service_request)
    if standing is None:
        return []
    payment, state = standing.payment, standing.state
    if state == PaymentState.CONFIRMED:
        shown = _("Paid, confirmed on %(date)s") % {"date": format_date(payment.confirmed_at)}
    elif state == PaymentState.REFUNDED:
        shown = _("Refunded on %(date)s") % {"date": format_date(payment.refunded_at)}
    else:
        shown = state.label
    rows = [
        (str(_("Payment status")), str(shown)),
        (str(amount_label(standing)), f"{standing.amount:,.2f} {_('baht')}"),
    ]
    if standing.repriced:
        rows.append((str(_("New total of the request")), f"{standing.due:,.2f} {_('baht')}"))
    return rows


@hooks.register(request_hooks.REQUEST_PRINTOUT_CHANGED)
def payment_printout_changed(service_request):
    """The last step of the payment: a completed order's signed printout issued before it (say,
    before a refund) is issued again, with the new state."""
    if not queries.takes_payment(service_request.service):
        return None
    return queries.last_step_at(service_request)


@hooks.register(request_hooks.REQUEST_EDITED)
def tell_officers_of_a_repriced_payment(request_id, base_url):
    """An applicant's edit that leaves a paid (or proof-sent) request costing something else is
    e-mailed to its officers: the process page says so too, but nobody looks at it unasked."""
    standing = queries.standing_of_request_id(request_id)
    if standing is not None and standing.repriced:
        tasks.email_officers_repriced.enqueue(request_id, base_url)


@hooks.register(request_hooks.REQUEST_DEIDENTIFIED)
def deidentify_payment(service_request, redact):
    actions.deidentify_payment(service_request=service_request, redact=redact)
