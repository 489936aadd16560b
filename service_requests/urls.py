from django.urls import path

from . import views

app_name = "service_requests"

urlpatterns = [
    path("status/", views.status_check, name="status_check"),
    path("my/requests/", views.my_requests, name="my_requests"),
    path("my/requests/<str:reference>/", views.detail, name="detail"),
    path("my/requests/<str:reference>/submitted/", views.submitted, name="submitted"),
    path("my/requests/<str:reference>/edit/", views.edit, name="edit"),
    path("my/requests/<str:reference>/cancel/", views.cancel, name="cancel"),
    path("my/requests/<str:reference>/calendar.ics", views.calendar_file, name="calendar_file"),
    path("availability/<str:service_code>/", views.availability, name="availability"),
    # Shared by the applicant and the officers of the service; everyone else gets 404.
    path("requests/<str:reference>/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path(
        "requests/<str:reference>/replaced/<int:replaced_id>/",
        views.replaced_attachment,
        name="replaced_attachment",
    ),
    path("requests/<str:reference>/reply/", views.reply_file, name="reply_file"),
]
