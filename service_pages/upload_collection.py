"""Editors' uploads go to the manuals-and-forms collection by default, where the service pages'
documents live, instead of the root collection, when that collection exists and the editor may
add to it. The forms (Wagtail's document and image form base, see settings) and the multiple-upload
pages (templates/wagtaildocs|wagtailimages/multiple/add.html) ask this module."""

from wagtail.admin.forms.collections import BaseCollectionMemberForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Collection

# The demo content creates it (demo/documents.py); an office may create it in the admin.
MANUALS_AND_FORMS = "คู่มือและแบบฟอร์ม"


def default_upload_collection(collections) -> Collection | None:
    """The manuals-and-forms collection (directly under the root) among `collections`, if there."""
    return collections.filter(name=MANUALS_AND_FORMS, depth=2).first()


class DefaultCollectionMixin(BaseCollectionMemberForm):
    """A new upload starts in the default collection unless the caller chose one."""

    def __init__(self, *args, **kwargs):
        chosen = "collection" in (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        if chosen or self.instance.pk or "collection" not in self.fields:
            return
        if collection := default_upload_collection(self.collections):
            self.initial["collection"] = collection.pk


class DocumentForm(DefaultCollectionMixin, BaseDocumentForm):
    pass


class ImageForm(DefaultCollectionMixin, BaseImageForm):
    pass
