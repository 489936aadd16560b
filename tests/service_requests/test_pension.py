"""Living pension (service 21): the pledged amount is required exactly when the pension is pledged
as a loan guarantee, on the form and in the action."""

from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from service_requests.catalogue.living_pension import LivingPensionDetails
from service_requests.models import ServiceRequest
from tests.factories.service_requests import details_for, files_post, form_data
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

PENSION_PAGE = "/services/living-pension/"
AMOUNT_REQUIRED = "Please give the pledged amount."
AMOUNT_NOT_WANTED = "Leave the amount empty when the pension is not pledged."


@pytest.fixture
def applicant_client(client, user, page_tree):
    client.force_login(user)
    return client


def post_pension(client, user, **details):
    data = form_data("21", user, details=details_for("21", **details)) | files_post("21")
    return client.post(PENSION_PAGE, data)


def details_errors(response):
    assert response.status_code == 200
    return {name: list(errors) for name, errors in response.context["request_forms"].details.errors.items()}


def stored_pension():
    details = LivingPensionDetails.objects.get(request=ServiceRequest.objects.get())
    return (details.pledged, details.pledged_amount)


def test_not_pledged_and_no_amount_is_accepted(applicant_client, user):
    response = post_pension(applicant_client, user, pledged=False, pledged_amount=None)
    assert response.status_code == 302
    assert stored_pension() == (False, None)


def test_pledged_with_the_amount_is_accepted(applicant_client, user):
    response = post_pension(applicant_client, user, pledged=True, pledged_amount=Decimal("150000.00"))
    assert response.status_code == 302
    assert stored_pension() == (True, Decimal("150000.00"))


@pytest.mark.parametrize("amount", [None, Decimal("0")], ids=["empty", "zero"])
def test_pledged_without_an_amount_is_refused_on_the_amount(applicant_client, user, amount):
    response = post_pension(applicant_client, user, pledged=True, pledged_amount=amount)
    assert details_errors(response) == {"pledged_amount": [in_thai(AMOUNT_REQUIRED)]}
    assert not ServiceRequest.objects.exists()


def test_an_amount_without_a_pledge_is_refused_on_the_amount(applicant_client, user):
    response = post_pension(applicant_client, user, pledged=False, pledged_amount=Decimal("50000.00"))
    assert details_errors(response) == {"pledged_amount": [in_thai(AMOUNT_NOT_WANTED)]}
    assert not ServiceRequest.objects.exists()


def test_a_negative_amount_is_refused(applicant_client, user):
    response = post_pension(applicant_client, user, pledged=True, pledged_amount=Decimal("-1.00"))
    assert details_errors(response) == {"pledged_amount": [in_thai("The amount cannot be negative.")]}
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize(
    ("pledged", "amount", "message"),
    [(True, None, AMOUNT_REQUIRED), (False, Decimal("50000.00"), AMOUNT_NOT_WANTED)],
    ids=["pledged-without-amount", "amount-without-pledge"],
)
def test_the_action_applies_the_same_rule(submit, pledged, amount, message):
    with pytest.raises(ValidationError) as refused:
        submit("21", details=details_for("21", pledged=pledged, pledged_amount=amount))
    assert refused.value.message_dict == {"pledged_amount": [in_thai(message)]}
    assert not ServiceRequest.objects.exists()


def test_the_id_card_copy_is_required(applicant_client, user):
    response = applicant_client.post(PENSION_PAGE, form_data("21", user))
    assert "id_card_copy" in response.context["request_forms"].attachments.errors
    assert not ServiceRequest.objects.exists()
