"""Per-field corrections as officers and applicants see them: the officer returns a request with
fields marked and noted, the applicant's edit page shows exactly those ("ต้องแก้ไข 2 รายการ"),
the applicant sends corrections and a reply, and the officer's process page shows what changed
(old struck through, new; a replaced file: both downloadable). A round trip for a service of
each kind (plain, booking, order), with the services' own rules (prices, conflicts) run again."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from bs4 import BeautifulSoup

from demo.price_list import ensure_price_list
from service_requests import actions
from service_requests.corrections import correctable_parts
from service_requests.models import CorrectionRound, ReplacedAttachment, RequestAccess, ServiceRequest
from service_requests.queries import details_record
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import details_for, form_data, pdf_bytes, png_upload, upload

pytestmark = pytest.mark.django_db

RETURN_MESSAGE = "กรุณาแก้ไขข้อมูลตามที่ระบุ"
REPLY = "แก้ไขตำแหน่งและเงินเดือนตามสลิปล่าสุดแล้วครับ"


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def process_url(service_request):
    return reverse("service_request_admin:process", args=[service_request.pk])


def edit_url(service_request):
    return reverse("service_requests:edit", args=[service_request.reference])


def return_with_marks(client, officer, service_request, marks: dict):
    """The officer returns the request from its process page, marking {key: note}."""
    client.force_login(officer)
    data = {"to_status": RequestStatus.RETURNED, "message": RETURN_MESSAGE}
    for key, note in marks.items():
        data[f"mark__{key}"] = "on"
        data[f"note__{key}"] = note
    response = client.post(process_url(service_request), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RETURNED


def send_corrections(client, applicant, service_request, details, *, files=None, reply=REPLY):
    """The applicant sends the edit form of the returned request with these (cleaned) details."""
    client.force_login(applicant)
    data = form_data(
        service_request.service_code,
        applicant,
        details=details,
        submission_key=service_request.submission_key,
    )
    data["correction-reply"] = reply
    return client.post(edit_url(service_request), data | (files or {}))


def correction_summary(page) -> dict:
    """{label: note} of the summary above the edit form, and its heading."""
    summary = page.select_one(".correction-summary")
    assert summary is not None, "no list of what to correct"
    items = {}
    for item in summary.select("li"):
        link = item.select_one("a")
        items[text_of(link)] = (link["href"], text_of(item))
    return {"heading": text_of(summary.select_one("h2")), "items": items}


def marked_field_ids(page) -> set[str]:
    """The ids of the inputs inside the highlighted fields of the edit form."""
    ids = set()
    for field in page.select(".field--correction"):
        ids.update(element["id"] for element in field.select("input[id], select[id], textarea[id]"))
    return ids


def changes_table(page) -> dict:
    """{field label: (old, new)} of the newest round's table of changes on the process page."""
    table = page.select_one(".correction-round .correction-changes")
    assert table is not None, "no table of changes"
    rows = {}
    for row in table.select("tbody tr"):
        label = row.select_one("th")
        for badge in label.select(".w-status"):
            badge.extract()
        old, new = row.select("td")
        assert old.select_one("del") and new.select_one("ins")
        rows[text_of(label)] = (text_of(old), text_of(new))
    return rows


# The plain kind: a certificate letter (12).


