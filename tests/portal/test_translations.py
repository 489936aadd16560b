"""Thai is the portal's first language: every message must have its Thai translation."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO_FILE = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"


def po_entries(text):
    """(msgid, msgstr, flags) of each non-header entry, with continuation lines joined."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line.strip('"')
        if fields.get("msgid"):
            translated = fields.get("msgstr") or fields.get("msgstr[0]", "")
            entries.append((fields["msgid"], translated, flags))
    return entries


def test_every_message_has_a_thai_translation():
    entries = po_entries(PO_FILE.read_text(encoding="utf-8"))
    assert len(entries) > 100
    untranslated = [msgid for msgid, msgstr, _flags in entries if not msgstr]
    fuzzy = [msgid for msgid, _msgstr, flags in entries if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []


def test_the_compiled_catalogue_is_the_one_django_uses():
    with translation.override("th"):
        assert translation.gettext("Citizen ID") == "เลขประจำตัวประชาชน"
    with translation.override("en"):
        assert translation.gettext("Citizen ID") == "Citizen ID"
