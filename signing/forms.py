from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # as the attachments (service_requests.uploads)


class VerifyUploadForm(forms.Form):
    """The PDF someone holds, to compare with what the office issued."""

    document = forms.FileField(
        label=_("The PDF file you received"),
        help_text=_("PDF, at most 5 MB. The file is checked and not kept."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_document(self):
        uploaded = self.cleaned_data["document"]
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."), code="too_large")
        uploaded.seek(0)
        if not uploaded.read(1024).lstrip().startswith(b"%PDF-"):
            raise forms.ValidationError(_("The file is not a PDF."), code="not_pdf")
        uploaded.seek(0)
        return uploaded.read()
