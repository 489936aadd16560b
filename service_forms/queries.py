"""Reads of the frozen form versions."""

from django.db import models

from .models import FormVersion


def latest_versions() -> list[FormVersion]:
    """The newest published version of every configured service, with its page (one query)."""
    newest = FormVersion.objects.filter(service_code=models.OuterRef("service_code")).order_by(
        "-created_at", "-pk"
    )
    return list(
        FormVersion.objects.filter(pk=models.Subquery(newest.values("pk")[:1]))
        .select_related("page")
        .order_by("service_code")
    )


def versions_of_service(service_code: str) -> list[FormVersion]:
    """Every version of a configured service's form, the newest first."""
    return list(FormVersion.objects.filter(service_code=service_code).order_by("-created_at", "-pk"))
