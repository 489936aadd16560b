"""What the browser is told a page may do: Content-Security-Policy (ours, the admin's, reCAPTCHA's
origins only while it is on), Permissions-Policy everywhere, no-store wherever personal data shows;
and what machines are told: security.txt and robots.txt."""

import re
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client, override_settings

import pytest

from tests.factories.accounts import SuperuserFactory

pytestmark = pytest.mark.django_db

RECAPTCHA_KEYS = {"RECAPTCHA_PUBLIC_KEY": "public-key", "RECAPTCHA_PRIVATE_KEY": "private-key"}


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_the_public_pages_run_only_the_portals_own_scripts_and_styles(client, page_tree):
    policy = directives(client.get("/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert all(source == "'self'" or source.startswith("'nonce-") for source in policy[directive])
    assert not any("google" in source for sources in policy.values() for source in sources)


# An inline script or style in our templates would be refused by the policy unless it carries the
# request's nonce; the printouts (WeasyPrint, never a browser) keep their own <style>.
INLINE = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*nonce=)[^>]*>|<style(?![^>]*nonce=)|\sstyle=|\son[a-z]+=", re.I
)
BROWSER_TEMPLATES = [
    path
    for path in (settings.BASE_DIR / "templates").rglob("*")
    if path.suffix in (".html", ".svg") and "printing" not in path.parts and "email" not in path.parts
]


def test_no_template_has_an_inline_script_style_or_handler_without_a_nonce():
    assert len(BROWSER_TEMPLATES) > 50
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for path in BROWSER_TEMPLATES
        for match in INLINE.finditer(path.read_text(encoding="utf-8"))
        if "json_script" not in match.group(0)
    ]
    assert found == []


@override_settings(**RECAPTCHA_KEYS)
def test_recaptchas_origins_are_allowed_only_while_it_is_on(client, page_tree):
    policy = directives(client.get("/accounts/login/"))
    assert "https://www.google.com/recaptcha/" in policy["script-src"]
    assert "https://www.gstatic.com/recaptcha/" in policy["script-src"]
    assert policy["frame-src"] == [
        "https://www.google.com/recaptcha/",
        "https://recaptcha.google.com/recaptcha/",
    ]


@override_settings(**RECAPTCHA_KEYS)
def test_the_admin_login_gets_recaptchas_origins_too(client, page_tree):
    policy = directives(client.get("/admin/login/"))
    assert "https://www.gstatic.com/recaptcha/" in policy["script-src"]
    assert policy["frame-src"] == [
        "'self'",
        "https://www.google.com/recaptcha/",
        "https://recaptcha.google.com/recaptcha/",
    ]


def test_the_admin_has_its_own_looser_policy_and_no_nonce(client, page_tree):
    client.force_login(SuperuserFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "blob:" in policy["img-src"]
    assert not any(source.startswith("'nonce-") for sources in policy.values() for source in sources)
    # The public pages keep theirs.
    assert "'unsafe-inline'" not in directives(client.get("/"))["script-src"]


def test_an_editors_preview_may_show_in_the_admins_preview_panel(page_tree):
    """Wagtail renders a preview through the middleware at the page's own address, and the editor
    sees it in a frame of the admin (the preview panel): the public pages' policy, except that
    the portal's own pages may frame it."""
    policy = directives(page_tree.service_pages["certificate"].make_preview_request())
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["frame-src"] == ["'none'"]
    # The published page still may not be framed.
    assert directives(Client().get(page_tree.service_pages["certificate"].url))["frame-ancestors"] == [
        "'none'"
    ]


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/login", "/robots.txt", "/admin/login/"])
def test_no_camera_microphone_location_or_payment_anywhere(client, page_tree, path):
    response = client.get(path)
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=()"


def test_public_pages_may_be_cached_for_visitors_who_are_not_logged_in(client, page_tree):
    assert "no-store" not in client.get("/").get("Cache-Control", "")


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/en/accounts/login/", "/status/", "/en/status/", "/admin/login/"]
)
def test_personal_pages_are_never_stored(client, page_tree, path):
    assert "no-store" in client.get(path)["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/my/requests/", "/en/my/requests/", "/accounts/profile/"])
def test_every_page_seen_logged_in_is_never_stored(client, page_tree, user, path):
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_admin_is_never_stored(client, page_tree):
    client.force_login(SuperuserFactory())
    assert "no-store" in client.get("/admin/")["Cache-Control"]


def security_txt(client) -> dict[str, str]:
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def test_security_txt_falls_back_to_the_offices_email(client, page_tree):
    fields = security_txt(client)
    assert fields["Contact"] == "mailto:office@amnat-ed.go.th"
    assert fields["Preferred-Languages"] == "th, en"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    assert "Policy" not in fields
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert datetime.now(UTC) + timedelta(days=30) < expires < datetime.now(UTC) + timedelta(days=365)


def test_security_txt_names_the_contact_and_policy_the_office_set(client, page_tree):
    office = page_tree.office
    office.security_contact = "https://amnat-ed.go.th/security/report"
    office.security_policy_url = "https://amnat-ed.go.th/security/"
    office.save()
    fields = security_txt(client)
    assert fields["Contact"] == "https://amnat-ed.go.th/security/report"
    assert fields["Policy"] == "https://amnat-ed.go.th/security/"


def test_security_contact_must_be_mail_or_https(page_tree):
    office = page_tree.office
    office.security_contact = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        office.full_clean()


def test_no_security_txt_without_any_contact(client, page_tree):
    page_tree.office.email = ""
    page_tree.office.save()
    assert client.get("/.well-known/security.txt").status_code == 404


def test_robots_keep_crawlers_out_of_personal_pages_in_every_language(client, page_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    disallowed = set(re.findall(r"^Disallow: (\S+)$", response.content.decode(), re.MULTILINE))
    assert disallowed == {"/admin/", "/my/", "/accounts/", "/en/my/", "/en/accounts/"}
    assert response.content.decode().startswith("User-agent: *\n")


@pytest.mark.parametrize("path", ["/robots.txt", "/.well-known/security.txt"])
def test_the_machine_files_answer_a_head_request(client, page_tree, path):
    """Crawlers and monitoring tools (and `curl -I`) ask with HEAD first: not 405."""
    response = client.head(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert client.post(path).status_code == 405
