"""Wagtail's user admin for the citizen-ID user model: extra columns, search and form fields."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.users.views import groups, users

from base.admin_delete import ProtectedDeleteMixin

from .admin_forms import UserCreationForm, UserEditForm


class UserIndexView(users.IndexView):
    search_fields = ["citizen_id", "first_name", "last_name", "phone", "email"]

    @cached_property
    def columns(self):
        name, citizen_id, *rest = super().columns[1:]
        return [
            super().columns[0],
            name,
            Column("citizen_id", label=_("Citizen ID"), sort_key="citizen_id", width="15%"),
            Column("phone", label=_("Phone"), width="12%"),
            Column("personnel_type", accessor="get_personnel_type_display", label=_("Personnel type")),
            Column("identity_level", accessor="get_identity_display", label=_("Citizen ID check")),
            *rest,
        ]

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if (
            self.request.user.has_perm("accounts.verify_identity")
            and instance.is_active
            and not instance.is_identity_verified
        ):
            url = reverse("accounts_verify_identity", args=[instance.pk])
            buttons.append(
                MenuItem(_("Verify citizen ID at the counter"), url=url, icon_name="success", priority=5)
            )
        return buttons


class UserDeleteView(ProtectedDeleteMixin, users.DeleteView):
    """A user who filed requests is kept with them: deactivated, not deleted."""

    instead = _(
        "Deactivate the account instead: untick “Active” on its edit page. The person can then no "
        "longer log in, and their requests stay as they were."
    )


class GroupDeleteView(ProtectedDeleteMixin, groups.DeleteView):
    """A group that works a service stays until the service is given to another group."""

    instead = _(
        "Give the services this group works to another group first (Settings → Service "
        "assignments); then it can be deleted."
    )
    instead_label = _("Edit the group")


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class GroupViewSet(groups.GroupViewSet):
    delete_view_class = GroupDeleteView
