"""The shared date field: a year typed in the Buddhist Era gets one hint, with the Christian Era
year to type, on every date field (birth dates, bookings, appointments, report periods, and the
date fields of any service added later)."""

import datetime

from django import forms
from django.utils import timezone

import pytest

from service_requests.catalogue.id_card import IdCardDetails
from service_requests.date_fields import IsoDateField, IsoDateTimeField
from service_requests.details import DetailsForm
from service_requests.models import ServiceRequest
from tests.factories.service_requests import details_for, files_post, form_data
from tests.helpers import buddhist_era_hint, in_thai

pytestmark = pytest.mark.django_db


def refusal(field, value) -> list[str]:
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(value)
    return [in_thai(message) for message in refused.value.messages]


def test_a_buddhist_era_year_is_refused_naming_the_christian_era_year():
    assert refusal(IsoDateField(), "2530-06-15") == [buddhist_era_hint(2530)]
    assert "1987" in buddhist_era_hint(2530)


def test_only_a_year_centuries_ahead_counts_as_buddhist_era():
    this_year = timezone.localdate().year
    assert IsoDateField().clean(f"{this_year + 400}-01-01") == datetime.date(this_year + 400, 1, 1)
    assert refusal(IsoDateField(), f"{this_year + 401}-01-01") == [buddhist_era_hint(this_year + 401)]


def test_a_date_and_time_field_gives_the_same_hint():
    assert refusal(IsoDateTimeField(), "2569-12-08T09:00") == [buddhist_era_hint(2569)]


def test_a_birth_year_in_the_buddhist_era_gets_the_hint_not_must_be_in_the_past(client, page_tree, user):
    client.force_login(user)
    data = form_data("11", user, **{"details-birth_date": "2530-06-15"}) | files_post("11")

    response = client.post("/services/id-card/", data)

    errors = response.context["request_forms"].details.errors
    assert errors == {"birth_date": [buddhist_era_hint(2530)]}
    assert in_thai("The date of birth must be in the past.") not in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_a_new_services_model_date_gets_the_hint_for_free():
    """A seventh service's form gets the shared field from its model's DateField alone."""

    class NewServiceForm(DetailsForm):
        class Meta:
            model = IdCardDetails
            fields = ["birth_date"]

    form = NewServiceForm({"birth_date": "2530-06-15"})
    assert isinstance(form.fields["birth_date"], IsoDateField)
    assert form.errors == {"birth_date": [buddhist_era_hint(2530)]}
    assert NewServiceForm({"birth_date": details_for("11")["birth_date"].isoformat()}).is_valid()
