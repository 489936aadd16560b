"""A service page that defines its own service: the code rules, the form shown on the page and in
Wagtail's preview, the admin's tabs and the definition's export and import."""

import html
import json

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from service_forms.definition import FORMAT_NAME
from service_forms.models import FormVersion
from service_pages.models import ServicePage
from service_requests.catalogue.configured import ConfiguredDetails
from service_requests.models import ServiceRequest
from tests.factories.accounts import StaffFactory
from tests.factories.service_forms import input_field, personnel_record_form
from tests.factories.service_pages import ConfiguredServicePageFactory
from tests.factories.service_requests import form_data, png_upload

LABELS = ["วัตถุประสงค์", "จำนวนสำเนา", "รับรองสำเนาถูกต้อง", "วิธีรับเอกสาร", "สำเนาบัตรประจำตัวประชาชน"]


@pytest.fixture
def configured(page_tree):
    page = ConfiguredServicePageFactory(parent=page_tree.services)
    page.save_revision().publish()  # the editor's "Publish": its form frozen as version 1
    return page


def refused(page):
    with pytest.raises(ValidationError) as error:
        page.clean()
    return error.value.message_dict


def new_page(**fields):
    defaults = {"title": "บริการใหม่", "slug": "new-service", "summary": "บริการใหม่ของสำนักงาน"}
    return ServicePage(**(defaults | fields))


# The code and the form


def test_a_published_configured_service_takes_requests_and_an_unpublished_one_not(configured, page_tree):
    assert configured.is_configured
    assert configured.service.name == "สำเนา ก.พ.7"
    assert configured.service.accepts_requests is True
    assert [slot.name for slot in configured.service.attachment_slots] == ["id_card_copy"]
    draft = ConfiguredServicePageFactory(
        parent=page_tree.services, service_code="14", slug="draft", live=False
    )
    assert draft.service.accepts_requests is False


def test_a_form_with_two_fields_of_one_name_is_refused_before_publishing(page_tree, thai_locale):
    page = new_page(
        service_code="13",
        locale=thai_locale,
        form_definition=[
            input_field("short_text", "purpose", "วัตถุประสงค์"),
            input_field("long_text", "purpose", "อื่น ๆ"),
        ],
    )
    assert refused(page) == {"form_definition": ["มีช่องสองช่องชื่อ “purpose” ซ้ำกัน: แต่ละช่องต้องมีชื่อไม่ซ้ำกัน"]}


def test_a_condition_naming_an_answer_the_choice_field_lacks_is_refused(page_tree, thai_locale):
    send_to = input_field(
        "email",
        "send_to",
        "อีเมลสำหรับส่งเอกสาร",
        required=False,
        required_when_field="delivery",
        required_when_answer="ไปรษณีย์",
    )
    page = new_page(
        service_code="13", locale=thai_locale, form_definition=[*personnel_record_form(), send_to]
    )
    assert refused(page) == {
        "form_definition": [
            "ช่อง “อีเมลสำหรับส่งเอกสาร” ต้องกรอกเมื่อช่อง “วิธีรับเอกสาร” ตอบว่า “ไปรษณีย์” "
            "แต่คำตอบนี้ไม่มีในช่องนั้น (มีเพียง รับด้วยตนเอง, ทางอีเมล)"
        ]
    }
    send_to["value"]["required_when_answer"] = "ทางอีเมล"
    page.form_definition = [*personnel_record_form(), send_to]
    page.clean()  # accepted


def test_a_choice_field_without_choices_is_refused(page_tree, thai_locale):
    page = new_page(
        service_code="13",
        locale=thai_locale,
        form_definition=[input_field("single_choice", "delivery", "วิธีรับเอกสาร", choices=[])],
    )
    assert refused(page) == {"form_definition": ["ช่องตัวเลือก “วิธีรับเอกสาร” ยังไม่มีตัวเลือก"]}


