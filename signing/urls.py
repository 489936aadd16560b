from django.urls import path

from . import views

app_name = "signing"

urlpatterns = [
    path("<str:code>/", views.verify, name="verify"),
]
