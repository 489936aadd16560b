"""Wagtail's user admin for the citizen-ID user model: extra columns, search and form fields."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.users.views import users

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
            *rest,
        ]


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
