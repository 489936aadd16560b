"""A web worker starts without the libraries only printouts, bundles, spreadsheets, a TOTP set-up,
signatures, LINE, Sentry or a year's public holidays missing from the cache need
(tests/portal/test_layers.py DEFERRED_LIBRARIES): about 135 MB less per worker."""

# ruff: noqa: S603 - the test runs this Python on a script of its own, in a fresh process
import base64
import datetime
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from base.public_holidays import LANGUAGES, cache_key, public_holidays

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


def last_line_of(script: str, *, given: str | None = None):
    """What the script printed last, as JSON, run in a fresh Python with the test settings (given:
    its standard input)."""
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", PYTHONPATH=str(ROOT))
    output = subprocess.run(
        [sys.executable, "-c", script],
        input=given,
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.splitlines()[-1])


def test_a_web_worker_loads_none_of_the_deferred_libraries():
    assert DEFERRED_LIBRARIES.isdisjoint(last_line_of(LOAD_A_WORKER))


def test_a_printout_loads_weasyprint_and_pictures_cut_short_stay_refused():
    # WeasyPrint's import turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process: the
    # upload checks of the requests this worker takes after its first printout depend on it.
    script = LOAD_A_WORKER.replace(
        "print(",
        "from printing.rendering import html_to_pdf\nhtml_to_pdf('<p>ทดสอบ</p>')\n"
        "from PIL import ImageFile\nassert ImageFile.LOAD_TRUNCATED_IMAGES is False\nprint(",
    )
    assert "weasyprint" in last_line_of(script)


# A due date and a holiday's name in both languages, as the applicant's and the officers' pages
# compute them, first with the holidays in the cache (which the background worker keeps filled),
# then with an empty one.
COMPUTE_DUE_DATES = """
import base64, datetime, json, pickle, sys
from portal.wsgi import application
from django.core.cache import cache
from django.utils import translation
from base import kept
from base.working_days import WorkingCalendar
from service_requests import sla
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus

def compute():
    calendar = WorkingCalendar(closure_days=[])
    submitted = ServiceRequest(
        status=RequestStatus.SUBMITTED,
        submitted_at=datetime.datetime(2026, 4, 9, 10, tzinfo=datetime.UTC),
    )
    due_on = sla.timing_of(submitted, [], calendar=calendar, today=datetime.date(2026, 4, 20)).due_on
    names = [calendar.closed_because(datetime.date(2026, 4, 13))]
    with translation.override("en"):
        names.append(calendar.closed_because(datetime.date(2026, 4, 13)))
    return [due_on.isoformat(), *names, "holidays" in sys.modules]

cache.set_many(pickle.loads(base64.b64decode(sys.stdin.read())), None)
warm = compute()
cache.clear()
kept.forget_copies()
print(json.dumps([warm, compute()], ensure_ascii=False))
"""


def test_a_web_worker_computes_due_dates_from_the_cache_without_the_holidays_package():
    kept = {cache_key(2026, language): public_holidays(2026, language) for language in LANGUAGES}
    warm, cold = last_line_of(COMPUTE_DUE_DATES, given=base64.b64encode(pickle.dumps(kept)).decode())
    # Thursday 9 April 2026 + 5 working days: 10, (11-12 weekend, 13-15 Songkran) 16, 17, 20, 21.
    due_on = datetime.date(2026, 4, 21).isoformat()
    assert warm == [due_on, "วันหยุด: วันสงกรานต์", "Holiday: Songkran Festival", False]
    # An empty cache (a new year before the worker's first beat, Redis emptied): the package is
    # imported where it is needed, and gives the same answers.
    assert cold == [due_on, "วันหยุด: วันสงกรานต์", "Holiday: Songkran Festival", True]
