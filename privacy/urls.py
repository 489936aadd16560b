"""The applicant's privacy pages, under /my/privacy/."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("export/", views.export, name="export"),
    path("export/<uuid:key>/download/", views.download, name="export_download"),
    path("delete/", views.delete_account, name="delete_account"),
    path("deleted/", views.account_closed, name="account_closed"),
]
