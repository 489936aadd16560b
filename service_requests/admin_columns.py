"""The columns of the officers' request list (service_requests' index view).

Each cell is written with format_html, in the markup of Wagtail's cell templates, rather than
rendered from a template: a page of 25 requests has 250 cells and each row's menu of pages,
whose templates (a dozen nested renders per row) were two thirds of the list's time with
1,000,000 requests (issue 12). Only the headers are Wagtail's templates, once per page.
"""

from django.templatetags.l10n import unlocalize
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column

from base.dates import format_date
from base.working_days import WorkingCalendar, bangkok_today

from .due_dates import timing_of


def icon(name, classname=""):
    """Wagtail's {% icon %}: the SVG sprite's symbol."""
    classes = f"icon icon-{name} {classname}".strip()
    return format_html('<svg class="{}" aria-hidden="true"><use href="#icon-{}"></use></svg>', classes, name)


class HtmlColumn(Column):
    """A column of plain values: Wagtail's "wagtailadmin/tables/cell.html", without the template."""

    def render_cell_html(self, instance, parent_context):
        return format_html("<td{}>{}</td>", self.class_attribute, self.cell_content(instance))

    @cached_property
    def class_attribute(self):
        return format_html(' class="{}"', self.classname) if self.classname else ""

    def cell_content(self, instance):
        value = self.get_value(instance)
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            value = unlocalize(value)
        return value if str(value).strip() else self.empty_value_display


class StatusColumn(HtmlColumn):
    """The status as Wagtail's status tag ("wagtailadmin/tables/status_tag_cell.html"), highlighted
    (primary) for the requests waiting for an officer."""

    def __init__(self, name, *, primary, **kwargs):
        super().__init__(name, **kwargs)
        self.primary = primary

    def cell_content(self, instance):
        classname = "w-status w-status--primary" if self.primary(instance) else "w-status"
        return format_html('<span class="{}">{}</span>', classname, self.get_value(instance))


class CheckboxColumn(BulkActionsCheckboxColumn):
    """The bulk actions' checkbox ("wagtailadmin/bulk_actions/listing_checkbox_cell.html")."""

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="bulk-action-checkbox-cell"><input type="checkbox" data-object-id="{}" '
            'data-bulk-action-checkbox class="bulk-action-checkbox" aria-label="{}" aria-describedby="{}"></td>',
            unlocalize(instance.pk),
            self.select_label,
            self.get_aria_describedby(instance),
        )

    @cached_property
    def select_label(self):
        return gettext("Select")


class ReferenceColumn(HtmlColumn):
    """The reference, linking to the request's page, with the menu (⋯) of its other pages: the
    markup of Wagtail's title cell ("wagtailadmin/tables/title_cell.html") and its dropdown of
    buttons ("wagtailadmin/shared/button_with_dropdown.html").

    get_url(request) is the link; get_title_id(request) the id of the reference's element (the
    bulk actions' checkboxes name their row by it); get_menu(request) the menu, as
    (label, url, icon name) tuples.
    """

    def __init__(self, name, *, get_url, get_title_id, get_menu, **kwargs):
        super().__init__(name, **kwargs)
        self.get_url = get_url
        self.get_title_id = get_title_id
        self.get_menu = get_menu

    def render_cell_html(self, instance, parent_context):
        reference = self.get_value(instance)
        menu = format_html_join(
            "",
            '<a href="{}">{}{}</a>',
            ((url, icon(name), label) for label, url, name in self.get_menu(instance)),
        )
        return format_html(
            '<td class="title"><div class="title-wrapper"><a href="{}"><span id="{}">{}</span></a></div>'
            '<ul class="actions"><li><div data-controller="w-dropdown" class="w-dropdown">'
            '<button type="button" class="w-dropdown__toggle w-dropdown__toggle--icon" '
            'data-w-dropdown-target="toggle" aria-label="{}">{}</button>'
            '<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>{}</div>'
            "</div></li></ul></td>",
            self.get_url(instance),
            self.get_title_id(instance),
            reference,
            self.more_options % {"title": reference},
            icon("dots-horizontal", "w-dropdown__toggle-icon"),
            menu,
        )

    @cached_property
    def more_options(self):
        return gettext("More options for '%(title)s'")


class DueDateColumn(HtmlColumn):
    """The due date in Thai, flagged when overdue. The list's queryset must come through
    due_dates.with_sla_history(), so that the page costs the same queries for 1 or 50 rows;
    the column reads the closure days once per page."""

    def __init__(self, name="due_date", **kwargs):
        kwargs.setdefault("label", _("Due"))
        super().__init__(name, **kwargs)

    @cached_property
    def calendar(self):
        return WorkingCalendar()

    @cached_property
    def today(self):
        return bangkok_today()

    def cell_content(self, instance):
        timing = timing_of(instance, calendar=self.calendar, today=self.today)
        due = format_html(
            '<time datetime="{}">{}</time>', timing.due_on.isoformat(), format_date(timing.due_on)
        )
        if not timing.is_overdue:
            return due
        days = timing.working_days_overdue
        overdue = ngettext("Overdue by %(days)s working day", "Overdue by %(days)s working days", days) % {
            "days": days
        }
        return format_html('{}<br><strong class="w-text-critical-200">{}</strong>', due, overdue)
