"""Responses that hand a private file to its reader, never kept by a browser or proxy cache, never
sniffed as another type: a download (never shown inline) for what people uploaded, the calendar
file and bundles; the printing app's printouts, which the portal makes itself, open in the
browser's PDF viewer (its "Print" buttons). Used by the attachment and reply downloads, the
calendar file and the printing app's PDFs."""

from django.http import FileResponse, HttpResponse

from base.faults import MissingFile

from .uploads import content_type_for


def private(response):
    """Mark a download response as personal data: no caching anywhere, no content sniffing."""
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def file_download(field_file, download_name: str, content_type: str | None = None) -> FileResponse:
    """A stored file as an attachment; its content type from its stored name unless given.
    A file gone from the storage raises MissingFile (the Thai "file not found" page)."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise MissingFile(f"{field_file.name} is not in the storage") from error
    return private(
        FileResponse(
            handle,
            as_attachment=True,
            filename=download_name,
            content_type=content_type or content_type_for(field_file.name),
        )
    )


def content_download(
    content: bytes, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    """Bytes made for this reader (a PDF, an .ics file) as an attachment, or shown in the browser
    (`inline`: only for what the portal made itself, never for an uploaded file), under `filename`
    either way (what a "save" in the viewer offers)."""
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return private(response)
