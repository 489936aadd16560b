"""The office letterhead every PDF of the portal is headed by (printouts, the summary report):
the office's name, address and contacts and its logo from OfficeSettings.

Drawn by templates/printing/includes/letterhead.html, styled by printing/letterhead.css.
"""

from .rendering import data_uri

LOGO_RENDITION = "height-160"
STYLESHEET = "printing/letterhead.css"


def logo_data_uri(office):
    """The office's logo (a small rendition) read through its storage, as a data: address, or None."""
    logo = getattr(office, "logo", None)
    if logo is None:
        return None
    try:
        rendition = logo.get_rendition(LOGO_RENDITION)
        with rendition.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return None  # a missing image file should not stop a printout
    extension = rendition.file.name.rsplit(".", 1)[-1].lower()
    content_type = {"png": "image/png", "gif": "image/gif", "webp": "image/webp"}.get(extension, "image/jpeg")
    return data_uri(content, content_type)


def letterhead_context(office) -> dict:
    """What the letterhead template reads: `office` and `logo` (a data: address or None)."""
    return {"office": office, "logo": logo_data_uri(office)}
