from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES, BodyBlock
from base.route_cache import KeptViewRestrictions
from service_forms.blocks import FormDefinitionBlock
from service_forms.definition import (
    FormDefinition,
    ServiceSettings,
    fields_from_stream,
    is_service_code,
    validate_definition,
)
from service_forms.models import FormVersion
from service_requests.catalogue import CATALOGUE, find_service, get_service
from service_requests.catalogue.configured import configured_service
from service_requests.forms import RequestForms
from service_requests.views import submit_from_service_page

from .downloads import downloads_by_service
from .forms import ServicePageForm
from .panels import BuiltInServicePanel, OwnServiceFieldPanel, OwnServiceMultiFieldPanel


class ServiceIndexPage(KeptViewRestrictions, Page):
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
    def code_taken(self, code: str, *, locale_id, exclude_pk=None) -> bool:
        """Whether another service page of the language already has this service code."""
        others = self.filter(service_code=code, locale_id=locale_id)
        if exclude_pk:
            others = others.exclude(pk=exclude_pk)
        return others.exists()

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


class ServicePage(KeptViewRestrictions, Page):
    """One e-service (/services/<slug>/): what it is, who may apply, steps, flow and documents.

    A page either describes a built-in service of the catalogue (its code; the form is code) or
    defines its own, a configured service: a new two-digit code and the form built in the "Form"
    tab (service_forms), frozen as a new FormVersion each time it is published.
    """

    service_code = models.CharField(
        _("service code"),
        max_length=4,
        help_text=_(
            "Two digits: the code of a built-in service, or a new code for a service whose form you build "
            "in the Form tab."
        ),
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

    # A configured service's settings and form (empty on a built-in service's page).
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        blank=True,
        help_text=_("The service's name in lists and reports, if shorter than the title."),
    )
    officer_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("officer group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group of officers who work this service's requests."),
    )
    processing_days = models.PositiveSmallIntegerField(
        _("processing time in working days"), null=True, blank=True
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention period in years"),
        null=True,
        blank=True,
        help_text=_("How long finished requests are kept."),
    )
    form_note = models.TextField(_("note above the form"), blank=True)
    # Their English counterparts, for English pages (the Thai page holds both languages' texts of
    # the form, as its fields do their labels: the translation shares its form version).
    title_en = models.CharField(
        _("title (English)"),
        max_length=255,
        blank=True,
        help_text=_("The form's heading on English pages. Empty: the Thai title."),
    )
    short_name_en = models.CharField(
        _("short name (English)"),
        max_length=100,
        blank=True,
        help_text=_(
            "The service's name in lists on English pages. Empty: the English title, else the Thai name."
        ),
    )
    form_note_en = models.TextField(
        _("note above the form (English)"),
        blank=True,
        help_text=_("Shown on English pages. Empty: the Thai note."),
    )
    form_definition = StreamField(
        FormDefinitionBlock(),
        verbose_name=_("form fields"),
        blank=True,
        help_text=_("Only for a service of the office's own: leave empty for a built-in service."),
    )

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
    # On a built-in service's page the tab says what the service runs with, and the builder
    # (for the office's own services) is hidden: service_pages.panels.
    form_panels = [
        BuiltInServicePanel(),
        OwnServiceMultiFieldPanel(
            [
                FieldPanel("short_name"),
                FieldPanel("title_en"),
                FieldPanel("short_name_en"),
                FieldPanel("officer_group"),
                FieldPanel("processing_days"),
                FieldPanel("retention_years"),
            ],
            heading=_("Service settings"),
        ),
        OwnServiceFieldPanel("form_note"),
        OwnServiceFieldPanel("form_note_en"),
        OwnServiceFieldPanel("form_definition"),
    ]
    base_form_class = ServicePageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Form")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=ServicePageForm,
    )
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
        self.service_code = (self.service_code or "").strip()
        errors = {}
        fields = fields_from_stream(self.form_definition)
        if self.service_code in CATALOGUE:
            if fields:
                errors["form_definition"] = _(
                    "Code %(code)s is a built-in service, whose form is part of the system: leave the form "
                    "empty, or give this service a new code."
                ) % {"code": self.service_code}
        elif not is_service_code(self.service_code):
            errors["service_code"] = _("A service code has exactly two digits, e.g. 13.")
        elif not fields:
            errors["form_definition"] = _(
                "Code %(code)s is not a built-in service: build its form (at least one field), or use a "
                "built-in service's code."
            ) % {"code": self.service_code}
        elif problems := validate_definition(fields):
            # One message: Wagtail's StreamField editor shows only the first error of the field.
            errors["form_definition"] = " ".join(problems)
        if "service_code" not in errors and ServicePage.objects.code_taken(
            self.service_code, locale_id=self.locale_id, exclude_pk=self.pk
        ):
            errors["service_code"] = _("Another page already describes this e-service.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_configured(self) -> bool:
        """Whether the page defines its own service (a form built by editors) rather than naming
        one of the catalogue's."""
        return self.service_code not in CATALOGUE

    def service_definition(self) -> FormDefinition:
        """The configured service's settings and form, as service_forms reads them."""
        return FormDefinition(
            service=ServiceSettings(
                code=self.service_code,
                title=self.title,
                short_name=self.short_name,
                officer_group=self.officer_group.name if self.officer_group_id else "",
                processing_days=self.processing_days,
                retention_years=self.retention_years,
                form_note=self.form_note,
                title_en=self.title_en,
                short_name_en=self.short_name_en,
                form_note_en=self.form_note_en,
            ),
            fields=fields_from_stream(self.form_definition),
        )

    @property
    def service(self):
        """The e-service this page describes: a built-in one, or the page's own as last published
        (as drafted, before its first publication)."""
        if not self.is_configured:
            return get_service(self.service_code)
        # Never published: nothing in the catalogue yet, and no requests until it is.
        return find_service(self.service_code) or replace(self.draft_service, open_for_requests=False)

    @cached_property
    def draft_service(self):
        """The page's own service as its form stands now, published or not (Wagtail's preview)."""
        draft = FormVersion(
            service_code=self.service_code,
            page=self,
            number=0,
            definition=self.service_definition().to_json(),
        )
        return configured_service(draft, draft=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The preview shows the form being edited, as applicants will see it once published.
        service = (
            self.draft_service
            if self.is_configured and getattr(request, "is_preview", False)
            else self.service
        )
        if request.user.is_authenticated and service.accepts_requests:
            context.setdefault("request_forms", RequestForms(service, user=request.user))
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


class DownloadsPage(KeptViewRestrictions, Page):
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
