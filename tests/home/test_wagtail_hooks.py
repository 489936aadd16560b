"""The admin is set in Sarabun, served by the portal, so a PC without a Thai font reads Thai."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse

import pytest


@pytest.mark.django_db
def test_the_admin_loads_sarabun_before_its_own_fonts(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "/static/css/sarabun.css" in html
    assert "/static/css/admin.css" in html
    admin_css = Path(finders.find("css/admin.css")).read_text(encoding="utf-8")
    assert re.search(r'--w-font-sans:\s*"Sarabun",', admin_css)


def test_every_sarabun_face_the_css_names_is_served():
    css = Path(finders.find("css/sarabun.css")).read_text(encoding="utf-8")
    files = re.findall(r'url\("\.\./(fonts/sarabun/[^"]+)"\)', css)
    assert {400, 600, 700} <= {int(weight) for weight in re.findall(r"font-weight: (\d+)", css)}
    assert files and all(finders.find(path) for path in files)


@pytest.mark.django_db
def test_the_public_site_uses_the_same_font_file(client, page_tree):
    html = client.get("/").content.decode()
    assert "/static/css/sarabun.css" in html
