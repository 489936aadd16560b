"""The officers' bulk actions on their request list: tick requests (or "select all" the filtered
list), then take them (รับเรื่อง), assign them to an officer (supervisors), move them to
"in progress" or export them.

They are Wagtail's own bulk actions (wagtail.admin.views.bulk_action.BulkAction, registered with
the "register_bulk_action" hook in wagtail_hooks.py; the list's template adds Wagtail's footer).
Wagtail 8's ModelViewSet listings have no bulk actions of their own, but Wagtail's registry and
its /admin/bulk/<app>/<model>/<action>/ URL work for any model.

Each action is a call per request to an action of actions.py (atomic, permission-checked through
RequestPermissionTester, recorded), each in its own transaction: a refused request is skipped
with its reason, and the officer reads one message: "ดำเนินการ 18 รายการ, ข้าม 2 รายการ: …".

A further bulk action subclasses ServiceRequestBulkAction, sets display_name, action_type,
aria_label (and a form_class if it asks something), implements act(requests) returning an
actions.BulkOutcome (or overrides form_valid to answer with a file, as an export would, reading
self.selected_requests(), or redirecting as ExportBulkAction does), and is added to BULK_ACTIONS at the end of this module.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.widgets.button import ListingButton

from base.links import portal_base_url

from . import actions, queries
from .filters import ServiceRequestFilterSet
from .models import ServiceRequest
from .workflow import RequestStatus

SELECT_ALL = "all"


def selected_requests(request):
    """The requests an officer selected in their list, only ever of their own services, newest
    first: the ticked ones (`?id=1&id=2`), or with `?id=all` every request the list shows with the
    same filters and search (Wagtail's "select all" passes the list's query string along)."""
    officer_requests = queries.requests_for_officer(request.user)
    ids = request.GET.getlist("id")
    if SELECT_ALL in ids:
        selection = ServiceRequestFilterSet(request.GET, queryset=officer_requests, request=request).qs
        search = request.GET.get("q", "").strip()
        if search:
            selection = queries.search_officer_requests(selection, search)
    else:
        selection = officer_requests.filter(pk__in=[pk for pk in ids if pk.isdigit()])
    return selection.order_by("-submitted_at", "-pk")


def report(request, outcome: actions.BulkOutcome) -> None:
    """One Wagtail message: how many were done, and each skipped reference with its reason."""
    if not outcome.done and not outcome.skipped:
        messages.error(request, _("No requests are selected."))
        return
    if not outcome.skipped:
        messages.success(request, _("Done for %(done)s requests.") % {"done": len(outcome.done)})
        return
    text = _("Done for %(done)s requests, skipped %(skipped)s: %(reasons)s") % {
        "done": len(outcome.done),
        "skipped": len(outcome.skipped),
        "reasons": "; ".join(f"{reference} ({reason})" for reference, reason in outcome.skipped),
    }
    (messages.warning if outcome.done else messages.error)(request, text)


class ServiceRequestBulkAction(BulkAction):
    """What the officers' bulk actions share: the selection (selected_requests), a confirmation
    page listing the references, and one transaction per request (Wagtail's BulkAction runs the
    whole action in one; ours must not, so a refused request undoes nothing of the others)."""

    models = [ServiceRequest]
    template_name = "service_requests/admin/bulk_confirm.html"
    action_button_text = gettext_lazy("Yes, do it")
    selection_note = None  # what the confirmation says of the selection; None: each is checked

    def selected_requests(self):
        return selected_requests(self.request)

    @cached_property
    def selection(self) -> list:
        # The confirmation names each one's assignee: read in the same query.
        return list(self.selected_requests().select_related("assignee"))

    def get_actionable_objects(self):
        # Another service's requests are never found (as the list never shows them); whether each
        # may be changed is the action's answer per request, reported with its reason.
        return self.selection, {"items_with_no_access": []}

    def object_context(self, service_request):
        return {"item": service_request}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            header_icon="form",
            title=self.display_name,
            action_button_text=self.action_button_text,
            selection_note=self.selection_note,
            form_disabled_reason=self.form_disabled_reason(),
        )
        return context

    @classmethod
    def is_offered_to(cls, user) -> bool:
        """Whether the list's footer shows this action's button to this user at all."""
        return True

    def form_disabled_reason(self) -> str:
        """Why this user cannot use this action at all (shown instead of the form), or ""."""
        return ""

    def act(self, service_requests) -> actions.BulkOutcome:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        if reason := self.form_disabled_reason():
            messages.error(request, reason)
            return redirect(self.next_url)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.cleaned_form = form
        objects = self.selection
        for hook in hooks.get_hooks("before_bulk_action"):
            result = hook(self.request, self.action_type, objects, self)
            if hasattr(result, "status_code"):
                return result
        report(self.request, self.act(objects))
        for hook in hooks.get_hooks("after_bulk_action"):
            result = hook(self.request, self.action_type, objects, self)
            if hasattr(result, "status_code"):
                return result
        return redirect(self.next_url)


class TakeBulkAction(ServiceRequestBulkAction):
    """รับเรื่อง: the officer takes every selected request nobody has taken."""

    display_name = gettext_lazy("Take")
    action_type = "take"
    aria_label = gettext_lazy("Take the selected requests")
    action_priority = 10
    action_button_text = gettext_lazy("Yes, take them")

    def act(self, service_requests):
        return actions.assign_requests(
            actor=self.request.user, service_requests=service_requests, assignee=self.request.user
        )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Assign to"),
        queryset=get_user_model().objects.none(),
        help_text=gettext_lazy("Each request goes to this officer only if they work its service."),
    )

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = officers
        self.fields["assignee"].label_from_instance = (
            lambda officer: officer.get_full_name() or officer.citizen_id
        )


class AssignBulkAction(ServiceRequestBulkAction):
    """A supervisor assigns the selected requests to one officer."""

    display_name = gettext_lazy("Assign to an officer")
    action_type = "assign"
    aria_label = gettext_lazy("Assign the selected requests to an officer")
    action_priority = 20
    form_class = AssignForm
    action_button_text = gettext_lazy("Assign")

    @cached_property
    def supervised(self) -> set[str]:
        return queries.services_supervised_by(self.request.user)

    @classmethod
    def is_offered_to(cls, user) -> bool:
        # Officers who supervise no service never see the button (the form refuses them too).
        return bool(queries.services_supervised_by(user))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "officers": queries.officers_of_services(self.supervised)}

    def form_disabled_reason(self):
        if not self.supervised:
            return _("Only a supervisor of the service may assign requests to others.")
        return ""

    def act(self, service_requests):
        return actions.assign_requests(
            actor=self.request.user,
            service_requests=service_requests,
            assignee=self.cleaned_form.cleaned_data["assignee"],
        )


class StartBulkAction(ServiceRequestBulkAction):
    """Move the selected requests to "in progress", where the workflow's table allows it."""

    display_name = gettext_lazy("Move to “in progress”")
    action_type = "start"
    aria_label = gettext_lazy("Move the selected requests to “in progress”")
    action_priority = 30
    action_button_text = gettext_lazy("Yes, move them")

    def act(self, service_requests):
        return actions.move_requests(
            actor=self.request.user,
            service_requests=service_requests,
            to_status=RequestStatus.IN_PROGRESS,
            base_url=portal_base_url(self.request),
        )


