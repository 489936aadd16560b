"""PDF responses: named after the reference code, never cached, never sniffed. A printout opens in
the browser's PDF viewer, where people print it; a bundle, which carries the applicant's own
files, is downloaded."""

from django.http import HttpResponse

from service_requests.downloads import content_download


def pdf_response(content: bytes, filename: str, *, inline: bool) -> HttpResponse:
    response = content_download(content, filename, "application/pdf", inline=inline)
    if inline:
        # Chrome shows a PDF in a page of its own that the response's policy governs: the site's
        # object-src 'none' and style-src blank its viewer (crbug.com/271452). The PDF is ours,
        # made by WeasyPrint without scripts, and is never sniffed as anything but a PDF (django-csp's
        # csp_exempt() marks a response the same way).
        response._csp_exempt = True
    return response
