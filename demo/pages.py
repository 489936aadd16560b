"""The demo page tree: Thai pages first, then their English translations (same slugs).

A page that already exists is left as it is, so editors' changes survive a re-run.
"""

from django.utils import translation
from django.utils.html import format_html, format_html_join

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import ContentPage, HomePage
from service_pages.models import DownloadsPage, ServiceDocument, ServiceIndexPage, ServicePage
from service_requests.catalogue import EService, builtin_services

from . import page_texts
from .content import COMMON, SERVICES, application_steps
from .privacy import TITLE as PRIVACY_TITLE
from .privacy import privacy_body

LANGUAGES = ("th", "en")


def paragraphs(texts) -> str:
    return str(format_html_join("", "<p>{}</p>", ((text,) for text in texts)))


def bullets(texts) -> str:
    return str(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((text,) for text in texts))))


def steps_block(heading, steps) -> dict:
    return {
        "type": "steps",
        "value": {
            "heading": heading,
            "steps": [{"title": title, "detail": detail} for title, detail in steps],
        },
    }


# Fields of each page, per language ----------------------------------------------------------


def home_fields(language: str) -> dict:
    texts = page_texts.HOME[language]
    return {
        "title": texts["title"],
        "intro": paragraphs(texts["intro"]),
        "services_heading": texts["services_heading"],
        "body": [steps_block(texts["steps_heading"], texts["steps"])],
    }


def intro_fields(texts: dict) -> dict:
    return {"title": texts["title"], "intro": paragraphs([texts["intro"]])}


def privacy_fields(language: str) -> dict:
    return {"title": PRIVACY_TITLE[language], "body": privacy_body(language)}


def service_fields(service: EService, documents, language: str) -> dict:
    content = SERVICES[service.code]
    texts, common = content.texts(language), COMMON[language]
    attachments = format_html("<h2>{}</h2>", common.attachments_heading) + bullets(texts.attachments)
    attachments += paragraphs((common.file_note, *texts.notes))
    link_suffix = " (Thai)" if language == "en" else ""
    with translation.override(language):
        name = str(service.name)
    return {
        "title": texts.title,
        "service_code": service.code,
        "summary": texts.summary,
        "description": paragraphs(texts.description),
        "eligibility": bullets(texts.eligibility),
        "processing_time": common.processing_time,
        "body": [
            steps_block(common.steps_heading, application_steps(content, language, service_name=name)),
            {"type": "flow_diagram", "value": {"heading": common.flow_heading, "stages": list(texts.flow)}},
            {"type": "rich_text", "value": str(attachments)},
        ],
        "documents": [
            ServiceDocument(
                kind=ServiceDocument.Kind.MANUAL,
                document=documents.manual,
                title=texts.manual_title + link_suffix,
            ),
            ServiceDocument(
                kind=ServiceDocument.Kind.BLANK_FORM,
                document=documents.blank_form,
                title=texts.blank_form_title + link_suffix,
            ),
        ],
    }


# Creating pages -------------------------------------------------------------------------------


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def ensure_child(parent: Page, model, *, slug: str, fields: dict, **lookup) -> Page:
    """The `model` child of `parent` found by `lookup` (default: the slug), created if missing."""
    existing = model.objects.child_of(parent).filter(**(lookup or {"slug": slug})).first()
    if existing:
        return existing
    page = model(slug=slug, locale_id=parent.locale_id, **fields)
    parent.add_child(instance=page)
    return publish(page)


def ensure_translation(page: Page, locale: Locale, fields: dict) -> Page:
    """The page's translation into `locale`: a copy made with Wagtail's translation API, then
    given the translated fields and published. An existing translation is left alone."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    # The copy's documents are replaced by the translated ones at once: each saved child would
    # otherwise leave the worker a reference-index task for a row gone by the time it runs
    # (a failed task in its log). The translation is indexed once, here, instead.
    with disable_reference_index_auto_update():
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        publish(translation)
    ReferenceIndex.create_or_update_for_object(translation)
    return translation


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def ensure_home(locale: Locale) -> HomePage:
    """The Thai home page at the top of the tree, in place of Wagtail's welcome page."""
    existing = HomePage.objects.filter(depth=2, locale=locale).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    welcome = (
        root.get_children()
        .filter(content_type__app_label="wagtailcore", content_type__model="page", numchild=0)
        .first()
    )
    if welcome:
        # The site points at the welcome page and would be deleted with it (CASCADE): park it.
        Site.objects.filter(root_page=welcome).update(root_page=root)
        welcome.delete()
    home = HomePage(slug=find_available_slug(root, "home"), locale=locale, **home_fields("th"))
    root.add_child(instance=home)
    return publish(home)


def ensure_site(home: HomePage, site_name: str) -> Site:
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    site.root_page = home
    site.is_default_site = True
    site.site_name = site_name
    site.save()
    return site


def ensure_thai_tree(locale: Locale, documents_by_code: dict) -> dict:
    """The Thai pages, as a dict of name -> page (service pages under "service:<code>")."""
    home = ensure_home(locale)
    index = ensure_child(
        home, ServiceIndexPage, slug="services", fields=intro_fields(page_texts.SERVICES_INDEX["th"])
    )
    pages = {"home": home, "services": index}
    for service in builtin_services():
        pages[f"service:{service.code}"] = ensure_child(
            index,
            ServicePage,
            slug=service.slug,
            fields=service_fields(service, documents_by_code[service.code], "th"),
            service_code=service.code,
        )
    pages["downloads"] = ensure_child(
        home, DownloadsPage, slug="downloads", fields=intro_fields(page_texts.DOWNLOADS["th"])
    )
    pages["privacy"] = ensure_child(home, ContentPage, slug="privacy", fields=privacy_fields("th"))
    return pages


def ensure_english_tree(thai_pages: dict, locale: Locale, documents_by_code: dict) -> dict:
    """English translations of the Thai pages, parents before children (so none is an alias)."""
    fields = {
        "home": home_fields("en"),
        "services": intro_fields(page_texts.SERVICES_INDEX["en"]),
        "downloads": intro_fields(page_texts.DOWNLOADS["en"]),
        "privacy": privacy_fields("en"),
    }
    for service in builtin_services():
        fields[f"service:{service.code}"] = service_fields(service, documents_by_code[service.code], "en")
    # Dicts keep insertion order, and ensure_thai_tree inserted every parent before its children.
    return {name: ensure_translation(page, locale, fields[name]) for name, page in thai_pages.items()}