def test_a_built_in_code_with_a_form_of_its_own_is_refused(page_tree, thai_locale):
    page = new_page(service_code="11", locale=thai_locale, form_definition=personnel_record_form())
    assert list(refused(page)) == ["form_definition", "service_code"]
    assert refused(page)["form_definition"][0].startswith("รหัส 11 เป็นบริการในระบบ")


def test_a_code_another_configured_page_has_is_refused(configured, thai_locale):
    page = new_page(service_code="13", locale=thai_locale, form_definition=personnel_record_form())
    assert refused(page) == {"service_code": ["มีหน้าอื่นอธิบายบริการนี้อยู่แล้ว"]}


def test_a_code_must_have_two_digits_and_a_new_code_needs_a_form(page_tree, thai_locale):
    assert refused(
        new_page(service_code="1a", locale=thai_locale, form_definition=personnel_record_form())
    ) == {"service_code": ["รหัสบริการต้องเป็นตัวเลขสองหลัก เช่น 13"]}
    errors = refused(new_page(service_code="14", locale=thai_locale))
    assert list(errors) == ["form_definition"]
    assert errors["form_definition"][0].startswith("รหัส 14 ไม่ใช่บริการในระบบ")


# What applicants and editors see


def test_the_live_page_asks_a_visitor_to_log_in_first(client, configured):
    response = client.get(configured.url)
    assert response.status_code == 200
    apply_box = response.content.decode().split('id="apply"')[1]
    assert f"/accounts/login/?next={configured.url}" in apply_box
    assert 'name="details-purpose"' not in apply_box


def test_an_applicant_fills_in_the_form_on_the_page_and_sends_it(client, user, configured):
    client.force_login(user)
    html = client.get(configured.url).content.decode()
    for label in LABELS:
        assert label in html
    assert "โปรดตรวจสอบข้อมูลก่อนส่งคำขอ" in html  # the note above the form
    assert "รายละเอียดคำขอ" in html  # the section heading
    assert 'name="details-delivery"' in html and 'type="radio"' in html
    assert 'name="files-id_card_copy"' in html
    assert f'value="{user.first_name}"' in html  # the contact details filled in from the profile

    data = form_data("13", user) | {"files-id_card_copy": png_upload()}
    response = client.post(configured.url, data)

    service_request = ServiceRequest.objects.get(service_code="13")
    assert response.status_code == 302
    assert response["Location"] == reverse("service_requests:submitted", args=[service_request.reference])
    assert ConfiguredDetails.objects.get(request=service_request).answers["copies"] == 1
    assert [attachment.slot for attachment in service_request.attachments.all()] == ["id_card_copy"]


def test_a_mistake_is_shown_in_thai_on_its_field_with_the_rest_kept(client, user, configured):
    client.force_login(user)
    data = form_data("13", user) | {"details-copies": "9", "details-purpose": "ยื่นธนาคาร"}
    html = client.post(configured.url, data).content.decode()
    assert "กรุณากรอกไม่เกิน 5" in html
    assert 'value="ยื่นธนาคาร"' in html
    assert not ServiceRequest.objects.exists()


def test_the_preview_shows_the_draft_form_as_applicants_will_see_it(client, user, superuser, configured):
    page = ServicePage.objects.get(pk=configured.pk)
    page.form_definition = [*personnel_record_form(), input_field("email", "reply_to", "อีเมลสำหรับส่งสำเนา")]
    page.save_revision()
    client.force_login(superuser)  # an editor's preview carries their session
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    editor_request = RequestFactory().get("/", HTTP_COOKIE=cookies)
    preview = page.get_latest_revision_as_object().make_preview_request(original_request=editor_request)
    html = preview.content.decode()
    for label in [*LABELS, "อีเมลสำหรับส่งสำเนา"]:
        assert label in html
    assert '<span class="required" aria-hidden="true">*</span>' in html
    client.force_login(user)
    assert "อีเมลสำหรับส่งสำเนา" not in client.get(configured.url).content.decode()  # not published yet


