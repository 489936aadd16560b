"""How the LINE app joins the core: a LINE message each time the applicant is notified, its records
beside the request's status history, the profile's "เชื่อมต่อ LINE" section, the audit log's words."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from accounts.hooks import ACCOUNT_CLOSING, ACCOUNT_DATA, PROFILE_SECTIONS
from service_requests.hooks import APPLICANT_NOTIFIED, REQUEST_HISTORY_PANELS

from . import actions, config, queries, tasks
from .models import LineFailure


@hooks.register(APPLICANT_NOTIFIED)
def send_on_line(event, request_id, base_url):
    # Called after the change is committed; the message row is committed when this returns.
    message = actions.queue_request_message(event=event, request_id=request_id, base_url=base_url)
    if message is not None:
        tasks.send_line_message.enqueue(message.pk)


@hooks.register(REQUEST_HISTORY_PANELS)
def line_messages_panel(service_request):
    line_messages = list(queries.messages_of_request(service_request))
    if not line_messages:
        return ""
    return render_to_string("line_messaging/admin/history_panel.html", {"line_messages": line_messages})


@hooks.register(PROFILE_SECTIONS)
def line_profile_section(request):
    if not config.is_configured():
        return ""
    return render_to_string(
        "line_messaging/profile_section.html", {"link": queries.link_of(request.user)}, request=request
    )


@hooks.register(ACCOUNT_DATA)
def line_account_data():
    description = _(
        "your LINE account linked to the portal: its LINE user ID, when it was linked, and whether "
        "you have the office's LINE account as a friend"
    )
    return {"line.json": (description, queries.link_data)}


@hooks.register(ACCOUNT_CLOSING)
def forget_line_account(user):
    actions.forget_line_account(user=user)


class FailedMessageFormatter(LogFormatter):
    """The history's line of a message not sent: why, in the officer's language, then LINE's own
    words ("ส่งข้อความ LINE ไม่สำเร็จ: ผู้ยื่นคำขอบล็อก… (LINE 400: …)")."""

    label = _("LINE message not sent")

    def format_message(self, log_entry):
        data = log_entry.data if isinstance(log_entry.data, dict) else {}
        failure = data.get("failure")
        detail = data.get("reason") or ""  # LINE's own words
        if failure not in LineFailure.values:  # recorded before the kinds were
            text = str(_("A LINE message could not be sent"))
            return f"{text}: {detail}" if detail else text
        text = str(_("A LINE message could not be sent: %(reason)s") % {"reason": LineFailure(failure).label})
        return f"{text} ({detail})" if detail else text


@hooks.register("register_log_actions")
def register_line_log_actions(actions_registry):
    actions_registry.register_action("line_messaging.link", _("Link LINE"), _("Linked a LINE account"))
    actions_registry.register_action(
        "line_messaging.unlink", _("Unlink LINE"), _("Unlinked the LINE account")
    )
    actions_registry.register_action(
        "line_messaging.follow", _("LINE friend"), _("Added the office's LINE account as a friend")
    )
    actions_registry.register_action(
        "line_messaging.unfollow", _("LINE blocked"), _("Blocked the office's LINE account")
    )
    actions_registry.register_action("line_messaging.sent", _("LINE message sent"), _("Sent a LINE message"))
    actions_registry.register_action("line_messaging.failed")(FailedMessageFormatter)
