"""Wagtail's own words in the office's Thai: no typos, no honorific for a document's title, no
English on the screens officers and editors use daily, and every override a real Wagtail or Django
msgid (portal/translation_overrides.py, locale/th/LC_MESSAGES/djangojs.po)."""

import ast
import json
import re
from pathlib import Path

import django
from django.conf import settings
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

import wagtail
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

import pytest

from accounts.models import User
from tests.factories.accounts import StaffFactory
from tests.factories.service_requests import RoomFactory, ServiceRequestFactory

OVERRIDES = Path(settings.BASE_DIR) / "portal" / "translation_overrides.py"
JS_PO = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "djangojs.po"
PACKAGES = [Path(wagtail.__file__).parent, Path(django.__file__).parent]
TYPOS = ["ทันที่", "เพิ่เติม", "เว็บไซด์", "หลายหน้า", "หลาย\u0e46"]  # หลาย with ไม้ยมก joined


def catalogues(language, domain="django"):
    return [path for root in PACKAGES for path in root.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po")]


def entries(path):
    """(msgid, msgstr) of each entry of a .po file, unescaped (the first msgstr of a plural)."""
    found = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        fields, current = {}, None
        for line in block.splitlines():
            if match := re.match(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?) (\".*\")$", line):
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            found.append((fields["msgid"], fields.get("msgstr", fields.get("msgstr[0]", ""))))
    return found


def msgids(paths):
    return {msgid for path in paths for msgid, _msgstr in entries(path)}


def overridden_msgids():
    """The first argument of each gettext_noop / ngettext_lazy call in translation_overrides.py."""
    tree = ast.parse(OVERRIDES.read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call) and node.args]


def test_every_override_is_a_msgid_wagtail_or_django_uses():
    known = msgids(catalogues("en"))
    overridden = overridden_msgids()
    assert len(overridden) > 100
    assert [msgid for msgid in overridden if msgid not in known] == []


def test_every_javascript_override_is_a_msgid_wagtails_javascript_uses():
    known = msgids(catalogues("en", "djangojs"))
    ours = [msgid for msgid, _msgstr in entries(JS_PO)]
    assert "Pages" in ours
    assert [msgid for msgid in ours if msgid not in known] == []


def test_wagtails_thai_typos_are_replaced():
    """Every Wagtail or Django msgid whose Thai has ทันที่, เพิ่เติม, เว็บไซด์ or หลายหน้า reads
    correctly in the portal."""
    mistyped = [
        msgid
        for path in catalogues("th")
        for msgid, msgstr in entries(path)
        if any(typo in msgstr for typo in TYPOS)
    ]
    assert "Pages" in mistyped
    with translation.override("th"):
        still = {msgid: translation.gettext(msgid) for msgid in mistyped}
    assert {msgid: text for msgid, text in still.items() if any(typo in text for typo in TYPOS)} == {}


def test_publishing_is_never_told_as_printing():
    """Wagtail's Thai says จัดพิมพ์/ตีพิมพ์ (print) for publish and ถ่ายทอดสด (broadcast live) for a
    live page; the admin's buttons say เผยแพร่, and every message about publishing says the same."""
    misleading = ("พิมพ์", "ถ่ายทอดสด")
    told_as_printing = [
        msgid
        for path in catalogues("th")
        for msgid, msgstr in entries(path)
        if re.search(r"publish|live", msgid, re.IGNORECASE) and any(word in msgstr for word in misleading)
    ]
    assert "Page '%(page_title)s' has been published." in told_as_printing
    with translation.override("th"):
        still = {msgid: translation.gettext(msgid) for msgid in told_as_printing}
    assert {msgid: text for msgid, text in still.items() if any(word in text for word in misleading)} == {}
    assert "เผยแพร่" in still["Page '%(page_title)s' has been published."]


def test_a_documents_title_is_a_title_and_a_persons_title_an_honorific():
    with translation.override("th"):
        assert str(get_document_model()._meta.get_field("title").verbose_name) == "ชื่อเรื่อง"
        assert str(User._meta.get_field("title").verbose_name) == "คำนำหน้าชื่อ"


@pytest.fixture
def editor(client, db):
    editor = StaffFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return editor


def test_the_admins_javascript_says_pages_in_thai(client, editor):
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert '"Pages": "\\u0e2b\\u0e19\\u0e49\\u0e32"' in catalogue  # หน้า
    assert (
        "new items in this menu" in catalogue
        and "\\u0e23\\u0e32\\u0e22\\u0e01\\u0e32\\u0e23\\u0e43\\u0e2b\\u0e21\\u0e48" in catalogue
    )


