"""The account e-mails, sent in the background (django-tasks) like the request notifications.

The password reset task is handed whatever citizen ID was typed and does the look-up itself: the
page that asked answers the same, in the same time, whether or not anything is sent.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.log_actions import log

from django_tasks import task

from base.links import email_url

from . import queries, tokens
from .models import User


def _send(template, address, **context) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        # One line: a subject never starts a header of its own.
        subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
        body = render_to_string(f"accounts/email/{template}.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])


@task()
def email_verification_link(user_id: int, base_url: str = "") -> int:
    """The link that proves the account's present address; nothing when it is proved already."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or user.email_is_verified:
        return 0
    url = email_url(
        "accounts:verify_email", args=[tokens.email_verification_token(user)], base_url=base_url or None
    )
    return _send("verify_email", user.email, user=user, url=url, days=tokens.EMAIL_VERIFICATION_MAX_AGE.days)


@task()
def email_password_reset_link(citizen_id: str, base_url: str = "") -> int:
    """A reset link to the verified address of that citizen ID's account, if there is one."""
    user = queries.user_with_citizen_id(citizen_id)
    if user is None or not user.email_is_verified:
        return 0
    url = email_url(
        "accounts:password_reset_confirm",
        args=tokens.password_reset_path_args(user),
        base_url=base_url or None,
    )
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    sent = _send("password_reset", user.email, user=user, url=url, minutes=minutes)
    log(instance=user, action="accounts.password_reset_link_sent", user=None)
    return sent
