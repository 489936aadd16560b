from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("thaid/login/", views.ThaIDLoginView.as_view(), name="thaid_login"),
    path("thaid/callback/", views.ThaIDCallbackView.as_view(), name="thaid_callback"),
    path("thaid/complete/", views.ThaIDCompleteView.as_view(), name="thaid_complete"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
]
