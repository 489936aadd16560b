from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_thai_font():
    """Sarabun in the admin as on the site: without it a PC with no Thai font shows boxes."""
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("css/sarabun.css"),
        static("css/admin.css"),
    )
