"""Local development: debug on, SQLite, console e-mail, reCAPTCHA off unless keys are set."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - development only; production reads SECRET_KEY
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
# Without keys the captcha field is left out; django-recaptcha's warning about it is noise here.
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]
