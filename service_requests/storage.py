"""The private storage for everything applicants upload: never under MEDIA_URL, never public."""

from django.core.files.storage import FileSystemStorage, storages

from storages.backends.s3 import S3Storage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no address: Django's base_url=None falls back to MEDIA_URL, so refuse here."""

    def url(self, name):
        raise ValueError("Private files have no URL; a view that checks permission streams them.")


class PrivateS3Storage(S3Storage):
    """Production's private files in an S3 bucket (AWS, MinIO, Ceph...): stored with the private
    ACL, never a URL, signed or not; the same permission-checking views stream them."""

    default_acl = "private"
    querystring_auth = True  # were a URL ever made, it would need a signature; url() refuses anyway
    file_overwrite = False  # two uploads of "id-card.pdf" keep both, as on disk

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; a view that checks permission streams them.")


def private_storage():
    """Callable for FileField(storage=...), so tests and settings can swap the backend."""
    return storages["private"]
