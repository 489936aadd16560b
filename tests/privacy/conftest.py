"""Fixtures for the copy of an applicant's data: the private storage emptied before each test and
the officers of the services, as for the request workflow."""

from tests.service_requests.conftest import (  # noqa: F401 (fixtures)
    empty_private_storage,
    officer_for,
    private_files,
    private_media_root,
)
