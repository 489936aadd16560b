"""The report's PDF: the printouts' renderer pieces (the static-only URL fetcher, Sarabun from
the static files, the SARA AM fix) with the report's own page style."""

from django.utils.html import escape

import weasyprint

from printing.rendering import FONT_FACES, StaticOnlyFetcher, decompose_sara_am, static_url


def font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; src: url("{static_url(name)}"); }}'
        for weight, name in FONT_FACES.items()
    )


def render_pdf(body_html: str, *, title: str, css: str = "") -> bytes:
    """An A4 PDF of `body_html` (already escaped by its template) in Sarabun."""
    html = (
        f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<style>{font_faces()}\nhtml {{ font-family: "Sarabun"; }}\n{css}</style></head>'
        f"<body>{body_html}</body></html>"
    )
    return weasyprint.HTML(string=decompose_sara_am(html), url_fetcher=StaticOnlyFetcher()).write_pdf()
