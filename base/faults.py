"""When the storage or the database fails under a form: the user keeps what they typed.

The faults that are nobody's mistake and pass with time (a full or read-only storage, an S3
service that does not answer, a database that stays locked or refuses connections) are listed
here, once. Around the action a form asks for, `kept_on_fault(request, form)` (or the
`KeepsFormOnFault` mixin of a FormView) catches them: the transaction has already rolled back
(the actions delete a file they saved before the fault), the error is logged with its traceback,
the form gets a Thai message above its fields and is shown again with everything typed in it,
and `FaultStatusMiddleware` answers it with 503. Anything else that still ends in one of these
faults (a write outside a form, a database down while a page is read) gets the Thai 503 page
from `server_error` instead of a 500. A download whose file is gone from the storage raises
`MissingFile`, which the middleware answers with a Thai 404 page ("ไม่พบไฟล์").

The log lines name the fault and the place, never what the user typed: the traceback says the
rest.
"""

import logging
import sys

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.forms import BaseForm
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext_lazy as _

try:  # S3 storage in production (django-storages); absent from a set-up without it
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:  # pragma: no cover - botocore is installed wherever S3 is used
    BotoCoreError = ClientError = None

logger = logging.getLogger(__name__)

# "Storage unavailable": the disk is full or read-only, the folder cannot be written, the S3
# service does not answer or refuses.
STORAGE_FAULTS = tuple(kind for kind in (OSError, BotoCoreError, ClientError) if kind is not None)
# "Database busy": locked past its timeout (SQLite), a lock timeout, connections refused or
# exhausted (PostgreSQL).
DATABASE_FAULTS = (OperationalError,)
FAULTS = STORAGE_FAULTS + DATABASE_FAULTS

STORAGE_MESSAGE = _(
    "The system could not store your files just now and saved nothing. What you entered is still "
    "here: please choose your attached files again and send the form once more."
)
DATABASE_MESSAGE = _(
    "The system is busy just now and saved nothing. What you entered is still here: please wait "
    "a moment and send the form again (choose any attached files again)."
)
RETRY_AFTER_SECONDS = 30

# The request attribute that says a form was shown again after a fault.
KEPT_FAULT = "kept_fault"


def is_database_fault(error) -> bool:
    return isinstance(error, DATABASE_FAULTS)


def message_for(error):
    return DATABASE_MESSAGE if is_database_fault(error) else STORAGE_MESSAGE


def log_fault(error, *, where: str):
    """Log the fault with its traceback; `where` names the form, never what was typed."""
    kind = "database" if is_database_fault(error) else "storage"
    logger.error("%s unavailable in %s: %s", kind.capitalize(), where, type(error).__name__, exc_info=error)


class kept_on_fault:
    """Around the action a valid form asks for: on a fault, log it, put the Thai message on the
    form (or, with no form, in the page's messages) and let the view show the form again.

        with kept_on_fault(request, form):
            actions.do_it(...)
            return redirect(...)
        return render(... form ...)   # reached after a fault: answered with 503
    """

    def __init__(self, request, form=None, *, where: str = ""):
        self.request, self.form, self.where = request, form, where
        self.error = None

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is None or not isinstance(error, FAULTS):
            return False
        self.error = error
        keep_form(self.request, self.form, error, where=self.where or self.request.path)
        return True


def keep_form(request, form, error, *, where: str):
    """What kept_on_fault does once it caught `error`."""
    log_fault(error, where=where)
    setattr(request, KEPT_FAULT, error)
    if isinstance(form, BaseForm) and form.is_bound:
        form.add_error(None, ValidationError(message_for(error), code="fault"))
    elif form is not None and not isinstance(form, BaseForm):
        # A group of forms (service_requests.forms.RequestForms).
        form.add_error(ValidationError(message_for(error), code="fault"))
    else:  # no form, or one filled in from what was posted but not checked
        # The messages framework keeps them in memory until the page shows them (nothing is
        # written: the response is this page).
        messages.error(request, message_for(error))


def fault_was_kept(request) -> bool:
    return getattr(request, KEPT_FAULT, None) is not None


class KeepsFormOnFault:
    """A FormView (or any view with get_form and post) whose valid form is handed to an action:
    on a fault the form comes back with the Thai message (503). A fault before the form was
    checked is left to server_error."""

    checked_form = None

    def get_form(self, form_class=None):
        self.checked_form = super().get_form(form_class)
        return self.checked_form

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except FAULTS as error:
            form = self.checked_form
            if form is None or not hasattr(form, "cleaned_data"):
                raise
            keep_form(request, form, error, where=type(self).__name__)
            return self.render_to_response(self.get_context_data(form=form))


class FaultStatusMiddleware:
    """A page that shows a form again after a fault answers 503 (with Retry-After), so that
    proxies, monitors and tests see that the portal did not do what was asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if fault_was_kept(request) and response.status_code == 200:
            response.status_code = 503
            response.reason_phrase = "Service Unavailable"
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, MissingFile):
            return missing_file_page(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: the Thai 503 page when what went wrong is one of the faults above (the
    database or storage is unavailable: try again shortly), Django's 500 page otherwise. Django
    logs the error with its traceback (django.request) once this answer is made. Self-contained templates:
    no database is needed to show them."""
    error = sys.exc_info()[1]
    if isinstance(error, FAULTS):
        body = loader.get_template("503.html").render()
        response = HttpResponseServerError(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template(template_name).render())


class MissingFile(Exception):
    """A file whose row is there but whose file is gone from the storage (raised by the
    downloads; FaultStatusMiddleware answers it)."""


def missing_file_page(request, error):
    """404, "ไม่พบไฟล์", logged with the traceback: an office should know a stored file went
    missing."""
    logger.error("Missing file at %s: %s", request.path, error, exc_info=error)
    return render(request, "file_missing.html", status=404)