def test_the_lists_show_the_configured_service(client, configured, page_tree):
    for url in ("/", "/services/", "/downloads/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "สำเนา ก.พ.7" in client.get("/services/").content.decode()


def test_the_admin_edit_page_of_a_built_in_service_still_loads(client, superuser, page_tree):
    client.force_login(superuser)
    page = page_tree.service_pages["id-card"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "แบบฟอร์ม" in html  # the Form tab
    assert "ส่งออกนิยามแบบฟอร์ม" not in html  # nothing to export
    assert '<datalist id="id_service_code_services">' in html


def test_the_admin_edit_page_of_a_configured_service_offers_the_export(client, superuser, configured):
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[configured.pk]))
    assert response.status_code == 200
    assert "ส่งออกนิยามแบบฟอร์ม" in response.content.decode()


# Sharing a service between offices


def test_an_exported_definition_imports_as_the_same_form_in_a_fresh_portal(
    client, superuser, configured, page_tree
):
    client.force_login(superuser)
    response = client.get(reverse("service_pages_export_definition", args=[configured.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="service-13.json"'
    exported = json.loads(response.content)
    assert (exported["format"], exported["version"]) == (FORMAT_NAME, 1)
    before = configured.service_definition()
    configured.delete()  # another office: no page with code 13

    upload = SimpleUploadedFile("service-13.json", response.content, content_type="application/json")
    response = client.post(reverse("service_pages_import_definition"), {"file": upload})
    imported = ServicePage.objects.get(service_code="13")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[imported.pk])
    assert imported.live is False
    assert imported.get_parent().pk == page_tree.services.pk
    assert imported.get_latest_revision() is not None
    assert imported.service_definition() == before
    assert imported.service_definition().to_json() == exported


def test_the_english_texts_are_frozen_with_the_form_and_travel_with_the_definition(
    client, superuser, configured
):
    configured.title_en = "Copy of the personnel record (Kor.Por.7)"
    configured.short_name_en = "Kor.Por.7 copy"
    configured.form_note_en = "Please check before you send it."
    configured.save_revision().publish()
    version = FormVersion.objects.filter(service_code="13").order_by("-number").first()
    assert version.number == 2
    assert version.definition["service"]["short_name_en"] == "Kor.Por.7 copy"
    client.force_login(superuser)
    exported = client.get(reverse("service_pages_export_definition", args=[configured.pk])).content
    configured.delete()

    upload = SimpleUploadedFile("service-13.json", exported, content_type="application/json")
    client.post(reverse("service_pages_import_definition"), {"file": upload})

    imported = ServicePage.objects.get(service_code="13")
    assert (imported.title_en, imported.short_name_en, imported.form_note_en) == (
        "Copy of the personnel record (Kor.Por.7)",
        "Kor.Por.7 copy",
        "Please check before you send it.",
    )


def test_the_builder_asks_for_the_english_texts(client, superuser, configured):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[configured.pk])).content.decode()
    for name in ("title_en", "short_name_en", "form_note_en"):
        assert f'name="{name}"' in html


def test_an_import_that_clashes_is_refused_in_thai(client, superuser, configured):
    client.force_login(superuser)
    data = configured.service_definition().to_json()
    response = client.post(
        reverse("service_pages_import_definition"),
        {"file": SimpleUploadedFile("s.json", json.dumps(data).encode())},
    )
    assert response.status_code == 200
    assert "รหัสบริการ 13 ถูกใช้โดยหน้าบริการอื่นแล้ว" in response.content.decode()
    data["service"]["code"] = "11"
    response = client.post(
        reverse("service_pages_import_definition"),
        {"file": SimpleUploadedFile("s.json", json.dumps(data).encode())},
    )
    assert "รหัสบริการ 11 เป็นของบริการในระบบ" in response.content.decode()
    data["service"]["code"] = "14"
    data["version"] = 2
    response = client.post(
        reverse("service_pages_import_definition"),
        {"file": SimpleUploadedFile("s.json", json.dumps(data).encode())},
    )
    assert "ระบบนี้อ่านไฟล์นิยามรุ่นที่ 1 แต่ไฟล์นี้เป็นรุ่นที่ 2" in response.content.decode()
    assert ServicePage.objects.filter(service_code__in=["11", "13", "14"]).count() == 2


