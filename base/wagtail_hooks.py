from django.utils.text import capfirst

from wagtail import hooks
from wagtail.models import Site
from wagtail.sites.views import IndexView as SiteIndexView

from . import admin_dates
from .viewsets import ClosureDayViewSet

admin_dates.register()

# Wagtail's list of sites labels three columns from their attribute names ("Port", "Site name",
# "Root page"), which no catalogue translates; the fields' own (translated) names are used instead.
for column in SiteIndexView.columns:
    if column.name in {"port", "site_name", "root_page"}:
        column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


@hooks.register("register_admin_viewset")
def register_closure_days():
    return ClosureDayViewSet()
