from django.urls import path

from . import views

app_name = "service_requests"

urlpatterns = [
    path("status/", views.StatusCheckView.as_view(), name="status_check"),
]
