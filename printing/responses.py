"""PDF downloads: named after the reference code, never cached, never sniffed."""

from django.http import HttpResponse

from service_requests.downloads import content_download


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    return content_download(content, filename, "application/pdf")
