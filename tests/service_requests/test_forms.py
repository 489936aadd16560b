"""The request forms as an applicant meets them: a required attachment left out is asked for as
a file to attach (not a box to fill in), on every service, also after the form came back."""

import re

from django.utils import translation
from django.utils.html import escape

import pytest

from service_requests.catalogue import get_service
from service_requests.forms import ATTACH_REQUIRED, RequestForms
from tests.factories.service_forms import publish_version
from tests.factories.service_pages import ConfiguredServicePageFactory
from tests.factories.service_requests import form_data, png_upload
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

FILL_IN = "This field is required."


def field_error(html, name):
    found = re.search(rf'<div class="field__error" id="id_{name}_error"[^>]*>(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


def attach_message(label):
    return escape(in_thai(ATTACH_REQUIRED) % {"label": label})


def test_a_missing_required_attachment_is_asked_for_as_a_file_to_attach(client, page_tree, user):
    client.force_login(user)
    page = page_tree.service_pages["certificate"]
    html = client.post(page.url, form_data("12", user)).content.decode()
    label = get_service("12").attachment_slots[0].label  # สำเนาบัตรประชาชน, the required slot
    error = field_error(html, "files-id_card_copy")
    assert attach_message(label) in error
    assert escape(in_thai(FILL_IN)) not in error
    # The list at the top says it too, linking to the file box, and the box points at its error.
    assert f'<a href="#id_files-id_card_copy">{label}</a>: {attach_message(label)}' in html
    assert re.search(r'<input type="file"[^>]*aria-describedby="[^"]*id_files-id_card_copy_error', html)


def test_a_file_dropped_when_the_form_came_back_is_asked_for_as_a_file_to_attach(client, page_tree, user):
    client.force_login(user)
    page = page_tree.service_pages["certificate"]
    data = form_data("12", user, **{"details-purpose": ""})  # one answer missing
    first = client.post(page.url, {**data, "files-id_card_copy": png_upload()}).content.decode()
    assert not field_error(first, "files-id_card_copy")  # the file was fine, but is not kept
    # Sent again with the answer, the browser having dropped the chosen file.
    again = client.post(page.url, {**data, "details-purpose": "ยื่นกู้เงิน"}).content.decode()
    label = get_service("12").attachment_slots[0].label
    assert attach_message(label) in field_error(again, "files-id_card_copy")
    assert escape(in_thai(FILL_IN)) not in field_error(again, "files-id_card_copy")


def test_a_configured_services_required_slot_asks_for_its_file_in_the_readers_language(page_tree, user):
    publish_version("13", page=ConfiguredServicePageFactory(parent=page_tree.services))
    service = get_service("13")
    required = [slot for slot in service.attachment_slots if slot.required]
    assert required
    forms = RequestForms(service, user=user, data=form_data("13", user), files={})
    assert not forms.is_valid()
    for slot in required:
        assert forms.attachments.errors[slot.name] == [in_thai(ATTACH_REQUIRED) % {"label": slot.label}]
    with translation.override("en"):
        forms = RequestForms(get_service("13"), user=user, data=form_data("13", user), files={})
        forms.is_valid()
        slot = required[0]
        assert forms.attachments.errors[slot.name] == [
            f"Please attach the file “{get_service('13').attachment_slots[0].label}”."
        ]
