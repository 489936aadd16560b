from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig as BaseWagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")


class WagtailUsersAppConfig(BaseWagtailUsersAppConfig):
    """Wagtail's user admin, showing the citizen ID, names, phone and personnel type."""

    default = False  # named explicitly in INSTALLED_APPS, in place of "wagtail.users"
    user_viewset = "accounts.viewsets.UserViewSet"
    group_viewset = "accounts.viewsets.GroupViewSet"
