"""Every date and time box of every service shows what is stored, in both languages.

`<input type="date">` and `<input type="time">` take only ISO values (YYYY-MM-DD, HH:MM); the
Thai locale's own formats ("08/12/2026") leave them empty, so an applicant correcting a returned
request would have to type the dates again. The edit page of every catalogue service is walked.
"""

import re

from django import forms
from django.db import models
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from service_requests.catalogue import builtin_services
from service_requests.date_fields import IsoDateField, IsoDateTimeField, IsoTimeField
from service_requests.queries import details_record
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import form_data, pdf_upload

pytestmark = pytest.mark.django_db

ONLINE_SERVICES = [service for service in builtin_services() if service.accepts_requests]
ISO = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}"),
    "datetime-local": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"),
}
LANGUAGE_PREFIXES = {"th": "", "en": "/en"}
DATE_AND_TIME_FIELDS = (forms.DateField, forms.TimeField, forms.DateTimeField)


def stored_values(record) -> dict[str, set[str]]:
    """The ISO strings of every date and time the details row holds, by input type."""
    values = {kind: set() for kind in ISO}
    for field in record._meta.concrete_fields:
        value = getattr(record, field.name)
        if isinstance(field, models.DateTimeField):
            moment = timezone.localtime(value)
            values["date"].add(moment.date().isoformat())
            values["time"].add(moment.strftime("%H:%M"))
            values["datetime-local"].add(moment.strftime("%Y-%m-%dT%H:%M"))
        elif isinstance(field, models.DateField):
            values["date"].add(value.isoformat())
        elif isinstance(field, models.TimeField):
            values["time"].add(value.strftime("%H:%M"))
    return values


def date_and_time_inputs(html) -> list[dict]:
    return BeautifulSoup(html, "html.parser").select(
        'input[type="date"], input[type="time"], input[type="datetime-local"]'
    )


def date_and_time_fields(service) -> list[str]:
    form = service.details_form(prefix="details")
    return [name for name, field in form.fields.items() if isinstance(field, DATE_AND_TIME_FIELDS)]


@pytest.mark.parametrize("service", ONLINE_SERVICES, ids=lambda service: service.code)
@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_the_edit_page_shows_every_stored_date_and_time_in_iso(client, user, request_in, service, language):
    service_request = request_in(RequestStatus.RETURNED, service.code)
    expected = stored_values(details_record(service_request))
    client.force_login(user)

    response = client.get(f"{LANGUAGE_PREFIXES[language]}/my/requests/{service_request.reference}/edit/")

    assert response.status_code == 200
    inputs = date_and_time_inputs(response.content.decode())
    assert len(inputs) == len(date_and_time_fields(service))
    for box in inputs:
        value = box.get("value", "")
        assert ISO[box["type"]].fullmatch(value), (box["name"], value)
        assert value in expected[box["type"]], (box["name"], value)


def test_the_walk_covers_dates_and_times():
    """The services with dates of their own (ID card, rooms, appointments) are all in the walk."""
    with_dates = {service.code for service in ONLINE_SERVICES if date_and_time_fields(service)}
    assert {"11", "31", "32"} <= with_dates


@pytest.mark.parametrize("service", ONLINE_SERVICES, ids=lambda service: service.code)
def test_every_date_and_time_field_is_the_shared_one(service):
    """A service's date or time field is the shared one (ISO boxes, the Buddhist Era hint),
    whether its module declares it or its model gives it."""
    form = service.details_form(prefix="details")
    for name, field in form.fields.items():
        if isinstance(field, DATE_AND_TIME_FIELDS):
            assert isinstance(field, (IsoDateField, IsoTimeField, IsoDateTimeField)), name


@pytest.mark.parametrize("code", ["31", "32"])
def test_a_correction_sent_as_the_edit_page_shows_it_keeps_the_dates(client, user, request_in, code):
    """The applicant answers "returned for correction" without retyping a date or choosing files."""
    service_request = request_in(RequestStatus.RETURNED, code)
    before = stored_values(details_record(service_request))
    client.force_login(user)
    edit_url = f"/my/requests/{service_request.reference}/edit/"
    shown = {box["name"]: box.get("value", "") for box in date_and_time_inputs(client.get(edit_url).content)}
    data = form_data(code, user, submission_key=service_request.submission_key) | shown

    response = client.post(edit_url, data)

    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RESUBMITTED
    assert stored_values(details_record(service_request)) == before
    assert service_request.attachments.count() == 2  # kept, none chosen again


def test_after_a_refused_edit_the_files_are_kept_or_named_to_choose_again(client, user, request_in):
    service_request = request_in(RequestStatus.RETURNED, "31")
    client.force_login(user)
    data = form_data("31", user, submission_key=service_request.submission_key) | {"details-attendees": "0"}
    data["files-other_2"] = pdf_upload("agenda.pdf")  # chosen now, in a form sent back

    response = client.post(f"/my/requests/{service_request.reference}/edit/", data)

    assert response.status_code == 200
    html = response.content.decode()
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one('input[name="details-start_date"]')["value"] == data["details-start_date"]
    for attachment in service_request.attachments.all():
        assert f"<strong>{attachment.original_name}</strong>" in html
    slot = service_request.attachments.first().slot
    assert not response.context["request_forms"].attachments.fields[slot].required
    assert service_request.attachments.count() == 2
    # The browser dropped the file chosen this time: the page says which one to choose again.
    note = page.select_one("#id_files-other_2_helptext .choose-again")
    assert note and "agenda.pdf" in note.get_text()
    assert not page.select_one("#id_files-other_1_helptext .choose-again")
