"""Reads of the issued documents."""

from wagtail.models import Site

from base.models import OfficeSettings

from .models import DocumentKind, IssuedDocument


def document_by_code(code: str) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(code=code).first()


def kept_printout(reference: str, *, issued_since) -> IssuedDocument | None:
    """The signed printout of `reference` issued at or after `issued_since` (the request's
    completion) whose file is still kept, the newest first."""
    return (
        IssuedDocument.objects.filter(
            kind=DocumentKind.PRINTOUT, reference=reference, issued_at__gte=issued_since
        )
        .exclude(file="")
        .order_by("-issued_at", "-pk")
        .first()
    )


def office_name() -> str:
    """The office's Thai name, from the default site's settings."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    office = OfficeSettings.for_site(site) if site else None
    return (office.name_th if office else "") or ""
