"""The applicant's privacy pages, under /my/privacy/."""

app_name = "privacy"

urlpatterns = []
