"""Deleting, in the admin, a record that others keep with on_delete=PROTECT (a user with
requests, a room with bookings, an executive with appointments, a group that works a service).

Wagtail's DeleteView hides its button when the reference index reports a protecting reference.
The index only knows what has been saved since its models were registered, so the view also asks
Django's collector, as Django's own admin does: a stale index never ends in a ProtectedError
(HTTP 500). The page says which records keep it and what can be done instead.
"""

from collections import Counter

from django.contrib.admin.utils import NestedObjects, quote
from django.db import router
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages

PROTECTED_TEMPLATE = "base/admin/confirm_delete_protected.html"


class ProtectedDeleteMixin:
    """For a generic DeleteView. `instead` says what to do rather than delete; `instead_url()`
    where (by default the edit page, where "active" can be unticked)."""

    instead = _(
        "Untick “Active” on its edit page instead: it is then no longer offered, and what it holds is kept."
    )
    instead_label = _("Edit to deactivate")

    def get_template_names(self):
        return [PROTECTED_TEMPLATE]

    @cached_property
    def protected_objects(self):
        collector = NestedObjects(using=router.db_for_write(type(self.object)))
        collector.collect([self.object])
        return collector.protected

    def instead_url(self):
        return reverse(self.edit_url_name, args=(quote(self.object.pk),)) if self.edit_url_name else None

    def protected_context(self):
        kinds = Counter(capfirst(item._meta.verbose_name_plural) for item in self.protected_objects)
        return {
            "is_protected": True,
            "protected_kinds": sorted(kinds.items()),
            "instead": self.instead,
            "instead_label": self.instead_label,
            "instead_url": self.instead_url(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.protected_objects:
            context.update(self.protected_context())
        return context

    def refuse(self):
        messages.error(
            self.request,
            _("%(object)s cannot be deleted: other records refer to it.")
            % {"object": capfirst(str(self.object))},
        )
        return self.render_to_response(self.get_context_data())

    def form_valid(self, form):
        if self.protected_objects:
            return self.refuse()
        try:
            return super().form_valid(form)
        except ProtectedError:  # a record that refers to it arrived meanwhile
            del self.protected_objects
            return self.refuse()
