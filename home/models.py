from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES, BodyBlock
from base.route_cache import KeptViewRestrictions
from service_pages.queries import live_service_pages


class HomePage(KeptViewRestrictions, Page):
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
        context = super().get_context(request, *args, **kwargs)
        context["service_pages"] = live_service_pages(locale=self.locale)
        return context

    def route(self, request, path_components):
        """The page a path names, found by its url_path in one query instead of two per level of
        Wagtail's walk down the tree (no page of the portal routes sub-paths of its own). Paths
        that name no live page take Wagtail's walk, and its answer."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path, live=True).specific().first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)


class ContentPage(KeptViewRestrictions, Page):
    """A plain page of text, e.g. the privacy policy (นโยบายคุ้มครองข้อมูลส่วนบุคคล)."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