class ExportForm(forms.Form):
    export = forms.ChoiceField(
        label=gettext_lazy("File type"),
        choices=[("xlsx", gettext_lazy("Excel (XLSX)")), ("csv", gettext_lazy("CSV"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )


class ExportBulkAction(ServiceRequestBulkAction):
    """Export the selection: the list's own export (its columns, its access record) of the ticked
    requests, or with "select all" of the list as filtered and searched. It changes nothing, so it
    answers with the file instead of a message."""

    display_name = gettext_lazy("Export the selection")
    action_type = "export"
    aria_label = gettext_lazy("Export the selected requests as a spreadsheet")
    action_priority = 40
    form_class = ExportForm
    action_button_text = gettext_lazy("Download")
    selection_note = gettext_lazy("The file holds these requests, with the columns of the list's export.")

    def form_valid(self, form):
        # The list's export reads the same selection and filters from its query string
        # (queries.selected_requests) and records the access: one export, one record.
        query = [(name, value) for name, value in self.request.GET.lists() if name != "next"]
        query = [(name, value) for name, values in query for value in values]
        query.append(("export", form.cleaned_data["export"]))
        return redirect(reverse("service_request_admin:index") + "?" + urlencode(query))


BULK_ACTIONS = [TakeBulkAction, AssignBulkAction, StartBulkAction, ExportBulkAction]


def buttons_for(user) -> list[ListingButton]:
    """The footer's buttons of the actions offered to this user, in their order (Wagtail's own
    footer tag shows every registered action to everyone)."""
    return [
        ListingButton(
            action.display_name,
            reverse("wagtail_bulk_action", args=["service_requests", "servicerequest", action.action_type]),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in sorted(BULK_ACTIONS, key=lambda action: action.action_priority)
        if action.is_offered_to(user)
    ]
