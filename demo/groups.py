"""The editors group and one officer group per catalogue officer group, with admin access."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from service_requests.catalogue import all_services
from service_requests.models import ServiceAssignment

EDITORS = "Editors"  # made by Wagtail's own migration; reused
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = {
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "choose_image"),
}


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_admin_group(name: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    return group


def ensure_editors() -> Group:
    """Editors: all pages (add, change, publish), documents and images, and the office settings."""
    group = ensure_admin_group(EDITORS)
    group.permissions.add(permission("base", "change_officesettings"))
    root_page = Page.get_first_root_node()
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(app_label, codename)
            )
    return group


def officer_group_names() -> list[str]:
    """Distinct officer groups of the catalogue, in catalogue order."""
    return list(dict.fromkeys(service.officer_group for service in all_services()))


def model_permissions(model_label: str):
    """Every permission of a model (add, change, delete and view; change alone for a setting)."""
    return Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(apps.get_model(model_label))
    )


def ensure_officer_groups() -> dict[str, Group]:
    """The officer groups, each assigned the services the catalogue gives it by default, with the
    rights to the lists those services' officers keep (rooms, executives, the price list)."""
    groups = {name: ensure_admin_group(name) for name in officer_group_names()}
    for service in all_services():
        ServiceAssignment.objects.get_or_create(
            service_code=service.code, defaults={"group": groups[service.officer_group]}
        )
        for model_label in service.kept_lists:
            groups[service.officer_group].permissions.add(*model_permissions(model_label))
    return groups
