from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyBlock


class HomePage(Page):
    """หน้าหลัก: the office's One Stop Service introduction and the tiles of its services."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    services_heading = models.CharField(_("services heading"), max_length=120, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("services_heading"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["service_pages.ServiceIndexPage", "service_pages.DownloadsPage", "home.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from service_pages.queries import live_service_pages

        context = super().get_context(request, *args, **kwargs)
        context["service_pages"] = live_service_pages(locale=self.locale)
        return context


class ContentPage(Page):
    """A plain page of text, e.g. the privacy policy (นโยบายคุ้มครองข้อมูลส่วนบุคคล)."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


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
