"""HTML to A4 PDF with WeasyPrint, in Sarabun, reading nothing but the Sarabun font files."""

from pathlib import Path

from django.utils.html import escape

import fontpkg_sarabun
import weasyprint
from weasyprint.urls import URLFetcher, path2url

from printing.rendering import decompose_sara_am

FONT_DIR = Path(fontpkg_sarabun.ROOT) / "files"
FONT_FILES = {"normal": "Sarabun-Regular.ttf", "bold": "Sarabun-Bold.ttf"}


def font_url(file_name: str) -> str:
    return path2url(str(FONT_DIR / file_name))


class FontOnlyFetcher(URLFetcher):
    """Fetches the Sarabun files and refuses every other address, so no HTML can reach out."""

    allowed = frozenset(font_url(name) for name in FONT_FILES.values())

    def fetch(self, url, headers=None):
        if url not in self.allowed:
            raise ValueError(f"Refusing to fetch {url!r}: only the Sarabun font files may be read.")
        return super().fetch(url, headers)


BASE_CSS = (
    "\n".join(
        f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; src: url("{font_url(name)}"); }}'
        for weight, name in FONT_FILES.items()
    )
    + """
@page { size: A4; margin: 18mm 18mm 20mm; }
html { font-family: "Sarabun"; font-size: 13pt; line-height: 1.4; color: #111; }
h1 { font-size: 19pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 4mm 0 1.5mm; }
p, li { margin: 0 0 1.5mm; }
.office { text-align: center; margin-bottom: 6mm; }
.office p { margin: 0; font-size: 12pt; }
.office strong { font-size: 14pt; }
"""
)


def render_pdf(body_html: str, *, title: str, css: str = "") -> bytes:
    """A4 PDF of the given body, styled with BASE_CSS plus `css`."""
    html = (
        f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{BASE_CSS}{css}</style></head><body>{body_html}</body></html>"
    )
    return weasyprint.HTML(string=decompose_sara_am(html), url_fetcher=FontOnlyFetcher()).write_pdf()
