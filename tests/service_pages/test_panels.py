"""The service page's Form tab (service_pages/panels.py): a built-in service's page says, in Thai,
that the service is part of the system and what it runs with now, and hides the form builder,
which applies to the office's own services only; a configured service's page shows the builder."""

import re

from django.urls import reverse

from service_requests.models import ServiceAssignment
from tests.factories.service_pages import ConfiguredServicePageFactory
from tests.service_pages.test_configured_services import edit_form_data
from tests.service_requests.helpers import access_admin_group

PERSONNEL = "เจ้าหน้าที่กลุ่มบริหารงานบุคคล"
BUILT_IN_HEADING = "<span data-panel-heading-text>บริการในระบบ</span>"


def form_tab(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def hidden_panels(html) -> list[str]:
    """The ids of the editor's panels the page leaves hidden."""
    return re.findall(r'<section class="w-panel[^"]*" id="([^"]+)"[^>]*\bhidden\b[^>]*data-panel>', html)


def test_a_built_in_service_shows_the_group_and_days_it_runs_with_instead_of_the_builder(
    client, superuser, page_tree
):
    ServiceAssignment.objects.create(
        service_code="12", group=access_admin_group(PERSONNEL), retention_days=1825
    )
    client.force_login(superuser)
    html = form_tab(client, page_tree.service_pages["certificate"])

    assert BUILT_IN_HEADING in html
    assert "“หนังสือรับรอง” (รหัส 12) เป็นบริการในระบบ" in html
    assert f"<dd>{PERSONNEL}</dd>" in html
    # What the public page and the confirmation promise, and the days the due date counts.
    assert "<dd>ภายใน 3-5 วันทำการ (กำหนดเสร็จนับ 5 วันทำการ)</dd>" in html
    assert "<dd>5 ปี (1,825 วัน)</dd>" in html
    # The settings, the note and the fields are not offered as if they applied.
    hidden = hidden_panels(html)
    assert len(hidden) == 4
    assert any(panel.endswith("-form_note-section") for panel in hidden)
    assert any(panel.endswith("-form_note_en-section") for panel in hidden)
    assert any(panel.endswith("-form_definition-section") for panel in hidden)


def test_a_built_in_service_without_a_group_says_so_and_names_the_default_retention(
    client, superuser, page_tree
):
    client.force_login(superuser)
    html = form_tab(client, page_tree.service_pages["certificate"])
    assert "ยังไม่มี: เฉพาะผู้ดูแลระบบ (superuser) เห็นคำขอของบริการนี้" in html
    assert "<dd>10 ปี (3,650 วัน, ค่าเริ่มต้น)</dd>" in html


def test_a_retention_period_of_no_whole_number_of_years_is_said_in_days(client, superuser, page_tree):
    ServiceAssignment.objects.create(
        service_code="12", group=access_admin_group(PERSONNEL), retention_days=1000
    )
    client.force_login(superuser)
    assert "<dd>1,000 วัน</dd>" in form_tab(client, page_tree.service_pages["certificate"])


def test_a_configured_service_shows_the_builder(client, superuser, page_tree):
    client.force_login(superuser)
    html = form_tab(client, ConfiguredServicePageFactory(parent=page_tree.services))
    assert BUILT_IN_HEADING not in html
    assert hidden_panels(html) == []
    assert 'name="officer_group"' in html


def test_a_built_in_service_page_saves_with_the_builder_hidden(client, superuser, page_tree):
    page = page_tree.service_pages["certificate"]
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, []) | {"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.service_code == "12"
    assert not page.is_configured


def test_a_page_given_a_new_code_shows_the_builder_to_build_its_form(client, superuser, page_tree):
    page = page_tree.service_pages["certificate"]
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, [], service_code="13") | {"action-publish": "action-publish"},
    )
    assert response.status_code == 200  # refused: a new code needs a form
    html = response.content.decode()
    assert BUILT_IN_HEADING not in html
    assert hidden_panels(html) == []