def test_a_certificate_round_trip_with_two_fields_marked(client, submit, user, officer_for, page_tree):
    service_request = submit("12")
    officer = officer_for("12")
    return_with_marks(
        client,
        officer,
        service_request,
        {"details-position": "ตำแหน่งไม่ตรงกับคำสั่งแต่งตั้ง", "details-salary": "ให้ตรงกับสลิปเดือนล่าสุด"},
    )

    # The applicant's page of the request says what to correct; the edit page highlights the two
    # fields with the notes and lists them at the top.
    client.force_login(user)
    detail = page_of(client.get(reverse("service_requests:detail", args=[service_request.reference])))
    asked = text_of(detail.select_one(".officer-message"))
    assert "ต้องแก้ไข 2 รายการ" in asked and "ตำแหน่งไม่ตรงกับคำสั่งแต่งตั้ง" in asked
    page = page_of(client.get(edit_url(service_request)))
    summary = correction_summary(page)
    assert summary["heading"] == "ต้องแก้ไข 2 รายการ"
    assert summary["items"]["ตำแหน่ง"][0] == "#id_details-position"
    assert "ตำแหน่งไม่ตรงกับคำสั่งแต่งตั้ง" in summary["items"]["ตำแหน่ง"][1]
    assert summary["items"]["อัตราเงินเดือน (บาท)"][0] == "#id_details-salary"
    assert marked_field_ids(page) == {"id_details-position", "id_details-salary"}
    assert "ให้ตรงกับสลิปเดือนล่าสุด" in text_of(page.select_one(".field--correction:has(#id_details-salary)"))
    # The other fields stay editable, and the reply box is there.
    assert page.select_one("#id_details-purpose:not([disabled])")
    assert page.select_one("textarea[name='correction-reply']")

    # The applicant corrects both, and replaces the ID-card copy (not asked, but allowed).
    old_attachment = service_request.attachments.get(slot="id_card_copy")
    old_file_name = old_attachment.file.name
    corrected = details_for("12", position="ครูผู้ช่วย", salary=Decimal("33000.00"))
    response = send_corrections(
        client, user, service_request, corrected, files={"files-id_card_copy": png_upload("บัตรใหม่.png")}
    )
    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RESUBMITTED

    # The officer sees what changed since the return, and the reply.
    client.force_login(officer)
    page = page_of(client.get(process_url(service_request)))
    rows = changes_table(page)
    assert rows["ตำแหน่ง"] == ("ครู", "ครูผู้ช่วย")
    assert rows["อัตราเงินเดือน (บาท)"] == ("32,150.00", "33,000.00")
    assert rows["สำเนาบัตรประชาชน"] == ("id-card.png", "บัตรใหม่.png")
    assert "ชื่อ" not in rows and "เพื่อนำไปใช้" not in rows  # unchanged fields are not listed
    assert REPLY in text_of(page.select_one(".correction-reply"))

    # Both files stay downloadable: the replaced one was kept, not deleted.
    old_link = page.select_one(".correction-changes del a")["href"]
    new_link = page.select_one(".correction-changes ins a")["href"]
    replaced = ReplacedAttachment.objects.get()
    assert replaced.file.name == old_file_name and replaced.file.storage.exists(old_file_name)
    with replaced.file.open("rb") as kept:
        assert b"".join(client.get(old_link).streaming_content) == kept.read()
    assert b"".join(client.get(new_link).streaming_content).startswith(b"\x89PNG")
    assert RequestAccess.objects.filter(officer=officer, detail="id_card_copy").count() == 2

    # The history keeps the round: the return with its message, the resubmission with the reply.
    history = list(service_request.history.values_list("to_status", "message"))
    assert history[-2:] == [(RequestStatus.RETURNED, RETURN_MESSAGE), (RequestStatus.RESUBMITTED, REPLY)]


# The booking kind: a meeting room (31), whose conflict check runs again on resubmission.


