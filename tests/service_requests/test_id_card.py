"""The ID-card request's own rules (service 11): a believable date of birth, names in English
letters as on the card, addresses of address length, and a reason when "other" is chosen."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from service_requests.models import ServiceRequest
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
