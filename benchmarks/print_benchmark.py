"""How long a printout takes: each service's representative request rendered N times.

    .venv/bin/python benchmarks/print_benchmark.py [--runs 30] [--warmup 3] [--gc-freeze]

Runs with the test settings (portal.settings.test, or DJANGO_SETTINGS_MODULE) on a throw-away
database (SQLite in a temporary folder; DATABASE_URL=postgres://... makes a test_ database
there), files one request per service through service_requests.actions.submit_request, then
times printing.printout.render_printout (the same call the views make: context, template,
WeasyPrint) after a warm-up. The floor is a one-line Thai page rendered in the same process with
the same fonts and stylesheet: what any PDF costs. Goal: p95 < 150 ms, at most 3x the floor.
Python's full garbage collections of the whole Django + Wagtail + WeasyPrint heap take ~150 ms
and land in a few runs; --gc-freeze freezes the heap after set-up, as a server can after loading
the app, to show the printouts' own times.
"""

import argparse
import gc
import io
import os
import platform
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402

GOAL_P95_MS = 150
GOAL_RATIO = 3
FLOOR_PAGE = (
    '<!doctype html><html lang="th"><head><meta charset="utf-8"></head><body><p>สวัสดีครับ</p></body></html>'
)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import weasyprint
    from weasyprint.text import ffi

    subsetter = "HarfBuzz" if ffi.harfbuzz_subset is not None else "fontTools (no libharfbuzz-subset: slow)"
    return (
        f"{os.cpu_count()} CPU(s), {model}; Python {platform.python_version()}, "
        f"WeasyPrint {weasyprint.__version__} (fonts subset by {subsetter}), {connection.vendor}"
    )


def timed(function, runs: int, warmup: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (CPU time tells a busy machine from slow code)."""
    for _run in range(warmup):
        function()
    wall, cpu = [], []
    for _run in range(runs):
        started, started_cpu = time.perf_counter(), time.thread_time()
        function()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return wall, cpu


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def text_only_page(service_request, *, office) -> str:
    """The printout's own words as one paragraph of one page (no tables, no QR code, no logo):
    a lower bound for any WeasyPrint printout of this request, since every word must be laid out."""
    from django.template.loader import render_to_string
    from django.utils.html import escape, strip_tags

    from printing.printout import TEMPLATE, printout_context

    html = render_to_string(TEMPLATE, printout_context(service_request, office=office))
    body = re.search(r"<body>(.*)</body>", html, re.DOTALL).group(1)
    words = " ".join(strip_tags(body).split())
    return f'<!doctype html><html lang="th"><head><meta charset="utf-8"></head><body><p>{escape(words)}</p></body></html>'


def representative_requests():
    """One request per service, filed as an applicant would, with the office's settings."""
    from wagtail.models import Site

    from service_requests import actions
    from service_requests.catalogue import all_services
    from tests.factories.accounts import UserFactory
    from tests.factories.home import OfficeSettingsFactory
    from tests.factories.service_requests import attachments_for, contact_of, details_for

    site = Site.objects.get(is_default_site=True)
    office = OfficeSettingsFactory(site=site)
    applicant = UserFactory(title="นางสาว", first_name="วิลัยวรรณ", last_name="สุภชาติ")
    requests = [
        actions.submit_request(
            applicant=applicant,
            service_code=service.code,
            contact=contact_of(applicant),
            details=details_for(service.code),
            attachments=attachments_for(service.code),
            submission_key=uuid.uuid4(),
        )
        for service in all_services()
    ]
    return office, requests


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="gc.freeze() after setting up, as a server can after loading the app: full collections "
        "then skip the long-lived objects (Django, Wagtail, WeasyPrint) and stop causing the slow runs",
    )
    options = parser.parse_args()

    from pypdf import PdfReader

    from printing.printout import render_printout
    from printing.rendering import html_to_pdf

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with translation.override("th"):
            office, requests = representative_requests()
            if options.gc_freeze:
                html_to_pdf(FLOOR_PAGE)  # load fonts and stylesheets before freezing
                gc.collect()
                gc.freeze()
            floor, floor_cpu = timed(lambda: html_to_pdf(FLOOR_PAGE), options.runs, options.warmup)
            floor_p95 = p95(floor)
            print(f"Machine: {machine()}; load average {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
            print(
                f"{options.runs} runs after {options.warmup} warm-up runs"
                f"{', gc.freeze()' if options.gc_freeze else ''}; ms (CPU: median CPU time)\n"
            )
            print(f"{'printout':<44} {'pages':>5} {'median':>7} {'p95':>7} {'CPU':>7} {'× floor':>8}  goal")
            print(
                f"{'floor: one line of Thai':<44} {1:>5} {statistics.median(floor):>7.1f} {floor_p95:>7.1f}"
                f" {statistics.median(floor_cpu):>7.1f} {1:>8.2f}"
            )
            for service_request in requests:
                pages = len(PdfReader(io.BytesIO(render_printout(service_request, office=office))).pages)
                times, cpu = timed(
                    lambda service_request=service_request: render_printout(service_request, office=office),
                    options.runs,
                    options.warmup,
                )
                median, high = statistics.median(times), p95(times)
                ratio = high / floor_p95
                met = ", ".join(
                    [
                        f"p95 < {GOAL_P95_MS} ms: {'yes' if high < GOAL_P95_MS else 'NO'}",
                        f"≤ {GOAL_RATIO}× floor: {'yes' if ratio <= GOAL_RATIO else 'NO'}",
                    ]
                )
                name = f"{service_request.service_code} {service_request.service.form_title}"[:44]
                print(
                    f"{name:<44} {pages:>5} {median:>7.1f} {high:>7.1f} {statistics.median(cpu):>7.1f}"
                    f" {ratio:>8.2f}  {met}"
                )
            print(
                f"\nGoal: p95 < {GOAL_P95_MS} ms per one-page printout and p95 at most {GOAL_RATIO}× the floor's p95."
            )
            print(
                "\nThe same words as one paragraph (no tables, QR code or logo): what laying out the text alone costs"
            )
            print(f"{'the words of':<44} {'chars':>5} {'median':>7} {'p95':>7} {'CPU':>7} {'× floor':>8}")
            for service_request in requests:
                page = text_only_page(service_request, office=office)
                times, cpu = timed(lambda page=page: html_to_pdf(page), options.runs, options.warmup)
                name = f"{service_request.service_code} {service_request.service.form_title}"[:44]
                print(
                    f"{name:<44} {len(page):>5} {statistics.median(times):>7.1f} {p95(times):>7.1f}"
                    f" {statistics.median(cpu):>7.1f} {p95(times) / floor_p95:>8.2f}"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
