"""Days the office is closed beyond weekends and Thai public holidays."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClosureDay(models.Model):
    """A day the office is closed (e.g. a special holiday the cabinet announces at short notice);
    it is not a working day for due dates and times to completion."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}"
