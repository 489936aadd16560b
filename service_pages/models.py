from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES, BodyBlock
from service_requests.catalogue import get_service, service_choices
from service_requests.forms import RequestForms
from service_requests.views import submit_from_service_page

from .downloads import downloads_by_service


class ServiceIndexPage(Page):
    """บริการ: lists the office's e-services (/services/)."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["service_pages.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("services index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_pages"] = ServicePage.objects.listed(locale=self.locale)
        return context


def _documents():
    return ServiceDocument.objects.select_related("document").order_by("sort_order")


class ServicePageQuerySet(PageQuerySet):
    def listed(self, *, locale) -> list:
        """The live, public service pages of one language, with their documents, in the tree's
        order; each translation carries its Thai original (`original`, for the documents it lacks).
        Three queries whatever the number of pages."""
        pages = list(
            self.live()
            .public()
            .filter(locale=locale)
            .order_by("path")
            .prefetch_related(Prefetch("documents", queryset=_documents()))
        )
        default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        originals = {}
        if locale.language_code != default_language:
            originals = {
                page.translation_key: page
                for page in self.live()
                .filter(
                    locale__language_code=default_language,
                    translation_key__in=[page.translation_key for page in pages],
                )
                .select_related("locale")
                .prefetch_related(Prefetch("documents", queryset=_documents()))
            }
        for page in pages:
            page.original = originals.get(page.translation_key)
        return pages


class ServicePage(Page):
    """One e-service (/services/<slug>/): what it is, who may apply, steps, flow and documents."""

    service_code = models.CharField(
        _("e-service"),
        max_length=4,
        choices=service_choices,
        help_text=_("Which e-service of the catalogue this page describes and takes requests for."),
    )
    summary = models.CharField(
        _("summary"), max_length=255, help_text=_("One sentence, shown on the service tiles.")
    )
    description = RichTextField(_("what it is"), features=RICH_TEXT_FEATURES, blank=True)
    eligibility = RichTextField(_("who may apply"), features=RICH_TEXT_FEATURES, blank=True)
    processing_time = models.CharField(
        _("processing time"), max_length=255, blank=True, help_text=_("e.g. within 3-5 working days")
    )
    body = StreamField(BodyBlock(), verbose_name=_("steps and details"), blank=True)

    objects = PageManager.from_queryset(ServicePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("service_code"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("eligibility"),
        FieldPanel("processing_time"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("documents", label=_("Document"))], heading=_("Manuals and blank forms")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.SearchField("body"),
        index.FilterField("service_code"),
    ]

    parent_page_types = ["service_pages.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service page")

    def clean(self):
        super().clean()
        others = ServicePage.objects.filter(service_code=self.service_code, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"service_code": _("Another page already describes this e-service.")})

    @property
    def service(self):
        """The catalogue's e-service this page describes."""
        return get_service(self.service_code)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated and self.service.accepts_requests:
            context.setdefault("request_forms", RequestForms(self.service, user=request.user))
        return context

    def upload_file_count(self, request, **view_kwargs):
        """The request form's file fields (service_requests.upload_limits caps the body by them)."""
        return len(self.service.attachment_slots)

    def serve(self, request, *args, **kwargs):
        # The embedded request form posts back to its service page.
        if request.method == "POST":
            return submit_from_service_page(request, self)
        return super().serve(request, *args, **kwargs)

    def own_documents(self):
        """The documents on this page itself, with their files (taken from a prefetch if there is one)."""
        if "documents" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.documents.all())
        return list(self.documents.select_related("document").order_by("sort_order"))

    @cached_property
    def original(self):
        """The page in the office's language (Thai) that this translation was made from, if live;
        None on a Thai page. ServicePage.objects.listed() sets it for a whole list at once."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return None
        return ServicePage.objects.live().filter(translation_key=self.translation_key, locale=default).first()

    @cached_property
    def document_list(self):
        """The page's documents, then those of its Thai original that it lacks: editors add a
        manual to the Thai page and the English page offers it too, until it gets its own."""
        documents = self.own_documents()
        if self.original is None:
            return documents
        present = {item.document_id for item in documents}
        borrowed = [item for item in self.original.own_documents() if item.document_id not in present]
        language = self.original.locale.language_code
        for item in borrowed:
            item.language = language  # its link text is in the original's language
        return documents + borrowed

    def manuals(self):
        return [item for item in self.document_list if item.kind == ServiceDocument.Kind.MANUAL]

    def blank_forms(self):
        return [item for item in self.document_list if item.kind == ServiceDocument.Kind.BLANK_FORM]


class ServiceDocument(Orderable):
    """A manual (คู่มือ) or blank form (แบบฟอร์ม) offered for download on a service page."""

    class Kind(models.TextChoices):
        MANUAL = "manual", _("Manual")
        BLANK_FORM = "form", _("Blank form")

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("kind"), FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("service document")

    def __str__(self):
        return self.display_title

    # The language of the link text when it is not the page's (a document shown from the original).
    language = ""

    @property
    def display_title(self):
        return self.title or self.document.title


class DownloadsPage(Page):
    """ดาวน์โหลดเอกสาร: every manual and blank form of every service, filterable by service."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("downloads page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        service_pages = ServicePage.objects.listed(locale=self.locale)
        selected = request.GET.get("service", "")
        context["service_pages"] = service_pages
        context["selected_service"] = selected
        context["download_groups"] = downloads_by_service(service_pages, only_slug=selected)
        return context
