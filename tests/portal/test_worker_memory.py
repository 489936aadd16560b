"""A web worker starts without the libraries only printouts, bundles, spreadsheets, a TOTP set-up,
signatures, LINE or Sentry need (tests/portal/test_layers.py DEFERRED_LIBRARIES): about 125 MB less
per worker."""

# ruff: noqa: S603 - the test runs this Python on a script of its own, in a fresh process
import json
import os
import subprocess
import sys
from pathlib import Path

from .test_layers import DEFERRED_LIBRARIES

ROOT = Path(__file__).resolve().parents[2]

# What gunicorn does in a worker: load the WSGI application; then what its first request does:
# load every URL pattern (and so every view module) and every template tag library.
LOAD_A_WORKER = """
import json, sys
from portal.wsgi import application
from django.template import engines
from django.urls import get_resolver
get_resolver().url_patterns
engines["django"].engine.template_libraries
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_a_web_worker_loads_none_of_the_deferred_libraries():
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", PYTHONPATH=str(ROOT))
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD_A_WORKER],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert DEFERRED_LIBRARIES.isdisjoint(json.loads(loaded.splitlines()[-1]))


def test_a_printout_loads_weasyprint_and_pictures_cut_short_stay_refused():
    # WeasyPrint's import turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process: the
    # upload checks of the requests this worker takes after its first printout depend on it.
    script = LOAD_A_WORKER.replace(
        "print(",
        "from printing.rendering import html_to_pdf\nhtml_to_pdf('<p>ทดสอบ</p>')\n"
        "from PIL import ImageFile\nassert ImageFile.LOAD_TRUNCATED_IMAGES is False\nprint(",
    )
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", PYTHONPATH=str(ROOT))
    loaded = subprocess.run(
        [sys.executable, "-c", script], env=environment, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout

    assert "weasyprint" in json.loads(loaded.splitlines()[-1])
