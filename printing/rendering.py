"""HTML to A4 PDF with WeasyPrint, in Sarabun, reading nothing but the project's static files
and the data: addresses the caller generated itself.

Parsing the stylesheet and loading the fonts is most of the cost of a small PDF, so each thread
keeps one FontConfiguration with the stylesheet parsed against it and reuses both.

WeasyPrint (with Pango, fontTools and their kin, about 45 MB) is imported on a process's first PDF,
not when the portal starts: most web workers never print (README, Performance).
"""

import base64
import re
import threading
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from PIL import ImageFile

# The Sarabun files (STATICFILES_DIRS serves them under fonts/sarabun/, from fontpkg-sarabun).
FONT_FACES = {400: "fonts/sarabun/Sarabun-Regular.ttf", 700: "fonts/sarabun/Sarabun-Bold.ttf"}
STYLESHEET = "printing/printout.css"
LETTERHEAD_STYLESHEET = "printing/letterhead.css"
USER_AGENT_STYLESHEET = "printing/user-agent.css"

# HarfBuzz draws SARA AM (ำ) as two glyphs, NIKHAHIT and SARA AA, moving NIKHAHIT before the
# above-base marks; WeasyPrint maps each glyph to one piece of text, so the PDF's text layer
# then reads "า" as "ำ" or loses the "ำ" (copy, search and screen readers get wrong words).
# Handing it the same decomposition (compatibility-equivalent to ำ) draws identical glyphs
# with a correct text layer.
SARA_AM = re.compile("([\u0e31\u0e34-\u0e37\u0e47-\u0e4e]*)\u0e33")


def decompose_sara_am(text: str) -> str:
    return SARA_AM.sub("\u0e4d\\1\u0e32", text)


class RefusedURL(ValueError):
    """WeasyPrint was asked for something a printout may not read."""


def static_path(name: str) -> Path:
    """The file a static name resolves to (Django's finders), or RefusedURL."""
    found = finders.find(name)
    if not found:
        raise RefusedURL(f"No static file {name!r}")
    return Path(found).resolve()


def static_url(name: str) -> str:
    """A file:// address of a static file, for WeasyPrint (and its fetcher) to read."""
    return static_path(name).as_uri()


def _static_roots() -> list[tuple[str, Path]]:
    """(prefix, folder) of every place the static finders look in."""
    roots = []
    for finder in finders.get_finders():
        for prefix, root in getattr(finder, "locations", ()):
            roots.append((prefix, Path(root).resolve()))
        for storage in getattr(finder, "storages", {}).values():
            roots.append((getattr(storage, "prefix", None) or "", Path(storage.location).resolve()))
    return roots


def is_static_file(path: Path) -> bool:
    """True when `path` is what the finders resolve its own static name to (no traversal, no
    files the finders would never serve, no file shadowed by another of the same name)."""
    path = path.resolve()
    for prefix, root in _static_roots():
        if path.is_relative_to(root):
            name = path.relative_to(root).as_posix()
            name = f"{prefix}/{name}" if prefix else name
            found = finders.find(name)
            if found and Path(found).resolve() == path:
                return True
    return False


def data_uri(content: bytes, content_type: str) -> str:
    return f"data:{content_type};base64,{base64.b64encode(content).decode('ascii')}"


def check_fetched_url(url: str, data_uris: frozenset) -> None:
    """RefusedURL unless `url` is one of the project's static files or one of `data_uris`: no
    network, no other file, no other data: address."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "data":
        if url not in data_uris:
            raise RefusedURL("Refusing a data: address the printout did not generate.")
    elif scheme == "file":
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost") or not is_static_file(Path(unquote(parts.path))):
            raise RefusedURL(f"Refusing {url!r}: not one of the project's static files.")
    else:
        raise RefusedURL(f"Refusing {url!r}: printouts read nothing from the network.")


@cache
def engine() -> SimpleNamespace:
    """WeasyPrint and the two classes the printouts build on it, made on the first PDF."""
    import weasyprint  # deferred: see the module's docstring
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    # Importing WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process. The
    # portal refuses pictures cut short (service_requests.uploads) and prints only checked ones,
    # so it is turned off again, before any upload this process checks next.
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    class StaticOnlyFetcher(URLFetcher):
        """Reads the project's static files and the data: addresses given to it; refuses the
        network, every other file and every other data: address."""

        def __init__(self, *, data_uris=()):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.data_uris = frozenset(data_uris)

        def fetch(self, url, headers=None):
            check_fetched_url(url, self.data_uris)
            return super().fetch(url, headers)

    class PrintoutHTML(weasyprint.HTML):
        """A document styled by the printouts' small user-agent stylesheet instead of WeasyPrint's
        full HTML5 one (pinned WeasyPrint: _ua_stylesheets is its hook for that)."""

        def _ua_stylesheets(self, forms=False):
            return [_parsed_stylesheets().user_agent]

    return SimpleNamespace(
        weasyprint=weasyprint,
        FontConfiguration=FontConfiguration,
        StaticOnlyFetcher=StaticOnlyFetcher,
        PrintoutHTML=PrintoutHTML,
    )


def static_only_fetcher(*, data_uris=()):
    """WeasyPrint's URL fetcher limited to the static files and `data_uris` (check_fetched_url)."""
    return engine().StaticOnlyFetcher(data_uris=data_uris)


@cache
def stylesheet_source() -> str:
    faces = "\n".join(
        f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; src: url("{static_url(name)}"); }}'
        for weight, name in FONT_FACES.items()
    )
    sheets = (static_path(name).read_text(encoding="utf-8") for name in (LETTERHEAD_STYLESHEET, STYLESHEET))
    return faces + "\n" + "\n".join(sheets)


_per_thread = threading.local()


def _parsed_stylesheets():
    """This thread's FontConfiguration with the stylesheets parsed against it (fonts loaded once)."""
    if getattr(_per_thread, "stylesheet", None) is None:
        weasyprint = engine().weasyprint
        font_config = engine().FontConfiguration()
        fetcher = static_only_fetcher()
        _per_thread.user_agent = weasyprint.CSS(
            string=static_path(USER_AGENT_STYLESHEET).read_text(encoding="utf-8"), url_fetcher=fetcher
        )
        _per_thread.stylesheet = weasyprint.CSS(
            string=stylesheet_source(), font_config=font_config, url_fetcher=fetcher
        )
        _per_thread.font_config = font_config
    return _per_thread


def html_to_pdf(html: str, *, data_uris=()) -> bytes:
    """A PDF of a whole HTML document, styled by the printout stylesheet."""
    parsed = _parsed_stylesheets()
    document = engine().PrintoutHTML(
        string=decompose_sara_am(html), url_fetcher=static_only_fetcher(data_uris=data_uris)
    )
    return document.write_pdf(stylesheets=[parsed.stylesheet], font_config=parsed.font_config)


def render_pdf(template_name: str, context: dict, *, data_uris=()) -> bytes:
    """Render a Django template (autoescaped) to PDF. `data_uris`: the data: addresses the
    context carries (images the caller read and encoded), the only ones the page may load."""
    return html_to_pdf(render_to_string(template_name, context), data_uris=data_uris)
