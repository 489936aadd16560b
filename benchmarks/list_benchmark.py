"""How fast the lists are with many requests (issue 12, item 6): p95 of the officers' list, the
applicant's list and the status check, and the time of a month's summary report.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oss_perf_scale \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_requests 1000000 --yes
    DATABASE_URL=... .venv/bin/python benchmarks/list_benchmark.py [--runs 30]

Runs in one process through Django's test client (the whole view: middleware, queries,
templates), with the test settings (DEBUG off) on the database DATABASE_URL names. It adds an
officer of the personnel group (services 11 and 12) with the second factor passed, and reads as
the first generated applicant (about 20 requests). Goals: officers' list p95 < 150 ms,
applicant's list p95 < 50 ms, status check p95 < 50 ms, a month's summary report < 1 s.
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from service_requests.models import ServiceAssignment, ServiceRequest  # noqa: E402

GOALS_MS = {
    "officers' list": 150,
    "applicant's list": 50,
    "status check": 50,
    "summary report, one month": 1000,
}


def officer_client():
    group, _ = Group.objects.get_or_create(name="Benchmark personnel officers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for code in ("11", "12"):
        ServiceAssignment.objects.get_or_create(service_code=code, defaults={"group": group})
    officer, _ = get_user_model().objects.get_or_create(
        citizen_id="8000000000001",
        defaults={"title": "นาย", "first_name": "เจ้าหน้าที่", "last_name": "ทดสอบ", "is_staff": True},
    )
    officer.groups.add(*Group.objects.filter(pk__in=ServiceAssignment.objects.values("group")))
    client = Client()
    client.force_login(officer)
    device, _ = TOTPDevice.objects.get_or_create(user=officer, name="benchmark", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def timed(runs, fetch):
    for _ in range(3):
        fetch()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = fetch()
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    total = ServiceRequest.objects.count()
    applicant = get_user_model().objects.filter(citizen_id__startswith="9").order_by("pk").first()
    if applicant is None:
        sys.exit("No generated requests: run manage.py generate_requests N --yes first.")
    officers = officer_client()
    own = Client()
    own.force_login(applicant)
    newest = ServiceRequest.objects.filter(applicant=applicant).order_by("-submitted_at").first()
    addresses = iter(range(10**6))
    today = timezone.localdate()
    month_start = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    month_end = today.replace(day=1) - datetime.timedelta(days=1)

    def status_check():
        number = next(addresses)
        return Client().post(
            reverse("service_requests:status_check"),
            {"reference": newest.reference, "citizen_id_or_phone": applicant.citizen_id},
            REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
        )

    measured = {
        "officers' list": timed(runs, lambda: officers.get(reverse("service_request_admin:index"))),
        "applicant's list": timed(runs, lambda: own.get(reverse("service_requests:my_requests"))),
        "status check": timed(runs, status_check),
        "summary report, one month": timed(
            max(3, runs // 5),
            lambda: officers.get(
                reverse("service_requests_report"),
                {"start": month_start.isoformat(), "end": month_end.isoformat()},
            ),
        ),
    }
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    print(
        f"{os.cpu_count()} CPU(s), {model}; Python {platform.python_version()}; {connection.vendor} "
        f"{connection.pg_version if connection.vendor == 'postgresql' else ''}; {total:,} requests; "
        f"the applicant has {ServiceRequest.objects.filter(applicant=applicant).count()}; {runs} runs"
    )
    print(f"{'page':28} {'median ms':>10} {'p95 ms':>8}  goal")
    for name, (median, p95) in measured.items():
        goal = GOALS_MS[name]
        verdict = "yes" if p95 < goal else "NO"
        print(f"{name:28} {median:10.1f} {p95:8.1f}  p95 < {goal} ms: {verdict}")


if __name__ == "__main__":
    main()
