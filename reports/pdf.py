"""The report's PDF: the printouts' renderer pieces (the static-only URL fetcher, Sarabun from
the static files, the SARA AM fix, the office letterhead's style) with the report's own page style."""

from django.utils.html import escape

from printing import letterhead
from printing.rendering import (
    FONT_FACES,
    decompose_sara_am,
    engine,
    static_only_fetcher,
    static_path,
    static_url,
)


def font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; src: url("{static_url(name)}"); }}'
        for weight, name in FONT_FACES.items()
    )


def render_pdf(body_html: str, *, title: str, css: str = "", data_uris=()) -> bytes:
    """An A4 PDF of `body_html` (already escaped by its template) in Sarabun; `data_uris`: the
    images the body may show (the office logo)."""
    letterhead_css = static_path(letterhead.STYLESHEET).read_text(encoding="utf-8")
    html = (
        f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<style>{font_faces()}\nhtml {{ font-family: "Sarabun"; }}\n{css}\n{letterhead_css}</style></head>'
        f"<body>{body_html}</body></html>"
    )
    fetcher = static_only_fetcher(data_uris=data_uris)
    return engine().weasyprint.HTML(string=decompose_sara_am(html), url_fetcher=fetcher).write_pdf()
