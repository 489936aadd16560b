from django.urls import path

from . import views

app_name = "line_messaging"

# Outside the language prefixes: the callback and the webhook are the addresses given to LINE.
urlpatterns = [
    path("link/", views.LinkStartView.as_view(), name="link"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
    path("unlink/", views.UnlinkView.as_view(), name="unlink"),
    path("webhook/", views.WebhookView.as_view(), name="webhook"),
]
