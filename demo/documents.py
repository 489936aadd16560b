"""Each service's manual and blank form as PDF documents in the "คู่มือและแบบฟอร์ม" collection."""

from dataclasses import dataclass
from functools import cache

from django.utils import translation

from service_pages.upload_collection import MANUALS_AND_FORMS
from service_requests.catalogue import EService, builtin_services, get_service

from .content import SERVICES
from .media import ensure_collection, ensure_document
from .pdfs import render_pdf
from .printables import FORM_CSS, MANUAL_CSS, blank_form_html, manual_html

COLLECTION_NAME = MANUALS_AND_FORMS


@dataclass(frozen=True)
class ServiceDocuments:
    manual: object
    blank_form: object


# Rendering is the slow part; the files depend only on the code's texts, so make each once.
@cache
def manual_pdf(code: str) -> bytes:
    content = SERVICES[code]
    with translation.override("th"):
        name = str(get_service(code).name)
    return render_pdf(manual_html(content, service_name=name), title=content.th.manual_title, css=MANUAL_CSS)


@cache
def blank_form_pdf(code: str) -> bytes:
    content = SERVICES[code]
    return render_pdf(blank_form_html(content), title=content.th.blank_form_title, css=FORM_CSS)


def ensure_service_documents(service: EService, collection) -> ServiceDocuments:
    texts = SERVICES[service.code].th
    return ServiceDocuments(
        manual=ensure_document(
            title=texts.manual_title,
            file_name=f"manual-{service.slug}.pdf",
            collection=collection,
            render=lambda: manual_pdf(service.code),
        ),
        blank_form=ensure_document(
            title=texts.blank_form_title,
            file_name=f"form-{service.slug}.pdf",
            collection=collection,
            render=lambda: blank_form_pdf(service.code),
        ),
    )


def ensure_all_service_documents() -> dict[str, ServiceDocuments]:
    collection = ensure_collection(COLLECTION_NAME)
    return {service.code: ensure_service_documents(service, collection) for service in builtin_services()}
