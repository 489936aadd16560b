"""reCAPTCHA is on when both keys are configured; without keys (dev, tests) the field is left out."""

import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox

from base.client_address import client_address

logger = logging.getLogger(__name__)


def recaptcha_enabled() -> bool:
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class RobotCheckField(ReCaptchaField):
    """django-recaptcha's field, answering "cannot check at the moment" whenever Google cannot be
    asked: the library itself catches only an HTTP error status, so a refused connection, a
    time-out or a garbled answer would otherwise end in a server error."""

    # The library's own guess trusts any X-Forwarded-For; Google takes the address only as a hint.
    remote_ip = None

    def get_remote_ip(self):
        return self.remote_ip

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError as error:
            if error.code == "captcha_error":  # the library caught an HTTP error status
                logger.error(
                    "reCAPTCHA could not be verified: the verification server answered with an error"
                )
            raise
        except (OSError, ValueError, KeyError) as error:  # unreachable, timed out, not its JSON
            logger.error("reCAPTCHA could not be verified: %r", error)
            raise ValidationError(self.error_messages["captcha_error"], code="captcha_error") from error


class RecaptchaFormMixin(forms.Form):
    """Adds the "I'm not a robot" checkbox when reCAPTCHA is configured."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if recaptcha_enabled():
            self.fields["captcha"] = field = RobotCheckField(
                label=_("I'm not a robot"),
                widget=ReCaptchaV2Checkbox(api_params={"hl": get_language() or "th"}),
                public_key=settings.RECAPTCHA_PUBLIC_KEY,
                private_key=settings.RECAPTCHA_PRIVATE_KEY,
                error_messages={
                    "captcha_invalid": _("Please confirm that you are not a robot."),
                    "captcha_error": _(
                        "The robot check (reCAPTCHA) cannot be verified at the moment. "
                        "Please try again in a few minutes."
                    ),
                    "required": _("Please confirm that you are not a robot."),
                },
            )
            if getattr(self, "request", None) is not None:  # the log-in forms know their request
                field.remote_ip = client_address(self.request)

    @property
    def recaptcha_enabled(self):
        return "captcha" in self.fields
