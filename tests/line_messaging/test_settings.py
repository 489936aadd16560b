"""Production reads the LINE channels from the environment: all four, or none (LINE off)."""

import pytest

from tests.line_messaging.line_stand_in import (
    CHANNEL_ACCESS_TOKEN,
    CHANNEL_SECRET,
    LOGIN_CHANNEL_ID,
    LOGIN_CHANNEL_SECRET,
)
from tests.portal.test_settings import PRODUCTION_ENVIRONMENT, load_production_settings

LINE_ENVIRONMENT = {
    "LINE_LOGIN_CHANNEL_ID": LOGIN_CHANNEL_ID,
    "LINE_LOGIN_CHANNEL_SECRET": LOGIN_CHANNEL_SECRET,
    "LINE_CHANNEL_SECRET": CHANNEL_SECRET,
    "LINE_CHANNEL_ACCESS_TOKEN": CHANNEL_ACCESS_TOKEN,
}


def test_production_starts_with_all_four_line_variables():
    result = load_production_settings({**PRODUCTION_ENVIRONMENT, **LINE_ENVIRONMENT})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(LINE_ENVIRONMENT))
def test_production_refuses_line_configured_in_part(missing):
    line = {name: value for name, value in LINE_ENVIRONMENT.items() if name != missing}
    result = load_production_settings({**PRODUCTION_ENVIRONMENT, **line})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr
