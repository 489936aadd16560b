"""The editors group and one officer group per catalogue officer group, with admin access."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from service_requests.catalogue import builtin_services
from service_requests.models import ServiceAssignment

# Wagtail's own migrations make "Editors" and "Moderators" (and the collection "Root", see
# media.py); the demo names them in Thai. They are found by either name, so loading twice, or
# over a database where someone renamed them back, neither duplicates nor fails.
EDITORS = "ผู้แก้ไขเนื้อหา"
MODERATORS = "ผู้ตรวจอนุมัติเนื้อหา"
WAGTAIL_NAMES = {EDITORS: "Editors", MODERATORS: "Moderators"}
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = {
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "choose_image"),
}


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_named_in_thai(name: str) -> Group:
    """The group of this Thai name: Wagtail's English-named one renamed, or a new one."""
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=WAGTAIL_NAMES.get(name, name)).first() or Group(name=name)
        group.name = name
        group.save()
    return group


def ensure_admin_group(name: str) -> Group:
    group = ensure_named_in_thai(name)
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


def ensure_moderators() -> Group:
    """Wagtail's moderators (its default workflow's approval task), named in Thai."""
    return ensure_named_in_thai(MODERATORS)


def officer_group_names() -> list[str]:
    """Distinct officer groups of the catalogue, in catalogue order."""
    return list(dict.fromkeys(service.officer_group for service in builtin_services()))


def model_permissions(model_label: str):
    """Every permission of a model (add, change, delete and view; change alone for a setting)."""
    return Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(apps.get_model(model_label))
    )


# What the officer at the counter does after seeing the applicant's ID card (accounts): mark the
# citizen ID verified, and print a one-time password reset code.
COUNTER_PERMISSIONS = (("accounts", "verify_identity"), ("accounts", "issue_counter_reset_code"))


def ensure_counter_permissions(groups) -> None:
    """In the demo every officer serves the counter: a newcomer can try both with any officer."""
    counter = [permission(app_label, codename) for app_label, codename in COUNTER_PERMISSIONS]
    for group in groups:
        group.permissions.add(*counter)


def ensure_officer_groups() -> dict[str, Group]:
    """The officer groups, each assigned the built-in services the catalogue gives it by default,
    with the rights to the lists those services' officers keep (rooms, executives, the price list).
    A service the office built names its group on its page (demo/personnel_record.py)."""
    groups = {name: ensure_admin_group(name) for name in officer_group_names()}
    for service in builtin_services():
        ServiceAssignment.objects.get_or_create(
            service_code=service.code, defaults={"group": groups[service.officer_group]}
        )
        for model_label in service.kept_lists:
            groups[service.officer_group].permissions.add(*model_permissions(model_label))
    return groups


# Supervisors of a service (service_requests.queries.supervises): officers of it who may also
# assign its requests to the other officers. Their group holds only that permission (and the
# admin); they are officers through the service's own group.
ASSIGN_PERMISSION = ("service_requests", "assign_servicerequest")


def ensure_supervisor_groups(names) -> dict[str, Group]:
    """A supervisors' group of each of these names, allowed to assign requests to others."""
    groups = {name: ensure_admin_group(name) for name in names}
    for group in groups.values():
        group.permissions.add(permission(*ASSIGN_PERMISSION))
    return groups
