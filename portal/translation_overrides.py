"""Words whose Thai in Wagtail's own catalogue reads wrongly to our users.

Django reads the project's catalogue (LOCALE_PATHS) before the apps' ones, so marking these
msgids here puts them in locale/th with the office's words (e.g. "Save" is บันทึก, not เซฟ).
"""

from django.utils.translation import gettext_noop

OVERRIDDEN_MSGIDS = [
    gettext_noop("Save"),
    gettext_noop("Download CSV"),
    gettext_noop("Download XLSX"),
    gettext_noop("Previous"),
    gettext_noop("Next"),
    # Missing from Wagtail's Thai catalogue, or with a space missing, on pages staff see daily.
    gettext_noop("Remember me"),
    gettext_noop("Forgotten password?"),
    gettext_noop("Search all pages…"),
    gettext_noop("Help"),
    gettext_noop("Go to the first error"),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    # Django's own Thai for an empty required field reads awkwardly ("ต้องระบุข้อมูลในเนื้อหานี้").
    gettext_noop("This field is required."),
]
