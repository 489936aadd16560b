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
]
