"""The request-body limit of the forms that take files (upload_limits), applied before Django
reads the body."""

from django.contrib import messages
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from .upload_limits import BodyLimitHandler


def _file_count(request, view_func, view_args, view_kwargs):
    taker = getattr(view_func, "view_class", view_func)
    if view_func is wagtail_serve:
        # The same call as serve's, whose result Wagtail keeps on the request for it.
        path = view_args[0] if view_args else view_kwargs["path"]
        route = Page.route_for_request(request, path)
        taker = route[0] if route else None
    count = getattr(taker, "upload_file_count", None)
    return count(request, **view_kwargs) if callable(count) else count


class UploadLimitMiddleware:
    """Before CsrfViewMiddleware, which reads the body first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.content_type != "multipart/form-data":
            return None
        file_count = _file_count(request, view_func, view_args, view_kwargs)
        if file_count is None:
            return None
        request.upload_handlers.insert(0, BodyLimitHandler(request, file_count=file_count))
        try:
            request.POST  # noqa: B018 (read here, so that a body Django cannot parse is answered)
        except MultiPartParserError:
            messages.error(
                request,
                _(
                    "The form could not be read, perhaps because of a very long file name. Please "
                    "rename the file to a shorter name and send the form again."
                ),
            )
            return redirect(request.get_full_path())
        return None
