"""reCAPTCHA is on when both keys are configured; without keys (dev, tests) the field is left out."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox


def recaptcha_enabled() -> bool:
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class RecaptchaFormMixin(forms.Form):
    """Adds the "I'm not a robot" checkbox when reCAPTCHA is configured."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if recaptcha_enabled():
            self.fields["captcha"] = ReCaptchaField(
                label=_("I'm not a robot"),
                widget=ReCaptchaV2Checkbox(api_params={"hl": get_language() or "th"}),
                public_key=settings.RECAPTCHA_PUBLIC_KEY,
                private_key=settings.RECAPTCHA_PRIVATE_KEY,
                error_messages={
                    "captcha_invalid": _("Please confirm that you are not a robot."),
                    "captcha_error": _("The robot check could not be completed. Please try again."),
                    "required": _("Please confirm that you are not a robot."),
                },
            )

    @property
    def recaptcha_enabled(self):
        return "captcha" in self.fields
