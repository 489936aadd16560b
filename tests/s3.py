"""A real S3 API for the tests: moto's server on 127.0.0.1 (as the production check runs it), not a
patched client. `s3_server()` yields its endpoint and a boto3 client for looking into its buckets;
`private_storage_in(settings, endpoint, bucket)` makes the private storage production's
(service_requests.storage.PrivateS3Storage) in that bucket for the test."""

from contextlib import contextmanager
from types import SimpleNamespace

import boto3
from moto.server import ThreadedMotoServer

REGION = "us-east-1"
KEYS = {"access_key": "test-key", "secret_key": "test-secret"}  # moto takes any


@contextmanager
def s3_server(*buckets):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=KEYS["access_key"],
            aws_secret_access_key=KEYS["secret_key"],
        )
        for bucket in buckets:
            client.create_bucket(Bucket=bucket)
        yield SimpleNamespace(endpoint=endpoint, client=client)
    finally:
        server.stop()


def private_storage_in(settings, endpoint, bucket):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "service_requests.storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": REGION,
                "location": "private",
                **KEYS,
            },
        },
    }


def object_names(client, bucket) -> list[str]:
    listed = client.list_objects_v2(Bucket=bucket)
    return sorted(entry["Key"] for entry in listed.get("Contents", []))
