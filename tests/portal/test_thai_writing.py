"""Thai is written one way throughout: ไม้ยมก (ๆ) after a space, as the Royal Institute writes it
("อื่น ๆ", never with ๆ joined to the word), in the catalogue, the templates and the demo content."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
SOURCES = ["locale/th/LC_MESSAGES/*.po", "templates/**/*.html", "**/*.py"]
ATTACHED_MAI_YAMOK = re.compile(r"[\u0E01-\u0E45\u0E47-\u0E4E]ๆ")


def thai_sources():
    for pattern in SOURCES:
        for path in BASE.glob(pattern):
            if not {".venv", "staticfiles", "node_modules"} & set(path.relative_to(BASE).parts):
                yield path


def test_mai_yamok_always_follows_a_space():
    attached = {
        str(path.relative_to(BASE)): ATTACHED_MAI_YAMOK.findall(path.read_text(encoding="utf-8"))
        for path in thai_sources()
    }
    assert {path: found for path, found in attached.items() if found} == {}


def test_the_check_sees_the_demo_content_and_the_catalogue():
    paths = {str(path.relative_to(BASE)) for path in thai_sources()}
    assert "locale/th/LC_MESSAGES/django.po" in paths
    assert "demo/content.py" in paths
