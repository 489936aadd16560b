"""/verify/<code>/: what the office issued under the code in a document's QR stamp (type,
reference code, office, date; no names), and whether an uploaded PDF is that very document."""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from base.client_address import client_address

from . import actions, queries
from .forms import VerifyUploadForm


@never_cache
@csrf_protect
def verify(request, code):
    document = queries.document_by_code(code)
    if document is None:
        return TemplateResponse(request, "signing/not_found.html", status=404)
    form = VerifyUploadForm(request.POST or None, request.FILES or None)
    outcome, limited = None, False
    if request.method == "POST":
        if not actions.record_verification_attempt(client_address=client_address(request)):
            limited = True
        elif form.is_valid():
            outcome = actions.verify_document(
                document=document, uploaded_bytes=form.cleaned_data["document"], actor=request.user
            )
    return TemplateResponse(
        request,
        "signing/verify.html",
        {
            "document": document,
            "form": form,
            "outcome": outcome,
            "Outcome": actions.Outcome,
            "limited": limited,
        },
        status=429 if limited else 200,
    )