def combine(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_room_booking_round_trip_runs_the_conflict_check_again(
    client, submit, user, other_applicant, officer_for, page_tree
):
    service_request = submit("31")
    booked = details_for("31")
    day = timezone.localdate(booked["starts_at"])
    submit(
        "31",
        applicant=other_applicant,
        details=details_for("31", starts_at=combine(day, 13), ends_at=combine(day, 16)),
    )
    officer = officer_for("31")
    return_with_marks(
        client, officer, service_request, {"details-start_time": "ห้องไม่ว่างช่วงเช้า", "details-attendees": ""}
    )

    client.force_login(user)
    page = page_of(client.get(edit_url(service_request)))
    assert correction_summary(page)["heading"] == "ต้องแก้ไข 2 รายการ"
    assert marked_field_ids(page) == {"id_details-start_time", "id_details-attendees"}

    # Into the other booking's afternoon: refused as at submission, what was typed kept, the
    # marks still shown, and the request still returned.
    clash = details_for("31", attendees=25, starts_at=combine(day, 14), ends_at=combine(day, 17))
    response = send_corrections(client, user, service_request, clash)
    page = page_of(response)
    assert "ห้องประชุมมีการจองแล้วในเวลาดังกล่าว" in text_of(page.select_one(".error-summary"))
    assert correction_summary(page)["heading"] == "ต้องแก้ไข 2 รายการ"
    assert page.select_one("#id_details-attendees")["value"] == "25"
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RETURNED
    assert CorrectionRound.objects.get().is_open

    # After the other booking: sent.
    free = details_for("31", attendees=25, starts_at=combine(day, 16), ends_at=combine(day, 18))
    assert send_corrections(client, user, service_request, free).status_code == 302

    client.force_login(officer)
    rows = changes_table(page_of(client.get(process_url(service_request))))
    assert rows["จำนวนผู้เข้าร่วมประชุม"] == ("20", "25")
    assert rows["ตั้งแต่เวลา"] == ("09:00", "16:00")
    assert rows["ถึงเวลา"] == ("12:00", "18:00")


# The order kind: ปพ. forms (41), priced again on resubmission.


def test_an_order_round_trip_prices_the_order_again(client, submit, user, officer_for, page_tree):
    price_list = {item.code: item for item in ensure_price_list()}
    quantities = dict.fromkeys(price_list.values(), 0)
    quantities[price_list["ปพ.1-ป"]] = 3
    quantities[price_list["ปพ.3-ป"]] = 10
    details = {
        "school": "โรงเรียนบ้านหนองบัว",
        "affiliation_other": "",
        "delivery_address": "12 หมู่ 3 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000",
        "quantities": quantities,
    }
    service_request = submit("41", details=details, attachments={"order_letter": png_upload("letter.png")})
    officer = officer_for("41")
    book = f"details-quantity_{price_list['ปพ.1-ป'].pk}"
    return_with_marks(
        client,
        officer,
        service_request,
        {"details-school": "ชื่อโรงเรียนไม่ครบ", book: "โรงเรียนมีนักเรียน 5 ห้อง"},
    )

    client.force_login(user)
    page = page_of(client.get(edit_url(service_request)))
    summary = correction_summary(page)
    assert summary["heading"] == "ต้องแก้ไข 2 รายการ"
    assert {href for href, _text in summary["items"].values()} == {"#id_details-school", f"#id_{book}"}
    assert marked_field_ids(page) == {"id_details-school", f"id_{book}"}

    quantities[price_list["ปพ.1-ป"]] = 5
    corrected = details | {"school": "โรงเรียนบ้านหนองบัววิทยา", "quantities": quantities}
    assert send_corrections(client, user, service_request, corrected, reply="").status_code == 302

    order = details_record(service_request)
    assert order.total == Decimal("850.00")  # 5 × 160 + 10 × 5, from the price list again
    client.force_login(officer)
    page = page_of(client.get(process_url(service_request)))
    rows = changes_table(page)
    assert rows["โรงเรียน"] == ("โรงเรียนบ้านหนองบัว", "โรงเรียนบ้านหนองบัววิทยา")
    assert rows["ราคารวมทั้งหมด (บาท)"] == ("530.00", "850.00")
    assert [value for label, value in rows.items() if label.startswith("ปพ.1-ป")] == [("3", "5")]
    assert text_of(page.select_one(".correction-reply")) == "–"


# What only officers may do, and who sees the marks.


def test_an_attachment_slot_marked_is_highlighted_and_reported_when_left_unchanged(
    client, submit, user, officer_for, page_tree
):
    service_request = submit("12")
    officer = officer_for("12")
    return_with_marks(client, officer, service_request, {"files-last_payslip": "กรุณาแนบสลิปเงินเดือน"})
    client.force_login(user)
    page = page_of(client.get(edit_url(service_request)))
    assert correction_summary(page)["heading"] == "ต้องแก้ไข 1 รายการ"
    assert marked_field_ids(page) == {"id_files-last_payslip"}
    assert send_corrections(client, user, service_request, details_for("12"), reply="").status_code == 302
    client.force_login(officer)
    page = page_of(client.get(process_url(service_request)))
    assert "ไม่มีการเปลี่ยนแปลง" in text_of(page.select_one(".correction-round"))
    assert "สำเนาสลิปเงินเดือนเดือนสุดท้าย" in text_of(page.select_one(".correction-round .help-warning"))


def test_marks_are_refused_with_any_other_move_and_for_anyone_but_the_officers(
    submit, user, officer_for, other_applicant
):
    service_request = submit("12")
    officer = officer_for("12")
    with pytest.raises(ValidationError) as refusal:
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.IN_PROGRESS,
            role=Role.OFFICER,
            marked=[("details-position", "")],
        )
    assert refusal.value.code == "marks_without_return"
    with pytest.raises(ValueError, match="Unknown part"):
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.RETURNED,
            role=Role.OFFICER,
            message=RETURN_MESSAGE,
            marked=[("details-no_such_field", "")],
        )
    with pytest.raises(PermissionDenied):
        actions.move_request(
            actor=officer_for("41"),
            service_request=service_request,
            to_status=RequestStatus.RETURNED,
            role=Role.OFFICER,
            message=RETURN_MESSAGE,
            marked=[("details-position", "")],
        )
    assert not CorrectionRound.objects.exists()
    assert service_request.history.count() == 1


