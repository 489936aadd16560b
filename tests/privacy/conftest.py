"""The request fixtures (filing through the real action, officers, the private storage) serve the
privacy tests too."""

from tests.service_requests.conftest import (  # noqa: F401 (fixtures)
    empty_private_storage,
    officer_for,
    private_files,
    private_media_root,
    request_in,
    submit,
)
