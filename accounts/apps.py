from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig as BaseWagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import admin_access, sessions

        # Every log-in (password, admin, tests' force_login) starts the clocks of accounts.sessions.
        user_logged_in.connect(lambda request, **kwargs: sessions.start(request.session), weak=False)
        admin_access.connect_forgetting()


class WagtailUsersAppConfig(BaseWagtailUsersAppConfig):
    """Wagtail's user admin, showing the citizen ID, names, phone and personnel type."""

    default = False  # named explicitly in INSTALLED_APPS, in place of "wagtail.users"
    user_viewset = "accounts.viewsets.UserViewSet"
    group_viewset = "accounts.viewsets.GroupViewSet"