def test_the_marks_and_notes_reach_only_the_applicant_and_the_officers_of_the_service(
    client, submit, user, other_applicant, officer_for, page_tree
):
    service_request = submit("12")
    return_with_marks(client, officer_for("12"), service_request, {"details-position": "โน้ตลับเฉพาะ"})
    send_corrections(client, user, service_request, details_for("12", position="ครูผู้ช่วย"), reply="คำตอบลับ")
    service_request.refresh_from_db()

    client.force_login(other_applicant)
    assert client.get(edit_url(service_request)).status_code == 404
    assert client.get(reverse("service_requests:detail", args=[service_request.reference])).status_code == 404
    client.force_login(officer_for("41"))
    assert client.get(process_url(service_request)).status_code == 404
    client.logout()
    status = client.post(
        reverse("service_requests:status_check"),
        {"reference": service_request.reference, "citizen_id_or_phone": user.citizen_id},
    ).content.decode()
    assert service_request.reference in status
    assert "โน้ตลับเฉพาะ" not in status and "คำตอบลับ" not in status


def test_a_replaced_file_downloads_only_for_the_applicant_and_the_officers(
    client, submit, user, other_applicant, officer_for, page_tree
):
    service_request = submit("12")
    officer = officer_for("12")
    return_with_marks(client, officer, service_request, {"files-id_card_copy": "ภาพไม่ชัด"})
    send_corrections(
        client,
        user,
        service_request,
        details_for("12"),
        files={"files-id_card_copy": upload("ชัด.pdf", pdf_bytes())},
    )
    replaced = ReplacedAttachment.objects.get()
    url = reverse("service_requests:replaced_attachment", args=[service_request.reference, replaced.pk])
    client.force_login(user)
    assert client.get(url).status_code == 200
    assert not RequestAccess.objects.exists()  # the applicant's own read
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404
    client.force_login(officer_for("41"))
    assert client.get(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 200
    assert RequestAccess.objects.get().detail == "id_card_copy"


def test_every_round_is_kept(client, submit, user, officer_for, page_tree):
    service_request = submit("12")
    officer = officer_for("12")
    return_with_marks(client, officer, service_request, {"details-position": "รอบแรก"})
    send_corrections(client, user, service_request, details_for("12", position="ครูผู้ช่วย"), reply="ตอบรอบแรก")
    return_with_marks(client, officer, service_request, {"details-purpose": "รอบสอง"})
    client.force_login(user)
    page = page_of(client.get(edit_url(service_request)))
    assert set(correction_summary(page)["items"]) == {"เพื่อนำไปใช้"}  # only the open round's
    send_corrections(
        client, user, service_request, details_for("12", position="ครูผู้ช่วย", purpose="ขอกู้"), reply="ตอบรอบสอง"
    )
    client.force_login(officer)
    page = page_of(client.get(process_url(service_request)))
    rounds = page.select(".correction-round")
    assert len(rounds) == 2
    assert "ตอบรอบสอง" in text_of(rounds[0]) and "รอบสอง" in text_of(rounds[0])
    assert "ตอบรอบแรก" in text_of(rounds[1]) and "รอบแรก" in text_of(rounds[1])
    assert changes_table(page)["เพื่อนำไปใช้"] == ("ประกอบการขอสินเชื่อธนาคารออมสิน", "ขอกู้")


def test_parts_marked_by_an_officer_working_in_english_are_named_in_thai(
    client, submit, user, officer_for, page_tree
):
    """The labels stored with the marks are the officer's English; the applicant's pages and the
    officers' Thai process page name the parts in Thai."""
    service_request = submit("12")
    officer = officer_for("12")
    with translation.override("en"):
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.RETURNED,
            role=Role.OFFICER,
            message=RETURN_MESSAGE,
            marked=[("details-position", "ตำแหน่งไม่ตรง"), ("files-id_card_copy", "")],
        )
    stored = set(CorrectionRound.objects.get().items.values_list("label", flat=True))
    assert "ตำแหน่ง" not in stored and "สำเนาบัตรประชาชน" not in stored

    client.force_login(user)
    page = page_of(client.get(edit_url(service_request)))
    summary = correction_summary(page)
    assert summary["items"].keys() == {"ตำแหน่ง", "สำเนาบัตรประชาชน"}
    assert summary["items"]["ตำแหน่ง"] == ("#id_details-position", "ตำแหน่ง : ตำแหน่งไม่ตรง")
    detail = page_of(client.get(reverse("service_requests:detail", args=[service_request.reference])))
    assert [text_of(item) for item in detail.select(".correction-items li")] == [
        "ตำแหน่ง: ตำแหน่งไม่ตรง",
        "สำเนาบัตรประชาชน",
    ]

    send_corrections(client, user, service_request, details_for("12", position="ครูผู้ช่วย"), reply="")
    client.force_login(officer)
    page = page_of(client.get(process_url(service_request)))
    asked = [text_of(item) for item in page.select(".correction-round .correction-items li")]
    assert asked == ["ตำแหน่ง : ตำแหน่งไม่ตรง", "สำเนาบัตรประชาชน"]
    assert "สำเนาบัตรประชาชน" in text_of(page.select_one(".correction-round .help-warning"))


