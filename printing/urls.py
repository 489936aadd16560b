from django.urls import path

from . import views

app_name = "printing"

urlpatterns = [
    path("my/requests/<str:reference>/print.pdf", views.applicant_printout, name="applicant_pdf"),
]
