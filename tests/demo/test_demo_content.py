"""`manage.py load_demo_content`: the demo office, pages in two languages, PDFs, groups, logins."""

import io
import re
import unicodedata
import uuid
from collections import Counter

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Locale, Page, ReferenceIndex, Site

import pytest
from bs4 import BeautifulSoup
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from accounts.models import User
from accounts.validators import validate_citizen_id, validate_person_name
from base.models import OfficeSettings
from demo.accounts import APPLICANT, DEMO_PASSWORD, OFFICERS, SUPERVISOR
from demo.groups import EDITORS, MODERATORS, officer_group_names
from demo.media import ROOT_COLLECTION_NAME
from demo.pdfs import FontOnlyFetcher, font_url
from home.models import HomePage
from payments.models import PaymentSettings
from service_pages.models import ServicePage
from service_requests import actions, queries
from service_requests.catalogue import builtin_services, get_service
from service_requests.catalogue.meeting_room import Room
from service_requests.models import ServiceRequest
from tests.factories.service_requests import attachments_for, contact_of, details_for
from tests.helpers import totp_code_for_secret

pytestmark = pytest.mark.django_db


def load_demo_content() -> str:
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def printed_login(output: str, role: str) -> tuple[str, str]:
    """(citizen ID, password) from the first row of the printed logins table for `role`."""
    row = next(line for line in output.splitlines() if line.startswith(role + " "))
    _role, citizen_id, _name, password, *_rest = re.split(r"\s{2,}", row)  # columns: 2+ spaces apart
    return citizen_id, password


def counts() -> dict:
    return {
        "pages": Counter(Page.objects.values_list("content_type__model", "locale__language_code")),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "group page permissions": GroupPagePermission.objects.count(),
        "users": User.objects.count(),
        "office settings": OfficeSettings.objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
    }


def pdf_text(document) -> str:
    """The PDF's text layer without whitespace, compatibility-normalised (ำ is ํ + า there)."""
    with document.open_file() as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return comparable("".join(page.extract_text() for page in reader.pages))