def test_the_parts_are_the_services_own_form_fields_and_slots(submit, page_tree):
    service_request = submit("41")
    keys = [part.key for part in correctable_parts(service_request, details_record(service_request))]
    assert keys[:4] == [
        "contact-applicant_title",
        "contact-applicant_first_name",
        "contact-applicant_last_name",
        "contact-applicant_phone",
    ]
    assert "details-school" in keys and any(key.startswith("details-quantity_") for key in keys)
    assert keys[-3:] == ["files-order_letter", "files-other_1", "files-other_2"]
    assert ServiceRequest.objects.count() == 1


def test_de_identification_removes_the_rounds_copies_replies_and_kept_files(
    client, submit, user, officer_for, page_tree, private_files, django_capture_on_commit_callbacks
):
    service_request = submit("12")
    officer = officer_for("12")
    return_with_marks(
        client, officer, service_request, {"details-position": f"ไม่ใช่ตำแหน่งของ{user.first_name}"}
    )
    send_corrections(
        client,
        user,
        service_request,
        details_for("12", position="ครูผู้ช่วย"),
        files={"files-id_card_copy": png_upload("ใหม่.png")},
        reply="คำตอบของผู้ยื่น",
    )
    kept = ReplacedAttachment.objects.get().file.name
    assert kept in private_files()
    service_request.refresh_from_db()
    actions.move_request(
        actor=officer, service_request=service_request, to_status=RequestStatus.COMPLETED, role=Role.OFFICER
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.deidentify_request(service_request=service_request, reason="retention")
    correction_round = CorrectionRound.objects.get()
    assert (correction_round.before, correction_round.after, correction_round.reply) == ({}, {}, "")
    assert correction_round.items.get().note == "ไม่ใช่ตำแหน่งของ***"
    assert not ReplacedAttachment.objects.exists() and kept not in private_files()
