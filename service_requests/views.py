from django.views.generic import TemplateView


class StatusCheckView(TemplateView):
    """ตรวจสอบสถานะ: the public status check. The lookup arrives with the request workflow."""

    template_name = "service_requests/status_check.html"
