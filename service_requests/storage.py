"""The private storage for everything applicants upload: never under MEDIA_URL, never public."""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no address: Django's base_url=None falls back to MEDIA_URL, so refuse here."""

    def url(self, name):
        raise ValueError("Private files have no URL; a view that checks permission streams them.")


def private_storage():
    """Callable for FileField(storage=...), so tests and settings can swap the backend."""
    return storages["private"]
