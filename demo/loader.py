"""Loads the whole demo in one transaction, in dependency order."""

from django.db import transaction

from service_requests.catalogue import groups as catalogue_groups

from .accounts import SUPERVISORS, DemoAccount, ensure_demo_accounts
from .approval import ensure_service_approval
from .catalogue_data import ensure_booking_resources
from .documents import ensure_all_service_documents
from .groups import (
    ensure_counter_permissions,
    ensure_editors,
    ensure_moderators,
    ensure_officer_groups,
    ensure_supervisor_groups,
)
from .media import name_root_collection
from .office import OFFICE, ensure_logo, ensure_office_settings
from .pages import ensure_english_tree, ensure_locales, ensure_site, ensure_thai_tree
from .payments import ensure_payment_settings
from .personnel_record import ensure_personnel_record_service
from .price_list import ensure_price_list


@transaction.atomic
def load_demo_content(*, logins: bool = True) -> list[DemoAccount]:
    """Create whatever of the demo is missing; returns the demo accounts. Without `logins`: no
    account and no made-up biller ID, so that an office may start its production database from the
    demo office's pages, documents, groups and settings (README, Production)."""
    locales = ensure_locales()
    name_root_collection()
    ensure_moderators()
    documents = ensure_all_service_documents()
    thai_pages = ensure_thai_tree(locales["th"], documents)
    site = ensure_site(thai_pages["home"], OFFICE["name_th"])
    ensure_english_tree(thai_pages, locales["en"], documents)
    ensure_price_list()
    ensure_booking_resources()
    settings = ensure_office_settings(site=site, logo=ensure_logo(), privacy_page=thai_pages["privacy"])
    if logins:
        ensure_payment_settings(site=site)
    officer_groups = ensure_officer_groups()
    ensure_counter_permissions(officer_groups.values())
    # The office's own service names its officer group on its page: made once the groups exist.
    ensure_personnel_record_service(
        thai_pages["services"],
        officer_group=officer_groups[catalogue_groups.PERSONNEL],
        english=locales["en"],
    )
    ensure_service_approval(
        thai_pages["services"], approvers=officer_groups[catalogue_groups.DIRECTOR_OFFICE]
    )
    editors = ensure_editors()
    supervisor_groups = ensure_supervisor_groups(SUPERVISORS.values())
    if not logins:
        return []
    return ensure_demo_accounts(
        editors=editors,
        officer_groups=officer_groups,
        supervisor_groups=supervisor_groups,
        privacy_notice_version=settings.privacy_notice_version,
    )
