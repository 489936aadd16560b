"""The ID-card request's own rules (service 11): a believable date of birth, names in English
letters as on the card, addresses of address length, a reason when "other" is chosen, and the
blood group only with explicit consent."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape

import pytest
from bs4 import BeautifulSoup

from service_requests.catalogue.common import ID_CARD_COPY
from service_requests.catalogue.id_card import IdCardDetails
from service_requests.models import ServiceRequest
from service_requests.queries import details_record
from tests.factories.service_requests import details_for, files_post, form_data
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

ID_CARD_PAGE = "/services/id-card/"
ENGLISH_LETTERS = "Please type the name in English letters (A–Z), as on your passport."


def refusal(submit, **changes) -> dict:
    with pytest.raises(ValidationError) as refused:
        submit("11", details=details_for("11", **changes))
    assert not ServiceRequest.objects.exists()
    return refused.value.message_dict


def years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=1)


def test_a_birth_date_today_or_later_is_refused(submit):
    assert refusal(submit, birth_date=timezone.localdate()) == {
        "birth_date": [in_thai("The date of birth must be in the past.")]
    }


@pytest.mark.parametrize(("years", "age"), [(146, 146), (12, 12)], ids=["too-old", "a-child"])
def test_an_unbelievable_age_is_refused_saying_what_it_would_be(submit, years, age):
    message = in_thai("Please check the date of birth: the card holder would be %(age)d years old.")
    assert refusal(submit, birth_date=years_ago(years)) == {"birth_date": [message % {"age": age}]}


@pytest.mark.parametrize("name", ["<img src=x onerror=alert(1)>", "วิลัยวรรณ", "Wilaiwan2", "-"])
def test_names_in_english_must_be_english_letters(submit, name):
    assert refusal(submit, first_name_en=name, last_name_en=name) == {
        "first_name_en": [in_thai(ENGLISH_LETTERS)],
        "last_name_en": [in_thai(ENGLISH_LETTERS)],
    }


@pytest.mark.parametrize("name", ["Na Ayutthaya", "Sri-Ngam", "O'Neil", "Wilaiwan"])
def test_real_names_pass(submit, name):
    service_request = submit("11", details=details_for("11", first_name_en=name, last_name_en=name))
    assert service_request.pk


def test_other_as_the_reason_needs_the_reason(submit):
    assert refusal(submit, reason="other", reason_other="") == {
        "reason_other": [in_thai("Please say what the other reason is.")]
    }


def test_a_pasted_page_of_text_as_the_address_is_refused_and_the_rest_kept(client, page_tree, user):
    client.force_login(user)
    long_address = "99 หมู่ 4 " * 100
    data = form_data("11", user, details=details_for("11", registered_address=long_address)) | files_post(
        "11"
    )

    response = client.post(ID_CARD_PAGE, data)

    details_form = response.context["request_forms"].details
    assert list(details_form.errors) == ["registered_address"]
    assert details_form["registered_address"].value() == long_address  # nothing lost
    assert details_form["first_name_en"].value() == "Wilaiwan"
    assert 'maxlength="500"' in response.content.decode()
    assert not ServiceRequest.objects.exists()


# Blood group is sensitive data (PDPA section 26): optional, and kept only with explicit consent.
NO_CONSENT = (
    "To have your blood group on the card, please tick the consent box; otherwise leave the blood "
    "group empty."
)


def test_the_blood_group_is_optional(submit):
    service_request = submit("11", details=details_for("11", blood_group="", blood_group_consent=False))
    record = details_record(service_request)
    assert (record.blood_group, record.blood_group_consent) == ("", False)


def test_a_blood_group_without_consent_is_refused(submit):
    assert refusal(submit, blood_group="AB", blood_group_consent=False) == {
        "blood_group_consent": [in_thai(NO_CONSENT)]
    }


def test_consent_without_a_blood_group_is_fine(submit):
    service_request = submit("11", details=details_for("11", blood_group="", blood_group_consent=True))
    assert details_record(service_request).blood_group_consent


def test_the_consent_is_kept_and_shown_beside_the_blood_group(submit):
    record = details_record(
        submit("11", details=details_for("11", blood_group="B", blood_group_consent=True))
    )
    labels = [str(label) for label, _value in record.rows()]
    consent_row = labels.index(str(IdCardDetails._meta.get_field("blood_group_consent").verbose_name))
    assert labels[consent_row - 1] == str(IdCardDetails._meta.get_field("blood_group").verbose_name)
    assert dict(record.rows())[IdCardDetails._meta.get_field("blood_group_consent").verbose_name] == in_thai(
        "Yes"
    )


def test_the_form_asks_for_consent_unticked_and_does_not_require_the_blood_group(client, page_tree, user):
    client.force_login(user)
    page = BeautifulSoup(client.get(ID_CARD_PAGE).content.decode(), "html.parser")
    consent = page.select_one('input[name="details-blood_group_consent"]')
    assert consent["type"] == "checkbox"
    assert not consent.has_attr("checked")
    label = page.select_one(f'label[for="{consent["id"]}"]').get_text()
    assert "26" in label
    blood_group_label = page.select_one('label[for="id_details-blood_group"]')
    assert not blood_group_label.select(".required")


def test_a_blood_group_posted_without_the_tick_is_refused_in_thai_and_nothing_kept(client, page_tree, user):
    client.force_login(user)
    data = form_data("11", user, details=details_for("11", blood_group_consent=False)) | files_post("11")

    response = client.post(ID_CARD_PAGE, data)

    assert dict(response.context["request_forms"].details.errors) == {
        "blood_group_consent": [in_thai(NO_CONSENT)]
    }
    assert escape(in_thai(NO_CONSENT)) in response.content.decode()
    assert response.context["request_forms"].details["blood_group"].value() == "O"  # nothing retyped
    assert not ServiceRequest.objects.exists()


def test_the_id_card_copy_slot_advises_blacking_out_religion_and_blood_group(client, page_tree, user):
    client.force_login(user)
    page = BeautifulSoup(client.get(ID_CARD_PAGE).content.decode(), "html.parser")
    file_input = page.select_one('input[name="files-id_card_copy"]')
    help_id = "id_files-id_card_copy_helptext"
    assert help_id in file_input["aria-describedby"].split()
    advice = page.select_one(f"#{help_id} .field__advice").get_text(strip=True)
    assert advice == in_thai(ID_CARD_COPY.help_text)
    assert "หมู่โลหิต" in advice and "ศาสนา" in advice
