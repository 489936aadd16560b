"""The portal has its own icon: linked from every page, and /favicon.ico answers."""

from pathlib import Path

from django.contrib.staticfiles import finders

import pytest
from bs4 import BeautifulSoup
from PIL import Image


def test_favicon_ico_leads_to_the_portals_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.ico"


def test_the_icon_files_are_real_icons():
    with Image.open(finders.find("favicon.ico")) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])
    svg = Path(finders.find("favicon.svg")).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "#2e2a7d" in svg  # the portal's indigo
    with Image.open(finders.find("apple-touch-icon.png")) as touch:
        assert touch.size == (180, 180)


@pytest.mark.django_db
def test_every_page_links_the_icons(client, page_tree):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    icons = {link["href"] for link in soup.select("link[rel~=icon]")}
    assert icons == {"/static/favicon.ico", "/static/favicon.svg"}
    assert all(finders.find(href.removeprefix("/static/")) for href in icons)
