"""เชื่อมต่อ LINE from the profile (LINE Login), unlinking, and the Messaging API's webhook."""

import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from base.links import portal_base_url

from . import actions, config, login

logger = logging.getLogger(__name__)

# The webhook events that say whether the user has the office's official account as a friend.
FRIENDSHIP_EVENTS = {"follow": True, "unfollow": False}

LINK_FAILED = _("LINE could not be linked. Please try again.")


def back_to_profile():
    return redirect(reverse("accounts:profile") + "#line")


class ConfiguredOnly:
    def dispatch(self, request, *args, **kwargs):
        if not config.is_configured():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class LinkStartView(ConfiguredOnly, LoginRequiredMixin, View):
    """ "เชื่อมต่อ LINE" (posted from the profile): off to LINE's log-in and consent screen."""

    def post(self, request):
        redirect_uri = portal_base_url(request) + reverse("line_messaging:callback")
        try:
            return login.authorize_redirect(request, redirect_uri)
        except login.LineLoginError:
            logger.warning("LINE Login could not be reached", exc_info=True)
            messages.error(request, LINK_FAILED)
            return back_to_profile()


class CallbackView(ConfiguredOnly, LoginRequiredMixin, View):
    """LINE's answer: the account it vouches for is linked to the applicant logged in."""

    def get(self, request):
        try:
            account = login.account_from_callback(request)
        except login.LineLoginError:
            logger.warning("LINE Login refused", exc_info=True)
            messages.error(request, LINK_FAILED)
            return back_to_profile()
        try:
            actions.link_line_account(
                actor=request.user,
                user=request.user,
                line_user_id=account.user_id,
                is_friend=account.is_friend,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            messages.error(request, LINK_FAILED)
        else:
            messages.success(request, _("LINE is linked. News of your requests will also come to your LINE."))
        return back_to_profile()


class UnlinkView(ConfiguredOnly, LoginRequiredMixin, View):
    def post(self, request):
        if actions.unlink_line_account(actor=request.user, user=request.user):
            messages.success(request, _("LINE is unlinked. Nothing more will be sent to your LINE."))
        return back_to_profile()


@method_decorator(csrf_exempt, name="dispatch")
class WebhookView(ConfiguredOnly, View):
    """LINE's calls about the office's official account: only with a valid X-Line-Signature (an
    HMAC-SHA256 of the body with the channel secret). Follow and unfollow update the links."""

    http_method_names = ["post"]

    def post(self, request):
        from linebot.v3.webhook import SignatureValidator  # deferred: see line_messaging.config

        signature = request.headers.get("X-Line-Signature", "")
        try:
            body = request.body.decode("utf-8")
        except UnicodeDecodeError:
            return HttpResponseBadRequest("invalid body")
        if not signature or not SignatureValidator(settings.LINE_CHANNEL_SECRET).validate(body, signature):
            return HttpResponseBadRequest("invalid signature")
        # Read as JSON rather than through the SDK's event models: an event type newer than the
        # SDK must not turn LINE's call away (LINE would redeliver it).
        try:
            events = json.loads(body).get("events", [])
        except (ValueError, AttributeError):
            return HttpResponseBadRequest("invalid body")
        for event in events if isinstance(events, list) else []:
            if not isinstance(event, dict) or not isinstance(event.get("source"), dict):
                continue
            user_id = event["source"].get("userId")
            if user_id and event.get("type") in FRIENDSHIP_EVENTS:
                actions.record_friendship(line_user_id=user_id, is_friend=FRIENDSHIP_EVENTS[event["type"]])
        return HttpResponse("OK")
