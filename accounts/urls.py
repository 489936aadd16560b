from django.urls import path

from . import recovery_views, views

app_name = "accounts"

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("confirm-password/", views.ConfirmPasswordView.as_view(), name="confirm_password"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("thaid/login/", views.ThaIDLoginView.as_view(), name="thaid_login"),
    path("thaid/callback/", views.ThaIDCallbackView.as_view(), name="thaid_callback"),
    path("thaid/link/", views.ThaIDLinkView.as_view(), name="thaid_link"),
    path("thaid/complete/", views.ThaIDCompleteView.as_view(), name="thaid_complete"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("privacy-notice/", views.PrivacyNoticeUpdateView.as_view(), name="privacy_notice_update"),
    # Recovery: a proved e-mail address, and a forgotten password (by e-mail or the office's code).
    path("email/verify/<str:token>/", recovery_views.VerifyEmailView.as_view(), name="verify_email"),
    path("email/resend/", recovery_views.ResendEmailVerificationView.as_view(), name="resend_verification"),
    path("password/forgot/", recovery_views.ForgotPasswordView.as_view(), name="password_forgot"),
    path("password/forgot/sent/", recovery_views.PasswordResetSentView.as_view(), name="password_reset_sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        recovery_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset-code/", recovery_views.CounterCodeResetView.as_view(), name="password_reset_code"),
]
