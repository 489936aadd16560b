"""The visitor's address behind the TLS proxy: X-Forwarded-For read from the right, one entry per
trusted proxy, and ignored altogether when no proxy is trusted."""

from django.test import RequestFactory, override_settings

import pytest

from base.client_address import client_address

PROXY = "10.0.0.5"
VISITOR = "203.0.113.7"
FORGED = "198.51.100.99"


def arriving(remote_address, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_address}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_trusted_proxies_the_connecting_address_counts_and_the_header_is_ignored():
    assert client_address(arriving(VISITOR, forwarded_for=FORGED)) == VISITOR


def test_no_proxy_is_trusted_unless_configured(settings):
    assert settings.TRUSTED_PROXY_COUNT == 0


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_right_most_entry_is_the_visitor():
    assert client_address(arriving(PROXY, forwarded_for=VISITOR)) == VISITOR


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_header_the_visitor_forged_is_ignored_behind_one_proxy():
    # The visitor sent "X-Forwarded-For: 198.51.100.99"; the proxy appended the address it saw.
    assert client_address(arriving(PROXY, forwarded_for=f"{FORGED}, {VISITOR}")) == VISITOR


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_entry_before_the_inner_proxy_counts():
    request = arriving(PROXY, forwarded_for=f"{FORGED}, {VISITOR}, 10.0.0.9")
    assert client_address(request) == VISITOR


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_request_that_bypassed_the_proxy_without_a_header_counts_by_its_own_address():
    assert client_address(arriving(VISITOR)) == VISITOR


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("garbage", ["not-an-address", "unknown", "203.0.113.7:5555"])
def test_an_entry_that_is_not_an_address_falls_back_to_the_connecting_one(garbage):
    assert client_address(arriving(PROXY, forwarded_for=garbage)) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_ipv6_visitors_are_read_too():
    assert client_address(arriving(PROXY, forwarded_for="2001:db8::7")) == "2001:db8::7"
