"""The form builder's blocks (service_forms/blocks.py) as the page editor shows them: a folded
field is headed by its Thai label, its system name after it."""

import html
import re

from django.urls import reverse

from service_forms.blocks import FormDefinitionBlock
from tests.factories.service_pages import ConfiguredServicePageFactory

LABEL_FORMAT = "{label_th} ({name})"


def test_every_field_and_attachment_is_headed_by_its_thai_label():
    blocks = FormDefinitionBlock().child_blocks
    for name, block in blocks.items():
        if name == "section":
            continue  # its first box is its Thai heading already
        assert block.meta.label_format == LABEL_FORMAT, name


def test_the_page_editor_receives_the_header_format(client, superuser, page_tree):
    page = ConfiguredServicePageFactory(parent=page_tree.services)
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    formats = re.findall(r'"labelFormat": "([^"]*)"', html.unescape(response.content.decode()))
    assert formats.count(LABEL_FORMAT) == len(FormDefinitionBlock().child_blocks) - 1
