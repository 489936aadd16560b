"""Publishing a configured service freezes its form as a version; requests keep theirs."""

from wagtail.models import PageLogEntry

import pytest

from service_forms.actions import freeze_form_version
from service_forms.models import FormVersion
from service_forms.queries import versions_of_service
from tests.factories.service_forms import input_field, personnel_record_form
from tests.factories.service_pages import ConfiguredServicePageFactory


@pytest.fixture
def configured(page_tree):
    return ConfiguredServicePageFactory(parent=page_tree.services, live=False)


def labels(version):
    return [item["label_th"] for item in version.definition["fields"]]


def test_publishing_a_configured_service_freezes_its_form(configured, superuser):
    revision = configured.save_revision(user=superuser)
    revision.publish(user=superuser)
    [version] = list(FormVersion.objects.filter(page=configured).order_by("number"))
    assert (version.service_code, version.number, version.revision_id) == ("13", 1, revision.pk)
    assert version.definition["service"]["title"] == "ขอสำเนาทะเบียนประวัติ (ก.พ.7)"
    assert "วิธีรับเอกสาร" in labels(version)
    assert versions_of_service("13") == [version]
    assert PageLogEntry.objects.filter(page=configured, action="service_forms.freeze_version").count() == 1


def test_a_change_republished_makes_version_2_and_version_1_stays(configured, superuser):
    configured.save_revision(user=superuser).publish(user=superuser)
    page = configured.specific.__class__.objects.get(pk=configured.pk)
    page.form_definition = [
        *personnel_record_form()[:4],
        input_field("email", "reply_to", "อีเมลสำหรับส่งสำเนา"),
    ]
    page.save_revision(user=superuser).publish(user=superuser)
    first, second = list(FormVersion.objects.filter(page=configured).order_by("number"))
    assert (first.number, second.number) == (1, 2)
    assert "วิธีรับเอกสาร" in labels(first)
    assert "อีเมลสำหรับส่งสำเนา" not in labels(first)
    assert "อีเมลสำหรับส่งสำเนา" in labels(second)
    assert "วิธีรับเอกสาร" not in labels(second)
    assert versions_of_service("13")[0] == second


def test_publishing_again_without_a_change_keeps_one_version(configured, superuser):
    configured.save_revision(user=superuser).publish(user=superuser)
    page = configured.specific.__class__.objects.get(pk=configured.pk)
    page.summary = "สรุปใหม่ ไม่เปลี่ยนแบบฟอร์ม"
    page.save_revision(user=superuser).publish(user=superuser)
    assert [
        version.number for version in list(FormVersion.objects.filter(page=configured).order_by("number"))
    ] == [1]
    assert freeze_form_version(page=page, revision=None, user=superuser) is None


def test_publishing_a_built_in_service_freezes_nothing(page_tree, superuser):
    page = page_tree.service_pages["certificate"]
    page.save_revision(user=superuser).publish(user=superuser)
    assert not FormVersion.objects.exists()
