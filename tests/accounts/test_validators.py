"""Citizen IDs, phone numbers and names as applicants type them."""

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from accounts.validators import (
    CITIZEN_ID_MESSAGES,
    PERSON_NAME_MESSAGE,
    normalize_phone,
    validate_citizen_id,
    validate_person_name,
)
from tests.factories.accounts import UserFactory, citizen_id_for
from tests.helpers import THAI_SCRIPT, in_thai


def thai_message(error: ValidationError) -> str:
    with translation.override("th"):
        return str(error.messages[0])


def test_a_valid_citizen_id_is_accepted():
    assert validate_citizen_id("1439900285977") == "1439900285977"


@pytest.mark.parametrize("typed", ["1-4399-00285-97-7", " 1 4399 00285 97 7 "])
def test_dashes_and_spaces_are_removed_from_the_citizen_id(typed):
    assert validate_citizen_id(typed) == "1439900285977"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1439900285970", "checksum"),
        ("143990028597", "length"),
        ("14399002859777", "length"),
        ("14399OO285977", "digits"),
        ("abc", "digits"),
        ("0439900285979", "first_digit"),
    ],
    ids=["wrong-check-digit", "12-digits", "14-digits", "letters", "only-letters", "starts-with-0"],
)
def test_an_invalid_citizen_id_is_refused_with_its_own_message(typed, code):
    with pytest.raises(ValidationError) as refused:
        validate_citizen_id(typed)
    assert refused.value.code == f"citizen_id_{code}"
    assert refused.value.messages == [str(CITIZEN_ID_MESSAGES[code])]


def test_each_citizen_id_error_has_a_different_message():
    messages = [str(message) for message in CITIZEN_ID_MESSAGES.values()]
    assert len(set(messages)) == len(messages)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1439900285970", "checksum"),
        ("143990028597", "length"),
        ("14399002859777", "length"),
        ("14399OO285977", "digits"),
        ("0439900285979", "first_digit"),
    ],
    ids=["wrong-check-digit", "12-digits", "14-digits", "letters", "starts-with-0"],
)
def test_a_thai_user_reads_the_citizen_id_message_in_thai(typed, code):
    with pytest.raises(ValidationError) as refused:
        validate_citizen_id(typed)
    message = thai_message(refused.value)
    assert THAI_SCRIPT.search(message), message
    assert message == in_thai(CITIZEN_ID_MESSAGES[code])


def test_the_check_digit_follows_the_spec_formula():
    # Digit 13 = (11 - sum of d_i * (14 - i) for i = 1..12, mod 11) mod 10.
    first_twelve = "143990028597"
    weighted_sum = sum(int(digit) * (13 - index) for index, digit in enumerate(first_twelve))
    assert validate_citizen_id(first_twelve + str((11 - weighted_sum % 11) % 10)) == "1439900285977"


@pytest.mark.parametrize("number", [1, 42, 99_999_999_999])
def test_the_factories_make_valid_citizen_ids(number):
    citizen_id = citizen_id_for(number)
    assert validate_citizen_id(citizen_id) == citizen_id


@pytest.mark.django_db
def test_factory_users_pass_the_model_validation():
    user = UserFactory()
    user.full_clean()
    assert user.phone == normalize_phone(user.phone)


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("0812345678", "0812345678"),
        ("081-234-5678", "0812345678"),
        ("+66812345678", "0812345678"),
        ("045511019", "045511019"),
    ],
)
def test_a_thai_phone_number_is_accepted_and_normalised(typed, normalised):
    assert normalize_phone(typed) == normalised


@pytest.mark.parametrize("typed", ["12345", "โทรศัพท์", "abcdefghij", "+14155552671"])
def test_an_invalid_phone_number_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        normalize_phone(typed)
    assert refused.value.code == "phone_invalid"


def test_a_thai_user_reads_the_phone_message_in_thai():
    with pytest.raises(ValidationError) as refused:
        normalize_phone("12345")
    message = thai_message(refused.value)
    assert THAI_SCRIPT.search(message), message
    assert "0812345678" in message


# Names: letters of the Thai or Latin script with their marks, spaces, dots and hyphens


@pytest.mark.parametrize(
    "name",
    [
        "วิลัยวรรณ",  # sara i, mai ek, sara a
        "ณัฐธิดา",  # mai han-akat, thanthakhat (karan)
        "ศักดิ์ชัย",  # sara i with thanthakhat
        "น้ำฝน",  # mai tho over sara am
        "ลำดวนทอง",
        "สุภชาติ",
        "ณ อยุธยา",
        "Somchai",
        "Jean-Luc",
        "Mary J. Watson",
        "Müller",
        "Mu\u0308ller",  # u and a combining diaeresis
        "Nguyễn",
    ],
)
def test_real_names_are_accepted(name):
    validate_person_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "วิลัยวรรณ\nSubject: ด่วน",
        "วิลัยวรรณ\r\n",
        "สุภชาติ\t",
        "<b>สมชาย</b>",
        "สมชาย@example.com",
        "สมชาย1",
        "สมชาย๑",  # a Thai digit is not a letter
        "O'Brien; DROP",
        "=HYPERLINK()",
        "...",
        "-",
        "張偉",  # letters, but neither Thai nor Latin
        "Смирнов",
        "สมชาย\u200bใจดี",  # zero-width space
        "สมชาย\u00a0ใจดี",  # no-break space
    ],
)
def test_names_with_anything_else_are_refused_with_a_thai_message(name):
    with pytest.raises(ValidationError) as caught:
        validate_person_name(name)
    assert caught.value.code == "name_characters"
    assert thai_message(caught.value) == in_thai(PERSON_NAME_MESSAGE)
    assert THAI_SCRIPT.search(thai_message(caught.value))
