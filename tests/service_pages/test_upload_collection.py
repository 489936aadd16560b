"""Editors' documents and images start in the manuals-and-forms collection, on every upload form."""

import json
import re

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Collection

import pytest

from service_pages.upload_collection import MANUALS_AND_FORMS
from tests.factories.accounts import StaffFactory
from tests.factories.home import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    editor = StaffFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return editor


@pytest.fixture
def manuals_and_forms():
    root = Collection.get_first_root_node()
    root.add_child(name="ประกาศ")
    return root.add_child(name=MANUALS_AND_FORMS)


def selected_option(html, select_id):
    """The value of the option the browser shows chosen in one <select> (the first one if none is)."""
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S).group(0)
    options = re.findall(r'<option value="(\d+)"([^>]*)>', select)
    chosen = [value for value, attributes in options if "selected" in attributes]
    return int(chosen[0] if chosen else options[0][0])


@pytest.mark.parametrize(
    ("url_name", "select_id"),
    [
        ("wagtaildocs:add_multiple", "id_adddocument_collection"),
        ("wagtailimages:add_multiple", "id_addimage_collection"),
        ("wagtaildocs:add", "id_collection"),
        ("wagtailimages:add", "id_collection"),
    ],
)
def test_the_upload_pages_preselect_manuals_and_forms(client, editor, manuals_and_forms, url_name, select_id):
    html = client.get(reverse(url_name)).content.decode()
    assert selected_option(html, select_id) == manuals_and_forms.pk


def test_a_collection_the_listing_was_filtered_by_wins(client, editor, manuals_and_forms):
    other = Collection.objects.get(name="ประกาศ")
    html = client.get(reverse("wagtaildocs:add_multiple"), {"collection_id": other.pk}).content.decode()
    assert selected_option(html, "id_adddocument_collection") == other.pk


@pytest.mark.parametrize(
    ("url_name", "select_id"),
    [
        ("wagtaildocs_chooser:choose", "id_document-chooser-upload-collection"),
        ("wagtailimages_chooser:choose", "id_image-chooser-upload-collection"),
    ],
)
def test_the_choosers_upload_tab_preselects_manuals_and_forms(
    client, editor, manuals_and_forms, url_name, select_id
):
    html = json.loads(client.get(reverse(url_name)).content)["html"]
    assert selected_option(html, select_id) == manuals_and_forms.pk


def test_without_that_collection_uploads_start_at_the_root(client, editor):
    Collection.get_first_root_node().add_child(name="ประกาศ")
    html = client.get(reverse("wagtaildocs:add_multiple")).content.decode()
    assert selected_option(html, "id_adddocument_collection") == Collection.get_first_root_node().pk


def test_editing_a_document_keeps_its_collection(client, editor, manuals_and_forms):
    document = DocumentFactory(collection=Collection.objects.get(name="ประกาศ"))
    html = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert selected_option(html, "id_collection") == document.collection_id