# What each daily screen showed in English (or misspelt) before; none of it may show now.
SCREENS = {
    "wagtailadmin_home": ["Pages <span", "Documents <span", "editor guide", "หลายหน้า"],
    "wagtailadmin_explore_root": ["Exploring", "Current page status", "Filter by", "Bulk actions", "หลายหน้า"],
    "wagtaildocs:index": ["Created", "ไฟล์,แฟ้ม", "เพิ่มเติมเอกสาร", "Usage count", "Sort by &#x27;"],
    "wagtaildocs:add_multiple": ["ทันที่", "เพิ่เติม", "Maximum filesize"],
    "wagtailimages:index": ["Sort by</", "Newest", "Grid layout"],
    "wagtailimages:add_multiple": ["Drag and drop images"],
}


@pytest.mark.parametrize("url_name", SCREENS)
def test_the_editors_daily_screens_have_no_english_left(client, page_tree, editor, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"[\u0E00-\u0E7F]", html)
    assert [phrase for phrase in SCREENS[url_name] if phrase in html] == []


def test_the_page_editor_speaks_thai(client, editor, page_tree):
    page = page_tree.service_pages["id-card"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for english in [
        "More actions",
        "Autosave is paused",
        "Content metrics",
        "Once live anyone can view",
        'aria-label="Toggle section"',
        'aria-label="Add comment"',
    ]:
        assert english not in html
    assert "การบันทึกอัตโนมัติหยุดชั่วคราว" in html


@pytest.mark.parametrize("url_name", ["wagtaildocs_chooser:choose", "wagtailimages_chooser:choose"])
def test_the_choosers_speak_thai(client, page_tree, editor, url_name):
    html = json.loads(client.get(reverse(url_name)).content)["html"]
    for english in ["Created", "Layout", "ไฟล์,แฟ้ม"]:
        assert english not in html


def test_collections_are_named_consistently(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_collections:index")).content.decode()
    assert "เพิ่มคอลเลกชัน" in html
    assert "เพิ่มเติมชุด" not in html
    assert "ชื่อ-นามสกุล" not in html  # the collection's name is not a person's name


def test_an_empty_request_list_says_so_in_thai(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("service_request_admin:index")).content.decode()
    assert "There are no" not in html
    assert "ยังไม่มี" in html


# The administrators' and officers' screens the QA walk found English on (issue 9).

ADMIN_ENGLISH = {
    "wagtailusers_users:index": ["Access level", "Last login", "Just now"],
    "wagtailsites:index": ["Site name", "Port", "Root page"],
    "wagtailadmin_reports:site_history": ["Action", "Date", "User"],
    "room:index": ["True", "False"],
    # Issue 11's walk: the Reports menu (next to the access record) and the Settings menu.
    "wagtailadmin_reports:locked_pages": ["Locked pages"],
    "wagtailusers_groups:index": ["Groups"],
    "wagtailredirects:index": ["Redirects"],
}


def shows(html, phrase):
    """Whether the page shows this phrase as a text or a tooltip of its own (not inside a word or
    an attribute name)."""
    return re.search(r"(>|title=\")\s*" + re.escape(phrase) + r"\s*(<|\")", html) is not None


@pytest.mark.parametrize("url_name", ADMIN_ENGLISH)
def test_the_administrators_screens_have_no_english_left(client, superuser, page_tree, url_name):
    RoomFactory()
    client.force_login(superuser)
    html = client.get(reverse(url_name)).content.decode()
    assert [phrase for phrase in ADMIN_ENGLISH[url_name] if shows(html, phrase)] == []


def test_a_requests_history_is_in_thai(client, superuser):
    service_request = ServiceRequestFactory()
    log(instance=service_request, action="service_requests.submit", user=superuser)
    client.force_login(superuser)
    html = client.get(reverse("service_request_admin:history", args=[service_request.pk])).content.decode()
    assert [phrase for phrase in ["Action", "User", "Date"] if shows(html, phrase)] == []
    assert "model log entry" not in html


def test_the_admins_not_found_page_is_in_thai(client, superuser):
    client.force_login(superuser)
    html = client.get("/admin/no-such-screen/").content.decode()
    assert "Wagtail admin" not in html


def test_a_saved_room_says_updated_in_the_official_spelling(client, superuser):
    room = RoomFactory()
    client.force_login(superuser)
    data = {"name": room.name, "capacity": room.capacity, "equipment": "", "is_active": "on"}
    response = client.post(reverse("room:edit", args=[room.pk]), data, follow=True)
    html = response.content.decode()
    assert "อัปเดต" in html
    assert "อัพเดท" not in html


@pytest.mark.parametrize(
    "msgid",
    [
        "The page could not be created due to validation errors.",
        "There are validation errors, click save to highlight them.",
        "Renamed from '%(old)s' to '%(new)s'",
        "Copied for translation from %(title)s (%(locale)s)",
    ],
)
def test_the_page_editors_messages_are_in_thai(msgid):
    with translation.override("th"):
        assert re.search(r"[\u0E00-\u0E7F]", translation.gettext(msgid))


def test_the_rich_text_placeholder_is_in_thai(client, editor):
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert "insert a block" in catalogue  # the msgid, as the key
    assert "\\u0e41\\u0e17\\u0e23\\u0e01\\u0e1a\\u0e25\\u0e47\\u0e2d\\u0e01" in catalogue  # แทรกบล็อก


# The QA walk of the Thai admin: a page's history, the account screen, the site history, the
# dashboard, the preview and the editor's screen-reader labels.


def test_a_pages_history_is_in_thai(client, superuser, page_tree):
    page = page_tree.service_pages["id-card"]
    log(instance=page, action="wagtail.create")  # by no one: Wagtail says "system"
    page.save_revision(user=superuser, log_action=True)
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "page log entries" not in html and "page log entry" not in html
    assert re.search(r"\d+ รายการประวัติของหน้า", html)
    assert not shows(html, "system")
    assert shows(html, "ระบบ")
    assert "เผยพร่" not in html  # Wagtail's own misspelling of เผยแพร่
    # The created entry says what was done, not "date created".
    assert "วันที่สร้าง" not in html
    assert shows(html, "สร้าง")


def test_the_account_screen_is_in_thai(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    english = [
        "Name and Email",
        "Profile picture",
        "Upload a profile picture",
        "Use server language",
        "Use server time zone",
        "Toggle section",
        "Notifications",
        "updated comments notifications",
    ]
    assert [phrase for phrase in english if phrase in html] == []
    assert "ชื่อและอีเมล" in html
    assert "การแจ้งเตือน" in html
    assert "ใช้ภาษาตามค่าเริ่มต้นของระบบ: " in html


def test_the_site_history_is_in_thai(client, superuser, page_tree):
    log(instance=page_tree.service_pages["id-card"], action="wagtail.edit")
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert [phrase for phrase in ["Date / Time", "system"] if shows(html, phrase)] == []
    assert shows(html, "วันที่ / เวลา")


def test_the_dashboards_hidden_column_headings_are_in_thai(client, superuser, page_tree):
    page_tree.service_pages["id-card"].save_revision(user=superuser, log_action=True)
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert not shows(html, "Privacy and access")
    assert shows(html, "ความเป็นส่วนตัวและสิทธิ์การเข้าถึง")


@pytest.mark.parametrize(
    "msgid",
    [
        "Preview not available",
        "Preview cannot display due to validation errors. <br /> Click save to highlight the relevant fields.",
        "Add Comment",  # a StreamField text block's comment button, given to its JavaScript
    ],
)
def test_the_preview_and_the_blocks_say_it_in_thai(msgid):
    with translation.override("th"):
        assert re.search(r"[\u0E00-\u0E7F]", translation.gettext(msgid))


def test_the_stream_fields_screen_reader_labels_are_in_thai(client, editor):
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    for msgid, thai in {"Insert a block": "แทรกบล็อก", "Toggle section": "แสดง/ซ่อนส่วนนี้"}.items():
        assert json.dumps({msgid: thai})[1:-1] in catalogue  # as the catalogue writes it, escaped


# The second QA walk: the account screen's theme preferences, a page's history links, the aging
# pages report and the keyboard-shortcuts dialog every admin screen holds.


def test_the_account_screens_theme_preferences_are_in_thai(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    english = [
        "Theme preferences",
        "Admin theme",
        "System default",
        "Light",
        "Dark",
        "Contrast",
        "More contrast",
        "Density",
        "Snug",
        "Enable custom keyboard shortcuts specific to Wagtail.",
    ]
    assert [phrase for phrase in english if shows(html, phrase)] == []
    for thai in ["ธีมของระบบจัดการ", "ตามการตั้งค่าของอุปกรณ์", "สว่าง", "มืด", "เพิ่มความเปรียบต่าง", "กระชับ"]:
        assert shows(html, thai)


def test_a_pages_revisions_are_compared_in_thai(client, superuser, page_tree):
    page = page_tree.service_pages["id-card"]
    page.save_revision(user=superuser, log_action=True)
    page.save_revision(user=superuser, log_action=True).publish(user=superuser)
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    english = ["Compare with current version", "Compare with previous version", "Review this version"]
    assert [phrase for phrase in english if shows(html, phrase)] == []
    for thai in ["เปรียบเทียบกับฉบับปัจจุบัน", "เปรียบเทียบกับฉบับก่อนหน้า", "ตรวจดูฉบับนี้"]:
        assert shows(html, thai)


def test_the_aging_pages_report_is_in_thai_and_names_the_system_as_publisher(client, superuser, page_tree):
    page_tree.service_pages["id-card"].save_revision().publish()  # by no one
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_reports:aging_pages")).content.decode()
    assert [phrase for phrase in ["Last published before", "None"] if shows(html, phrase)] == []
    assert shows(html, "เผยแพร่ครั้งล่าสุดก่อนวันที่")
    assert shows(html, "ระบบ")


def test_a_user_is_still_named_by_the_avatar_template(superuser):
    with translation.override("th"):
        named = render_to_string(
            "wagtailadmin/shared/user_avatar.html", {"user": superuser, "username": "สมชาย"}
        )
        unnamed = render_to_string("wagtailadmin/shared/user_avatar.html", {"user": superuser})
    assert named.strip().endswith("</span>\n\n\nสมชาย")
    assert unnamed.strip().endswith(f"</span>\n\n\n{superuser}")


KEYBOARD_SHORTCUTS_ENGLISH = [
    "All keyboard shortcuts",
    "Section",
    "Keyboard shortcut",
    "Application",
    "Show keyboard shortcuts",
    "Toggle minimap",
    "Close modal dialogs (like this one)",
    "Text editing",
    "Cut",
    "Paste",
    "Paste and match style",
    "Paste without formatting",
    "Text formatting",
    "Insert or edit a link",
    "Monospace (code)",
    "Strike-through",
    "Superscript",
    "Subscript",
    "account",
    "Keyboard shortcuts are currently",
]


def keyboard_shortcuts_dialog(html):
    return html[html.index('id="keyboard-shortcuts-dialog"') :]


@pytest.mark.parametrize(
    "user_agent, paste_plain",
    [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "วางโดยไม่คงรูปแบบข้อความ"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)", "วางโดยใช้รูปแบบของข้อความรอบข้าง"),
    ],
    ids=["windows", "mac"],
)
def test_the_keyboard_shortcuts_dialog_is_in_thai(client, editor, user_agent, paste_plain):
    html = keyboard_shortcuts_dialog(
        client.get(reverse("wagtailadmin_home"), HTTP_USER_AGENT=user_agent).content.decode()
    )
    assert [phrase for phrase in KEYBOARD_SHORTCUTS_ENGLISH if shows(html, phrase)] == []
    for thai in ["แป้นพิมพ์ลัดทั้งหมด", "ทั่วไป", "แสดงหรือซ่อนแผนผังย่อ", "การจัดรูปแบบข้อความ", "ตัด", "วาง", paste_plain]:
        assert shows(html, thai)
    assert "แป้นพิมพ์ลัดเปิดใช้งานอยู่ หากต้องการปิด ตั้งค่าได้ที่" in html
    assert shows(html, "บัญชีผู้ใช้")


def test_the_keyboard_shortcuts_dialog_says_how_to_enable_them_in_thai(client, editor):
    UserProfile.objects.update_or_create(user=editor, defaults={"keyboard_shortcuts": False})
    html = keyboard_shortcuts_dialog(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "Keyboard shortcuts are currently" not in html
    assert "แป้นพิมพ์ลัดปิดใช้งานอยู่ หากต้องการเปิด ตั้งค่าได้ที่" in html


def test_the_editors_minimap_is_labelled_in_thai(client, editor, page_tree):
    page = page_tree.service_pages["id-card"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'aria-label="Minimap"' not in html
    assert 'aria-label="แผนผังย่อ"' in html
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert json.dumps({"Toggle side panel": "แสดงหรือซ่อนแผงด้านข้าง"})[1:-1] in catalogue  # its toggle button
