"""Local development: debug on, SQLite, console e-mail, reCAPTCHA off unless keys are set."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - development only; production reads SECRET_KEY
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
# Without keys the captcha field is left out; django-recaptcha's warning about it is noise here.
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]
# The demo's throw-away certificate (manage.py make_demo_signing_certificate; scripts/serve.sh and
# load_demo_content make it), unless the environment names a certificate.
if not SIGNING_CERTIFICATE and (DEMO_SIGNING_FOLDER / "office-certificate.pem").exists():  # noqa: F405
    SIGNING_CERTIFICATE = str(DEMO_SIGNING_FOLDER / "office-certificate.pem")  # noqa: F405
    SIGNING_KEY = str(DEMO_SIGNING_FOLDER / "office-key.pem")  # noqa: F405
    SIGNING_TRUST_ROOTS = str(DEMO_SIGNING_FOLDER / "demo-ca.pem")  # noqa: F405
