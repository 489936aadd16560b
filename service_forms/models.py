from django.db import models
from django.utils.translation import gettext_lazy as _

from .definition import FormDefinition, definition_from_json


class FormVersion(models.Model):
    """One published version of a configured service's form, frozen: the requests made with it
    keep reading their labels, types and choices here, whatever editors change later."""

    service_code = models.CharField(_("service code"), max_length=2, db_index=True)
    # SET_NULL: the versions outlive their page, because the requests made with them do.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    number = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("definition"))  # definition.FormDefinition.to_json()
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("page revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="form_version_number_per_page"),
        ]
        indexes = [models.Index(fields=["service_code", "-number"], name="form_version_latest")]

    def __str__(self):
        return f"{self.service_code} v{self.number}"

    @property
    def form_definition(self) -> FormDefinition:
        return definition_from_json(self.definition)