def comparable(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_running_it_twice_leaves_the_same_content():
    load_demo_content()
    first = counts()
    load_demo_content()

    assert counts() == first
    # The six built-in services and the office's own ก.พ.7 copies (tests/demo/test_configured_service.py).
    assert first["pages"][("servicepage", "th")] == 7
    assert first["pages"][("servicepage", "en")] == 7
    assert first["pages"][("homepage", "th")] == first["pages"][("homepage", "en")] == 1
    assert first["documents"] == 12  # a manual and a blank form of each built-in service
    assert first["users"] == 9  # the applicant, 5 officers, the supervisor, the editor, the superuser
    assert first["office settings"] == 1


def test_wagtails_welcome_page_is_replaced_by_the_offices_home_page():
    load_demo_content()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.title == "หน้าหลัก"
    assert site.site_name == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_the_office_settings_name_the_office_its_logo_and_privacy_page():
    load_demo_content()

    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    assert office.name_th == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ"
    assert office.name_en == "Amnat Charoen Primary Educational Service Area Office"
    assert office.phones == "045511019"
    assert office.email == "office@amnat-ed.go.th"
    assert office.logo.width > 0
    assert office.privacy_policy_page.url == "/privacy/"
    assert office.privacy_notice_version == "2568-2"


def test_each_service_has_a_page_in_both_languages_with_a_manual_and_a_blank_form(client):
    load_demo_content()
    english_locale = Locale.objects.get(language_code="en")

    for service in builtin_services():
        thai = ServicePage.objects.get(service_code=service.code, locale__language_code="th")
        english = thai.get_translation(english_locale).specific
        assert thai.url == f"/services/{service.slug}/"
        assert english.url == f"/en/services/{service.slug}/"
        for page in (thai, english):
            assert page.live
            assert len(page.manuals()) == 1, page.url
            assert len(page.blank_forms()) == 1, page.url
            assert [block.block_type for block in page.body] == ["steps", "flow_diagram", "rich_text"]

        thai_html = client.get(thai.url).content.decode()
        assert thai.title in thai_html
        assert "ไฟล์ png,jpg,pdf ขนาดไม่เกิน 5 MB เท่านั้น" in thai_html
        english_response = client.get(english.url)
        assert english_response.status_code == 200
        assert english.title in english_response.content.decode()


def form_intro_links(client, url) -> list[str]:
    html = client.get(url).content.decode()
    return [
        item.get_text(" ", strip=True)
        for item in BeautifulSoup(html, "html.parser").select(".form-intro__links li")
    ]


def test_the_form_intro_names_each_document_once_after_its_kind_in_both_languages(client):
    load_demo_content()
    client.force_login(User.objects.get(citizen_id=APPLICANT.citizen_id))

    assert form_intro_links(client, "/en/services/certificate/") == [
        "Manual: Applying for a certificate letter (Thai)",
        "Blank form: Certificate letter (Thai)",
    ]
    assert form_intro_links(client, "/services/certificate/") == [
        "คู่มือ: คู่มือการขอหนังสือรับรอง",
        "แบบฟอร์ม: แบบฟอร์มแบบคำขอหนังสือรับรอง",
    ]
    for service in builtin_services():
        for link in form_intro_links(client, f"/en/services/{service.slug}/"):
            assert "Manual: Manual" not in link and "Blank form: Blank form" not in link, link


FORM_ORDER = "สั่งซื้อแบบพิมพ์ทางการศึกษา (ปพ.)"  # the manual's name of service 41


def test_the_form_order_service_is_named_as_the_manual_names_it(client):
    load_demo_content()
    thai = ServicePage.objects.get(service_code="41", locale__language_code="th")
    english = thai.get_translation(Locale.objects.get(language_code="en")).specific
    service = get_service("41")
    # The page, the form, the manual and the blank form: the service's name in the manual.
    assert thai.title == FORM_ORDER
    assert thai.manuals()[0].document.title.startswith(f"คู่มือการ{FORM_ORDER}")
    assert thai.blank_forms()[0].document.title.startswith(f"แบบฟอร์ม{FORM_ORDER}")
    with translation.override("th"):
        assert str(service.form_title) == FORM_ORDER
        assert str(service.name) == "ซื้อ ปพ.1-3"  # the manual's menu: tiles and lists
    with translation.override("en"):
        assert english.title == str(service.form_title) == "Order of educational record forms (ปพ.)"
    # The page's own name is not a third one ("… (ปพ.1-3)"); the menu's name names its button.
    thai_html = client.get(thai.url).content.decode()
    assert "สั่งซื้อแบบพิมพ์ทางการศึกษา (ปพ.1-3)" not in thai_html
    assert "“ซื้อ ปพ.1-3”" in thai_html


def test_the_form_order_page_and_its_confirmation_say_the_same_working_days(client):
    load_demo_content()
    page = ServicePage.objects.get(service_code="41", locale__language_code="th")
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    service_request = actions.submit_request(
        applicant=applicant,
        service_code="41",
        contact=contact_of(applicant),
        details=details_for("41"),
        attachments=attachments_for("41"),
        submission_key=uuid.uuid4(),
    )
    client.force_login(applicant)
    confirmation = client.get(reverse("service_requests:submitted", args=[service_request.reference]))
    # The manual's "3-5 working days" on both.
    assert page.processing_time == "เจ้าหน้าที่จะดำเนินการจัดทำข้อมูลภายใน 3-5 วันทำการ"
    assert "ภายใน 3-5 วันทำการ" in client.get(page.url).content.decode()
    assert "เจ้าหน้าที่จะดำเนินการคำขอของท่านภายใน 3-5 วันทำการ" in confirmation.content.decode()


def test_the_id_card_flow_goes_from_application_to_pick_up_at_the_personnel_group():
    load_demo_content()

    page = ServicePage.objects.get(service_code="11", locale__language_code="th")
    flow = next(block.value for block in page.body if block.block_type == "flow_diagram")
    stages = list(flow["stages"])
    assert stages[0] == "กรอกข้อมูลคำขอบัตร"
    assert "ไม่ครบถ้วน" in stages[1]
    assert stages[-1] == "รับบัตร ณ กลุ่มบริหารงานบุคคล"
    assert page.processing_time == "เจ้าหน้าที่จะดำเนินการจัดทำข้อมูลภายใน 3-5 วันทำการ"


def test_each_manual_and_blank_form_is_a_thai_pdf_naming_the_service():
    load_demo_content()

    builtin_codes = [service.code for service in builtin_services()]
    for page in ServicePage.objects.filter(locale__language_code="th", service_code__in=builtin_codes):
        manual, blank_form = page.manuals()[0].document, page.blank_forms()[0].document
        assert manual.file.name.endswith(".pdf")
        assert manual.collection.name == blank_form.collection.name == "คู่มือและแบบฟอร์ม"
        manual_text, form_text = pdf_text(manual), pdf_text(blank_form)
        assert comparable(page.title) in manual_text, manual.title
        assert comparable(manual.title) in manual_text, manual.title
        assert comparable(page.title) in form_text, blank_form.title
        assert comparable("ลงชื่อ") in form_text, blank_form.title
        assert comparable("เลขประจำตัวประชาชน") in form_text, blank_form.title


def test_the_pdf_renderer_reads_only_the_sarabun_font_files():
    fetcher = FontOnlyFetcher()

    with pytest.raises(ValueError, match="only the Sarabun font files"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("http://127.0.0.1:8000/")
    response = fetcher.fetch(font_url("Sarabun-Regular.ttf"))
    assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font


def test_the_demo_applicant_logs_in_with_the_printed_password(client):
    output = load_demo_content()
    citizen_id, password = printed_login(output, "applicant")

    response = client.post("/accounts/login/", {"username": citizen_id, "password": password})

    assert response.status_code == 302
    applicant = User.objects.get(citizen_id=citizen_id)
    assert applicant.get_full_name() == "นางสาววิลัยวรรณ สุภชาติ"
    assert applicant.privacy_notice_version == "2568-2"


def test_a_demo_officer_logs_in_to_the_admin_with_the_printed_password_and_authenticator_key(client):
    output = load_demo_content()
    row = next(line for line in output.splitlines() if line.startswith("officer "))
    citizen_id, password = printed_login(output, "officer")
    key = row.split()[-1]  # the last column: the authenticator key (base32)

    client.post("/admin/login/", {"username": citizen_id, "password": password})
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/")
    client.post("/admin/two-factor/verify/", {"token": totp_code_for_secret(key)})

    assert client.get("/admin/").status_code == 200


def test_the_applicant_has_no_authenticator_key_printed():
    output = load_demo_content()
    row = next(line for line in output.splitlines() if line.startswith("applicant "))
    assert row.endswith("/accounts/login/")


def test_every_demo_account_has_a_valid_citizen_id_and_the_right_access():
    output = load_demo_content()

    for user in User.objects.all():
        assert validate_citizen_id(user.citizen_id) == user.citizen_id
        assert user.citizen_id in output
        assert user.is_identity_verified  # the office knows its demo people
    officers = User.objects.filter(is_staff=True, is_superuser=False)
    for service in builtin_services():
        group = Group.objects.get(name=service.officer_group)
        assert group.permissions.filter(codename="access_admin").exists()
        assert officers.filter(groups=group).exists()
    for officer in officers.exclude(groups__name=EDITORS):  # every officer may try the counter
        assert officer.has_perms(["accounts.verify_identity", "accounts.issue_counter_reset_code"])
    room_officer = officers.get(groups__name=get_service("31").officer_group)
    assert room_officer.has_perms(["service_requests.add_room", "service_requests.change_room"])
    assert not room_officer.has_perm("service_requests.change_priceitem")
    editor = User.objects.get(groups__name=EDITORS)
    assert editor.has_perm("base.change_officesettings")
    assert Page.get_first_root_node().permissions_for_user(editor).can_publish_subpage()
    assert not User.objects.get(citizen_id=APPLICANT.citizen_id).is_staff


def test_a_rerun_keeps_editors_changes_and_restores_the_demo_password(client):
    output = load_demo_content()
    citizen_id, password = printed_login(output, "applicant")
    page = ServicePage.objects.get(service_code="31", locale__language_code="th")
    page.title = "จองห้องประชุม (แก้ไขโดยบรรณาธิการ)"
    page.save_revision().publish()
    applicant = User.objects.get(citizen_id=citizen_id)
    applicant.set_password("another-pass-2568")
    applicant.save()

    load_demo_content()

    page.refresh_from_db()
    assert page.title == "จองห้องประชุม (แก้ไขโดยบรรณาธิการ)"
    response = client.post("/accounts/login/", {"username": citizen_id, "password": password})
    assert response.status_code == 302


def test_the_demo_room_officer_keeps_the_rooms_list(client):
    load_demo_content()
    room_officer = User.objects.filter(is_superuser=False).get(groups__name=get_service("31").officer_group)
    room = Room.objects.order_by("pk").first()
    client.force_login(room_officer)

    assert "/admin/room/" in client.get("/admin/").content.decode()  # in their Settings menu
    response = client.post(
        f"/admin/room/edit/{room.pk}/", {"name": "ห้องประชุมเพชรอำนาจ 2", "capacity": 60, "is_active": "on"}
    )

    assert response.status_code == 302
    room.refresh_from_db()
    assert (room.name, room.capacity) == ("ห้องประชุมเพชรอำนาจ 2", 60)


def test_every_demo_account_has_an_example_address_that_is_printed():
    output = load_demo_content()

    for user in User.objects.all():
        assert user.email.endswith("@example.com")  # a domain reserved for examples: nobody gets them
        assert user.email in output
        validate_person_name(user.first_name)
        validate_person_name(user.last_name)
    assert len({user.email for user in User.objects.all()}) == User.objects.count()


def test_the_demo_applicant_and_officers_receive_the_notifications(
    django_capture_on_commit_callbacks, mailoutbox
):
    load_demo_content()
    applicant = User.objects.get(citizen_id=APPLICANT.citizen_id)
    officer = User.objects.get(citizen_id=OFFICERS[get_service("12").officer_group][0])

    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_request(
            applicant=applicant,
            service_code="12",
            contact=contact_of(applicant),
            details=details_for("12"),
            attachments=attachments_for("12"),
            submission_key=uuid.uuid4(),
        )

    assert {message.to[0] for message in mailoutbox} >= {applicant.email, officer.email}


def test_a_rerun_gives_an_address_to_a_demo_account_without_one_and_keeps_one_set_by_hand():
    load_demo_content()
    User.objects.filter(citizen_id=APPLICANT.citizen_id).update(email="")
    officer = User.objects.filter(is_staff=True, is_superuser=False).first()
    officer.email = "somebody.else@example.org"
    officer.save(update_fields=["email"])

    load_demo_content()

    assert User.objects.get(citizen_id=APPLICANT.citizen_id).email == APPLICANT.email
    officer.refresh_from_db()
    assert officer.email == "somebody.else@example.org"


def test_wagtails_groups_and_root_collection_are_named_in_thai():
    editors_pk = Group.objects.get(name="Editors").pk
    load_demo_content()
    load_demo_content()
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators"}.isdisjoint(names)
    assert {EDITORS, MODERATORS} <= names
    assert Group.objects.get(name=EDITORS).pk == editors_pk  # renamed, not a second group
    assert Collection.get_first_root_node().name == ROOT_COLLECTION_NAME


def test_the_demo_supervisor_may_assign_the_personnel_groups_requests_and_the_officers_may_not():
    output = load_demo_content()
    row = next(line for line in output.splitlines() if line.startswith("supervisor "))
    assert SUPERVISOR[0] in row and "หัวหน้ากลุ่มบริหารงานบุคคล" in row
    supervisor = User.objects.get(citizen_id=SUPERVISOR[0])
    personnel = get_service("12").officer_group
    officer = User.objects.get(citizen_id=OFFICERS[personnel][0])
    # The group's built-in services and the office's own ก.พ.7 copies, which it works too.
    assert queries.services_supervised_by(supervisor) == {
        *(service.code for service in builtin_services() if service.officer_group == personnel),
        "13",
    }
    assert queries.services_supervised_by(officer) == set()
    assert supervisor in queries.assignable_officers(ServiceRequest(service_code="12", applicant_id=0))


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker reconnects, as in production
def test_the_background_worker_runs_every_task_loading_leaves_it_without_a_failure():
    """The English pages' documents are replaced on their copies: no reference-index task is left
    for a row gone before the worker runs it (a failed task in production's log), and the English
    pages still count as their documents' usage."""
    load_demo_content()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    results = Counter(DBTaskResult.objects.values_list("status", flat=True))
    assert results.keys() == {TaskResultStatus.SUCCESSFUL}
    english_page = ServicePage.objects.get(locale__language_code="en", service_code="12")
    manual = english_page.documents.get(kind="manual").document
    used_by = {reference.object_id for reference in ReferenceIndex.get_references_to(manual)}
    assert str(english_page.pk) in used_by


def test_without_logins_an_office_gets_the_pages_groups_and_settings_and_no_account(client):
    """What an office starts its production database from (README, Production): nobody can log
    in with the published demo password, and no made-up biller ID takes real payments."""
    output = io.StringIO()
    call_command("load_demo_content", "--no-logins", stdout=output)

    assert not User.objects.exists()
    assert "manage.py createsuperuser" in output.getvalue()
    assert DEMO_PASSWORD not in output.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert not PaymentSettings.for_site(site).biller_id
    expected_groups = {EDITORS, MODERATORS, *officer_group_names()}
    assert expected_groups <= set(Group.objects.values_list("name", flat=True))
    for service in builtin_services():
        page = ServicePage.objects.get(locale__language_code="th", service_code=service.code)
        assert client.get(page.url).status_code == 200
