"""The office itself: its site settings (name, address, contacts, logo, privacy policy) and the
days it is closed. Everything else in the portal builds on these."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class OfficeSettings(BaseSiteSetting):
    """Everything that makes the portal one office's: name, address, contacts, logo, policy."""

    name_th = models.CharField(_("office name (Thai)"), max_length=255)
    name_en = models.CharField(_("office name (English)"), max_length=255, blank=True)
    address_th = models.TextField(_("address (Thai)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    phones = models.CharField(_("phone numbers"), max_length=255, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=50,
        default="1",
        help_text=_(
            "Change it whenever the privacy notice changes; each consent records the version accepted."
        ),
    )
    security_contact = models.CharField(
        _("security contact"),
        max_length=255,
        blank=True,
        validators=[RegexValidator(r"^(mailto:\S+@\S+|https://\S+)$", _("Start with mailto: or https://."))],
        help_text=_(
            "Where to report a security problem with the portal: an address starting with "
            "mailto: or https://. Empty: the office's e-mail address. Published in /.well-known/security.txt."
        ),
    )
    security_policy_url = models.URLField(
        _("security policy address"),
        blank=True,
        help_text=_("A page saying how the office handles reported security problems (optional)."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_th"), FieldPanel("name_en"), FieldPanel("logo")], heading=_("Office")
        ),
        MultiFieldPanel(
            [
                FieldPanel("address_th"),
                FieldPanel("address_en"),
                FieldPanel("phones"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_policy_page"), FieldPanel("privacy_notice_version")],
            heading=_("Privacy"),
        ),
        MultiFieldPanel(
            [FieldPanel("security_contact"), FieldPanel("security_policy_url")],
            heading=_("Security reports"),
        ),
    ]

    class Meta:
        verbose_name = _("office settings")

    def __str__(self):
        return self.name_th

    @property
    def name(self):
        """The office name in the visitor's language (Thai when no English name is set)."""
        return self.name_en if get_language() == "en" and self.name_en else self.name_th

    @property
    def address(self):
        return self.address_en if get_language() == "en" and self.address_en else self.address_th

    @property
    def security_contact_uri(self) -> str:
        """security.txt's Contact: the address set for it, else the office's e-mail."""
        if self.security_contact:
            return self.security_contact
        return f"mailto:{self.email}" if self.email else ""


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


class WorkerHeartbeat(models.Model):
    """When the background worker last ran its heartbeat task (base.tasks.beat): one row."""

    SINGLETON = 1

    beaten_at = models.DateTimeField(_("last heartbeat"))
    worker_id = models.CharField(_("worker"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.worker_id} {self.beaten_at.isoformat()}"
