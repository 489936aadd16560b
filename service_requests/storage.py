"""The private storage for everything applicants upload: never under MEDIA_URL, never public."""

import os
from contextlib import suppress

from django.core.files.storage import FileSystemStorage, storages

from storages.backends.s3 import S3Storage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no address: Django's base_url=None falls back to MEDIA_URL, so refuse here."""

    def url(self, name):
        raise ValueError("Private files have no URL; a view that checks permission streams them.")

    def _save(self, name, content):
        """Django's, but a file cut short by a full disk is not left behind (Django's own leaves
        the part it wrote)."""
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:  # created by this save (the name is new: get_available_name)
                with suppress(OSError):
                    os.remove(path)
            raise


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
