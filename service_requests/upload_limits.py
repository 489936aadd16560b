"""How much a form that takes files may send, enforced while Django reads the request body.

A view (or its class, or the Wagtail page it serves) that takes files says how many with
`upload_file_count`: a number, or a function of (request, **view_kwargs). Its limit is that many
files of 5 MB plus FORM_MARGIN_BYTES for the text fields. middleware.UploadLimitMiddleware puts
BodyLimitHandler in front of Django's upload handlers for a multipart POST to such a view; when
the body's Content-Length is over the limit, every file of the body is dropped as it arrives
(nothing is kept in memory or on disk) and each file field shows why. The text fields are still
read, so the form comes back as it was typed, with its CSRF token. The production proxy stops
anything larger than the largest form (README, Production).
"""

import math

from django.conf import settings
from django.core.files import uploadhandler

from .catalogue import CATALOGUE
from .uploads import MAX_UPLOAD_BYTES, UnreceivedUpload, shortened_name

# The text fields of the largest form and the multipart framing take a few kilobytes.
FORM_MARGIN_BYTES = 512 * 1024


def body_limit(file_count: int) -> int:
    """The largest request body a form with this many file fields may send."""
    return file_count * MAX_UPLOAD_BYTES + FORM_MARGIN_BYTES


def largest_body_limit() -> int:
    """The largest body of the applicants' and officers' forms: the service with the most files
    (an office's own services may have no more: service_forms.definition.MAX_ATTACHMENT_SLOTS)."""
    return body_limit(max(len(service.attachment_slots) for service in CATALOGUE.values()))


def proxy_body_limit_megabytes() -> int:
    """The production proxy's client_max_body_size (README), in whole megabytes: the largest form,
    or an editor's document upload in the admin if larger. Bodies between a form's own limit and
    this get the form's Thai message; larger ones the proxy's 413 page."""
    largest = max(largest_body_limit(), settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + FORM_MARGIN_BYTES)
    return math.ceil(largest / (1024 * 1024))


def takes_files(count):
    """Mark a view as taking at most `count` files (or count(request, **view_kwargs)) per POST."""

    def mark(view):
        view.upload_file_count = count
        return view

    return mark


class ShortNames:
    """Shortens a long file name before the file is kept, so no name reaches a form, a temporary
    file or the database over 255 characters (uploads.shortened_name)."""

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, shortened_name(file_name), *args, **kwargs)


class MemoryFileUploadHandler(ShortNames, uploadhandler.MemoryFileUploadHandler):
    pass


class TemporaryFileUploadHandler(ShortNames, uploadhandler.TemporaryFileUploadHandler):
    pass


class BodyLimitHandler(uploadhandler.FileUploadHandler):
    """Drops every file of a body over the form's limit, leaving an UnreceivedUpload in its field."""

    def __init__(self, request, *, file_count):
        super().__init__(request)
        self.file_count = file_count
        self.over_limit = False
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.over_limit = content_length > body_limit(self.file_count)

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, shortened_name(file_name), *args, **kwargs)
        if self.over_limit:
            self.received = 0
            raise uploadhandler.StopFutureHandlers  # no handler after this one keeps anything of it

    def receive_data_chunk(self, raw_data, start):
        if self.over_limit:
            self.received += len(raw_data)
            return None
        return raw_data

    def file_complete(self, file_size):
        if not self.over_limit:
            return None
        return UnreceivedUpload(
            self.file_name,
            size=max(self.received, 1),
            limit_megabytes=self.file_count * MAX_UPLOAD_BYTES // (1024 * 1024),
        )
