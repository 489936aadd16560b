"""Production signs every PDF or does not start: a missing, unreadable, mismatched or expired
certificate is an error at start-up (the system check and AppConfig.ready), never unsigned files."""

import datetime

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

import pytest

from signing.checks import refuse_to_start_unable_to_sign, signing_messages
from signing.demo_certificates import make_demo_certificates
from tests.portal.test_settings import PRODUCTION_ENVIRONMENT, load_production_settings


def configured(files, **changes):
    values = {
        "SIGNING_REQUIRED": True,
        "SIGNING_CERTIFICATE": str(files.certificate),
        "SIGNING_KEY": str(files.key),
        "SIGNING_TRUST_ROOTS": str(files.trust_roots),
    }
    return override_settings(**(values | changes))


def errors():
    return [message for message in signing_messages() if message.level >= checks.ERROR]


def test_a_valid_certificate_and_its_key_start(demo_signing_certificate):
    with configured(demo_signing_certificate):
        assert signing_messages() == []
        refuse_to_start_unable_to_sign()


def test_without_a_certificate_production_refuses_to_start(demo_signing_certificate):
    with configured(demo_signing_certificate, SIGNING_CERTIFICATE="", SIGNING_KEY=""):
        assert [error.id for error in errors()] == ["signing.E001"]
        with pytest.raises(ImproperlyConfigured, match="SIGNING_CERTIFICATE"):
            refuse_to_start_unable_to_sign()


def test_an_unreadable_certificate_file_is_named(demo_signing_certificate, tmp_path):
    with configured(demo_signing_certificate, SIGNING_CERTIFICATE=str(tmp_path / "missing.pem")):
        assert "missing.pem" in errors()[0].msg


def test_an_expired_certificate_refuses_to_start(tmp_path):
    expired = make_demo_certificates(
        tmp_path,
        office_name="สำนักงานทดสอบ",
        now=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=800),
    )
    with configured(expired):
        assert "expired" in errors()[0].msg
        with pytest.raises(ImproperlyConfigured, match="expired"):
            refuse_to_start_unable_to_sign()


def test_a_key_of_another_certificate_refuses_to_start(demo_signing_certificate, tmp_path):
    other = make_demo_certificates(tmp_path, office_name="สำนักงานอื่น")
    with configured(demo_signing_certificate, SIGNING_KEY=str(other.key)):
        assert "is not the key of the certificate" in errors()[0].msg


def test_a_certificate_ending_within_a_month_is_a_warning(tmp_path):
    ending = make_demo_certificates(tmp_path, office_name="สำนักงานทดสอบ", valid_days=10)
    with configured(ending):
        assert [message.id for message in signing_messages()] == ["signing.W001"]
        refuse_to_start_unable_to_sign()


def test_outside_production_nothing_is_required(tmp_path):
    with override_settings(SIGNING_REQUIRED=False, SIGNING_CERTIFICATE="", SIGNING_KEY=""):
        assert signing_messages() == []


def test_the_production_settings_refuse_to_start_with_an_expired_certificate(tmp_path):
    expired = make_demo_certificates(
        tmp_path,
        office_name="สำนักงานทดสอบ",
        now=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=800),
    )
    result = load_production_settings(
        {
            **PRODUCTION_ENVIRONMENT,
            "SIGNING_CERTIFICATE": str(expired.certificate),
            "SIGNING_KEY": str(expired.key),
        }
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "expired" in result.stderr


def test_the_production_settings_refuse_to_start_with_a_certificate_file_missing(tmp_path):
    result = load_production_settings(
        {**PRODUCTION_ENVIRONMENT, "SIGNING_CERTIFICATE": str(tmp_path / "office.pem")}
    )

    assert result.returncode != 0
    assert "cannot be read" in result.stderr
