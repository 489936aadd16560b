from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("my/requests/<str:reference>/payment/slip/", views.send_slip, name="send_slip"),
    path("my/requests/<str:reference>/payment/qr.png", views.qr_picture, name="qr_picture"),
    # Shared by the applicant and the officers of the service; everyone else gets 404.
    path("requests/<str:reference>/slips/<int:slip_id>/", views.SlipView.as_view(), name="slip"),
]

# Under /admin/ (wagtail_hooks.register_admin_urls): the officers' moves and the refund's page.
admin_urlpatterns = [
    # Before the moves' pattern: a refund asks on its own page (a stale panel's post lands here too).
    path("payments/<str:reference>/refund/", views.RefundView.as_view(), name="refund"),
    path("payments/<str:reference>/<slug:action>/", views.officer_action, name="officer_action"),
]
