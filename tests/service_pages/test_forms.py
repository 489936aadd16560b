"""The service page's admin form (service_pages/forms.py): the officer group box offers only the
groups that can work requests, never Wagtail's editors and moderators."""

import re

from django.urls import reverse

from demo.groups import (
    EDITORS,
    MODERATORS,
    ensure_editors,
    ensure_moderators,
    ensure_officer_groups,
    ensure_supervisor_groups,
)
from service_requests.catalogue import groups as catalogue_groups
from tests.factories.service_pages import ConfiguredServicePageFactory
from tests.service_pages.test_configured_services import edit_form_data
from tests.service_requests.helpers import access_admin_group

SUPERVISORS = "หัวหน้ากลุ่มบริหารงานบุคคล"
NEW_GROUP = "งานทะเบียนประวัติ"  # made for a new service: it works none yet


def officer_group_options(html) -> list[str]:
    select = re.search(r'<select name="officer_group".*?</select>', html, re.S).group(0)
    return [label for label in re.findall(r"<option [^>]*>([^<]*)</option>", select) if label != "---------"]


def test_the_officer_group_box_offers_only_groups_that_can_work_requests(client, superuser, page_tree):
    ensure_editors()
    ensure_moderators()
    ensure_officer_groups()
    ensure_supervisor_groups([SUPERVISORS])
    access_admin_group(NEW_GROUP)
    page = ConfiguredServicePageFactory(parent=page_tree.services)
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    offered = officer_group_options(response.content.decode())
    officer_groups = {
        catalogue_groups.PERSONNEL,
        catalogue_groups.FINANCE,
        catalogue_groups.ADMINISTRATION,
        catalogue_groups.DIRECTOR_OFFICE,
        catalogue_groups.ACADEMIC,
    }
    assert set(offered) == officer_groups | {NEW_GROUP}
    assert offered == sorted(offered)
    assert not {EDITORS, MODERATORS, SUPERVISORS} & set(offered)


def test_the_editors_group_is_refused_as_a_services_officer_group(client, superuser, page_tree):
    editors = ensure_editors()
    page = ConfiguredServicePageFactory(parent=page_tree.services)
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, [("purpose", "วัตถุประสงค์")], officer_group=str(editors.pk)),
    )
    assert response.status_code == 200
    assert "เลือกตัวเลือกที่ถูกต้อง" in response.content.decode()
    page.refresh_from_db()
    assert page.officer_group is None


def test_a_page_keeps_showing_the_group_it_already_names(client, superuser, page_tree):
    editors = ensure_editors()
    page = ConfiguredServicePageFactory(parent=page_tree.services, officer_group=editors)
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert officer_group_options(response.content.decode()) == [EDITORS]
