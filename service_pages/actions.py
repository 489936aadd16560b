"""Writes of the service pages that are more than Wagtail's own editing: a configured service
published (its form frozen, its officers named), and its definition imported from another
office's file."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Locale

from service_forms.actions import freeze_form_version
from service_forms.definition import (
    DefinitionError,
    FormDefinition,
    definition_from_json,
    is_service_code,
    stream_data,
    validate_definition,
)
from service_requests.actions import assign_service_to_group
from service_requests.catalogue import CATALOGUE
from service_requests.catalogue.configured import forget_configured_services

from .models import ServicePage


def definition_problems(definition: FormDefinition, *, locale_id) -> list[str]:
    """What stops a definition from becoming a page in this portal (Thai sentences)."""
    problems = list(validate_definition(definition.fields))
    code = definition.service.code
    if not definition.fields:
        problems.append(_("The definition has no fields."))
    if not is_service_code(code):
        problems.append(_("The service code “%(code)s” is not two digits.") % {"code": code})
    elif code in CATALOGUE:
        problems.append(
            _(
                "Service code %(code)s belongs to the built-in service “%(name)s”: change the code in the file."
            )
            % {"code": code, "name": CATALOGUE[code].name}
        )
    elif ServicePage.objects.code_taken(code, locale_id=locale_id):
        problems.append(
            _("Service code %(code)s is already used by another service page: change the code in the file.")
            % {"code": code}
        )
    return problems


DAYS_IN_YEAR = 365


@transaction.atomic
def publish_configured_service(*, page, revision, user=None):
    """What publishing a configured service's page does beyond Wagtail's publishing: its form
    becomes the next frozen version (unless unchanged), the officer group it names works its
    requests, and the catalogue reads it again. Returns the new version or None. Only the Thai
    page's publication counts (it holds both languages' labels; a translation shares its code);
    a built-in service's page has nothing to freeze."""
    if not page.is_configured or page.locale_id != Locale.get_default().pk:
        return None
    version = freeze_form_version(page=page, revision=revision, user=user)
    if page.officer_group_id:
        assign_service_to_group(
            service_code=page.service_code,
            group=page.officer_group,
            retention_days=page.retention_years * DAYS_IN_YEAR if page.retention_years else None,
            actor=user,
        )
    forget_configured_services()  # this process's next read, in this transaction, sees it
    transaction.on_commit(forget_configured_services)
    return version


def _free_slug(parent_page, base: str) -> str:
    slug, number = base, 1
    while parent_page.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def import_service_definition(*, parent_page, data, user) -> ServicePage:
    """Create a draft service page under the services index from a definition file's parsed JSON
    (service_forms.definition's format). DefinitionError (Thai messages) when the file is not a
    definition this portal reads, its form has errors or its code clashes; nothing is created then.
    The officer group is found by its name; none when this office has no group of that name."""
    if not parent_page.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    definition = definition_from_json(data)
    problems = definition_problems(definition, locale_id=parent_page.locale_id)
    if problems:
        raise DefinitionError(problems)
    settings = definition.service
    title = settings.title or settings.short_name or _("Service %(code)s") % {"code": settings.code}
    page = ServicePage(
        title=title,
        slug=_free_slug(parent_page, f"service-{settings.code}"),
        service_code=settings.code,
        summary=(settings.short_name or title)[:255],
        short_name=settings.short_name,
        officer_group=Group.objects.filter(name=settings.officer_group).first()
        if settings.officer_group
        else None,
        processing_days=settings.processing_days,
        retention_years=settings.retention_years,
        form_note=settings.form_note,
        title_en=settings.title_en,
        short_name_en=settings.short_name_en,
        form_note_en=settings.form_note_en,
        form_definition=stream_data(definition.fields),
        live=False,
    )
    try:
        parent_page.add_child(instance=page)
    except ValidationError as error:
        raise DefinitionError(
            [message for messages in error.message_dict.values() for message in messages]
        ) from error
    revision = page.save_revision(user=user)
    log(
        instance=page,
        action="service_forms.import_definition",
        user=user,
        revision=revision,
        data={"service_code": settings.code},
    )
    return page
