"""Who may do what with requests in the Wagtail admin.

Rights come from ServiceAssignment, not from Django model permissions: an officer's group needs
only wagtailadmin.access_admin, and being assigned a service lets its members view and work that
service's requests. Requests are filed by applicants and never deleted, so nobody adds or deletes
them through the admin.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import BasePermissionPolicy

from . import queries
from .models import ServiceAssignment, ServiceRequest

OFFICER_ACTIONS = frozenset({"view", "change"})


class ServiceRequestPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(ServiceRequest)

    def user_has_permission(self, user, action):
        return action in OFFICER_ACTIONS and queries.is_officer(user)

    def user_has_any_permission(self, user, actions):
        return bool(OFFICER_ACTIONS.intersection(actions)) and queries.is_officer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in OFFICER_ACTIONS and queries.is_officer_for(user, instance.service_code)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return bool(OFFICER_ACTIONS.intersection(actions)) and queries.is_officer_for(
            user, instance.service_code
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not OFFICER_ACTIONS.intersection(actions):
            return ServiceRequest.objects.none()
        return queries.requests_for_officer(user)

    def _officers(self, assignments):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__in=assignments.values("group")), is_active=True)
            .distinct()
        )

    def users_with_any_permission(self, actions):
        if not OFFICER_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return self._officers(ServiceAssignment.objects.all())

    def users_with_any_permission_for_instance(self, actions, instance):
        if not OFFICER_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return self._officers(ServiceAssignment.objects.filter(service_code=instance.service_code))


service_request_permission_policy = ServiceRequestPermissionPolicy()