def test_only_administrators_export_and_import(client, configured):
    editor = StaffFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail's admin sends someone without the right back to the dashboard, with its message.
    for url in (
        reverse("service_pages_export_definition", args=[configured.pk]),
        reverse("service_pages_import_definition"),
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def edit_form_data(page, fields, **overrides):
    def field_value(name, label):
        return {
            "name": name,
            "label_th": label,
            "label_en": "",
            "help_text": "",
            "help_text_en": "",
            "required": "on",
            "max_length": "255",
        }

    data = {
        "title": page.title,
        "slug": page.slug,
        "service_code": page.service_code,
        "summary": page.summary,
        "description": rich_text("<p>รายละเอียด</p>"),
        "eligibility": rich_text(""),
        "processing_time": "",
        "body": streamfield([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
        "short_name": page.short_name,
        "officer_group": "",
        "processing_days": "",
        "retention_years": "",
        "form_note": page.form_note,
        "form_definition": streamfield([("short_text", field_value(name, label)) for name, label in fields]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    return nested_form_data(data | overrides)


def test_the_admin_refuses_a_form_with_two_fields_of_one_name_before_publishing(
    client, superuser, configured
):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[configured.pk])
    data = edit_form_data(configured, [("purpose", "วัตถุประสงค์"), ("purpose", "อื่น ๆ")])
    response = client.post(url, data | {"action-publish": "action-publish"})
    assert response.status_code == 200
    # The StreamField's editor shows the message from its JSON data.
    message = "มีช่องสองช่องชื่อ “purpose” ซ้ำกัน: แต่ละช่องต้องมีชื่อไม่ซ้ำกัน"
    assert json.dumps(message)[1:-1] in html.unescape(response.content.decode())
    assert FormVersion.objects.count() == 1  # the first publication's only

    data = edit_form_data(configured, [("purpose", "วัตถุประสงค์"), ("copies", "จำนวนสำเนา")])
    response = client.post(url, data | {"action-publish": "action-publish"})
    assert response.status_code == 302
    version = FormVersion.objects.order_by("-number").first()
    assert version.number == 2
    assert [item["name"] for item in version.definition["fields"]] == ["purpose", "copies"]


def test_the_admin_builder_refuses_a_condition_naming_a_field_the_form_lacks(client, superuser, configured):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[configured.pk])
    purpose = {
        "name": "purpose",
        "label_th": "วัตถุประสงค์",
        "label_en": "",
        "help_text": "",
        "help_text_en": "",
        "required": "",
        "required_when_field": "delivery",
        "required_when_answer": "ทางอีเมล",
        "max_length": "255",
    }
    data = edit_form_data(configured, [], form_definition=streamfield([("short_text", purpose)]))
    response = client.post(url, data | {"action-publish": "action-publish"})
    assert response.status_code == 200
    message = "ช่อง “วัตถุประสงค์” ต้องกรอกตามคำตอบของช่อง “delivery” แต่แบบฟอร์มนี้ไม่มีช่องชื่อนี้"
    assert json.dumps(message)[1:-1] in html.unescape(response.content.decode())
    assert FormVersion.objects.count() == 1


def test_the_page_listing_offers_the_export_to_administrators(client, superuser, configured, page_tree):
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_explore", args=[page_tree.services.pk]))
    assert response.status_code == 200
    assert reverse("service_pages_export_definition", args=[configured.pk]) in response.content.decode()
    assert (
        reverse("service_pages_import_definition")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
