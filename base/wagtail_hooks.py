from wagtail import hooks

from .viewsets import ClosureDayViewSet


@hooks.register("register_admin_viewset")
def register_closure_days():
    return ClosureDayViewSet()
