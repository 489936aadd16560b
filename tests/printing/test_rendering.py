"""Safe rendering: WeasyPrint reads the project's static files and the data: addresses the
printout generated, nothing from the network and no other file."""

from pathlib import Path

from django.conf import settings

import pytest

from demo import pdfs
from printing.rendering import (
    RefusedURL,
    data_uri,
    decompose_sara_am,
    html_to_pdf,
    static_only_fetcher,
    static_path,
    static_url,
)
from tests.factories.service_requests import png_bytes

from .conftest import page_count, pdf_text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/static/css/portal.css",
        "https://example.com/logo.png",
        "ftp://example.com/file",
        "file:///etc/passwd",
        (Path(settings.BASE_DIR) / "manage.py").as_uri(),  # in the project, not a static file
        (Path(settings.BASE_DIR) / "static" / ".." / "manage.py").as_uri(),
        (Path(settings.PRIVATE_MEDIA_ROOT) / "attachments" / "x.png").as_uri(),
        "file://evil.example/static/css/portal.css",
        data_uri(png_bytes(), "image/png"),  # not one the caller generated for this page
    ],
)
def test_the_fetcher_refuses_anything_but_static_files_and_its_own_data(url):
    with pytest.raises(RefusedURL):
        static_only_fetcher().fetch(url)


def test_the_fetcher_reads_static_files_and_the_fonts():
    fetcher = static_only_fetcher()

    font = fetcher.fetch(static_url("fonts/sarabun/Sarabun-Regular.ttf"))
    stylesheet = fetcher.fetch(static_url("printing/printout.css"))

    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    assert b"@page" in stylesheet.read()


def test_the_fetcher_reads_the_data_it_was_given():
    image = data_uri(png_bytes(), "image/png")

    response = static_only_fetcher(data_uris=[image]).fetch(image)

    assert response.read() == png_bytes()


def test_a_page_that_points_outside_still_renders_without_fetching_it():
    secret = static_path("css/portal.css").parent.parent.parent / "manage.py"
    html = (
        '<html lang="th"><body><p>สวัสดี</p>'
        f'<img src="{secret.as_uri()}"><img src="http://127.0.0.1:9/x.png"></body></html>'
    )

    content = html_to_pdf(html)

    assert page_count(content) == 1
    assert "สวัสดี" in pdf_text(content)


def test_sara_am_is_handed_to_weasyprint_decomposed():
    assert decompose_sara_am("น้ำ คำ") == "น\u0e4d\u0e49\u0e32 ค\u0e4d\u0e32"


def test_the_demo_pdfs_share_the_workaround():
    assert pdfs.decompose_sara_am is decompose_sara_am
