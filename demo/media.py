"""Store generated files as Wagtail documents and images, once: found again by title next time."""

from collections.abc import Callable
from io import BytesIO

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

ROOT_COLLECTION_NAME = "คอลเลกชันหลัก"


def name_root_collection() -> Collection:
    """Wagtail's migration names the root collection "Root"; the admin shows it in Thai. Code
    finds it as the root node, never by name."""
    root = Collection.get_first_root_node()
    if root.name != ROOT_COLLECTION_NAME:
        root.name = ROOT_COLLECTION_NAME
        root.save(update_fields=["name"])
    return root


def ensure_collection(name: str) -> Collection:
    """A collection of that name directly under the root collection."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def _file_fields(data: bytes, file_name: str) -> dict:
    return {
        "file": ContentFile(data, name=file_name),
        "file_size": len(data),
        "file_hash": hash_filelike(BytesIO(data)),
    }


def ensure_document(*, title: str, file_name: str, collection: Collection, render: Callable[[], bytes]):
    """The document with this title in the collection; `render` makes its file only if it is new."""
    Document = get_document_model()
    existing = Document.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    return Document.objects.create(title=title, collection=collection, **_file_fields(render(), file_name))


def ensure_image(*, title: str, file_name: str, render: Callable[[], bytes]):
    """The image with this title in the root collection; `render` makes it only if it is new."""
    Image = get_image_model()
    root = Collection.get_first_root_node()
    existing = Image.objects.filter(collection=root, title=title).first()
    if existing:
        return existing
    return Image.objects.create(title=title, collection=root, **_file_fields(render(), file_name))
