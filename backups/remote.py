"""Backups in a bucket: `s3://bucket/prefix` as a Django storage (django-storages' S3Storage), so
the copy in and out is the same storage-API code as the portal's own files (archive.upload and
archive.download). Only usable where django-storages and boto3 are installed (production)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

S3_STORAGE = "storages.backends.s3.S3Storage"


class RemoteError(Exception):
    """A bucket address that cannot be used here."""


@dataclass(frozen=True)
class Bucket:
    name: str
    prefix: str


def parse(location):
    """A Bucket for `s3://bucket/prefix`, None for a local folder."""
    if not location.startswith("s3://"):
        return None
    parts = urlsplit(location)
    if not parts.netloc:
        raise RemoteError(f"No bucket in {location!r}: write s3://bucket/prefix.")
    return Bucket(name=parts.netloc, prefix=parts.path.strip("/"))


def address(bucket, prefix):
    return f"s3://{bucket.name}/{prefix}"


def storage(bucket):
    """The bucket as a storage: the private storage's S3 options (endpoint, keys; else the AWS_*
    settings) with this bucket; overwriting on, never public."""
    try:
        storage_class = import_string(S3_STORAGE)
    except ImportError as error:
        raise RemoteError(
            "s3:// needs django-storages and boto3, which this installation does not have."
        ) from error
    private = settings.STORAGES.get("private", {})
    # Production's private storage is a subclass (service_requests.storage.PrivateS3Storage): its
    # endpoint, region and keys are the bucket service's, which the backups use too.
    private_in_s3 = "BACKEND" in private and issubclass(import_string(private["BACKEND"]), storage_class)
    options = dict(private.get("OPTIONS", {})) if private_in_s3 else {}
    options.update(bucket_name=bucket.name, location="", file_overwrite=True, default_acl="private")
    return storage_class(**options)
