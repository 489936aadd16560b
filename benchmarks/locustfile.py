"""The load test's visitors (issue 12 item 7), run by benchmarks/load_test.sh against the production
check's stack (nginx with TLS, two gunicorn app servers, PostgreSQL, Redis, moto S3, the worker).

    LOAD_CA=ca.pem LOAD_OFFICER_KEY=BASE32 locust -f benchmarks/locustfile.py --host https://localhost:8244

Like a real office's day, mostly anonymous browsing:
- Browser (weight 12): the home page, the services index, the certificate's service page, the
  status check's page.
- Applicant (weight 4): registers a fresh citizen ID on start and logs in (reCAPTCHA answered by the
  check's stand-in), then submits certificate requests with a ~100 kB PDF, opens "my requests" and
  a request's page, prints it and, at most once a minute, checks a status on the public form.
- Officer (weight 1): logs in once with password and authenticator code (TOTP from the demo's
  printed key), then lists the requests, opens one's process page, takes a submitted one in hand and
  prints the request's PDF.

Each locust user has its own session (cookies) and its own loopback source address (127.0.x.y):
the portal counts registrations and status checks per visitor address, as nginx reports it, and a
real office's visitors do not share one. TLS is verified with the check's throw-away CA (LOAD_CA).
"""

import itertools
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

from gevent.lock import Semaphore
from locust import HttpUser, between, task
from requests.adapters import HTTPAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from production_journey import (
    DEMO_PASSWORD,
    OFFICER_CITIZEN_ID,
    PASSWORD,
    TrustingAdapter,
    certificate_details,
    citizen_id,
    form_with,
    minimal_pdf,
    totp,
)

CA = os.environ.get("LOAD_CA", "")
OFFICER_KEY = os.environ.get("LOAD_OFFICER_KEY", "")
PDF_FILLER_LINES = 2200  # about 100 kB
_addresses = itertools.count(2)


class SourceAddressAdapter(TrustingAdapter):
    """HTTPS trusting the check's CA, from one loopback address of this user's own."""

    def __init__(self, ca, address):
        self.address = address
        super().__init__(ca)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        return super().init_poolmanager(*args, **kwargs)


def own_session(user):
    number = next(_addresses)
    address = f"127.0.{number // 250}.{number % 250 + 2}"
    adapter = SourceAddressAdapter(CA, address) if CA else HTTPAdapter()
    user.client.mount("https://", adapter)
    user.client.headers["Accept-Language"] = "th"


class Visitor(HttpUser):
    abstract = True
    wait_time = between(2, 6)

    def on_start(self):
        own_session(self)

    def page(self, path, name=None):
        with self.client.get(path, name=name or path, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            return response

    def post_form(self, path, field_name, values, files=None, name=None, expected=302):
        """Fetch a page, fill its form (CSRF token included) and post it, as the journey does."""
        page = self.page(path, name=name)
        if page.status_code != 200:
            return None
        form = form_with(page.text, field_name)
        with self.client.post(
            urljoin(page.url, form["action"]) if form["action"] else page.url,
            data={**form["fields"], **values},
            files=files,
            headers={"Referer": page.url},
            allow_redirects=False,
            name=f"POST {name or path}",
            catch_response=True,
        ) as response:
            if response.status_code != expected:
                response.failure(f"{response.status_code}, expected {expected}")
                return None
            return response


class Browser(Visitor):
    weight = 12

    @task(4)
    def home(self):
        self.page("/")

    @task(2)
    def services(self):
        self.page("/services/")

    @task(4)
    def service_page(self):
        self.page("/services/certificate/")

    @task(1)
    def status_page(self):
        self.page("/status/")


class Applicant(Visitor):
    weight = 4

    def on_start(self):
        super().on_start()
        self.citizen_id, self.references, self.last_status_check = citizen_id(), [], 0.0
        self.post_form(
            "/accounts/register/",
            "citizen_id",
            {
                "citizen_id": self.citizen_id,
                "phone": "0812345678",
                "personnel_type": "teacher",
                "title": "นาย",
                "first_name": "ทดสอบ",
                "last_name": "โหลด",
                "email": f"load-{self.citizen_id}@example.com",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "consent": "on",
                "g-recaptcha-response": "stand-in-token",
            },
        )
        self.client.cookies.clear()
        self.post_form(
            "/accounts/login/",
            "username",
            {"username": self.citizen_id, "password": PASSWORD, "g-recaptcha-response": "stand-in-token"},
        )

    @task(2)
    def submit(self):
        response = self.post_form(
            "/services/certificate/",
            "files-id_card_copy",
            certificate_details("ยื่นกู้เงินธนาคาร"),
            files={
                "files-id_card_copy": (
                    "id-card.pdf",
                    minimal_pdf(f"ID card {time.time()}", PDF_FILLER_LINES),
                    "application/pdf",
                )
            },
            name="/services/certificate/ (logged in)",
        )
        if response is not None:
            match = re.search(r"/my/requests/([^/]+)/submitted/$", response.headers.get("Location", ""))
            if match:
                self.references.append(match.group(1))

    @task(4)
    def track(self):
        self.page("/my/requests/")
        if self.references:
            self.page(f"/my/requests/{self.references[-1]}/", name="/my/requests/[reference]/")

    @task(1)
    def print_request(self):
        if self.references:
            self.page(
                f"/my/requests/{self.references[-1]}/print.pdf", name="/my/requests/[reference]/print.pdf"
            )

    @task(1)
    def status_check(self):
        # The portal allows 10 lookups per address in 10 minutes; a person checks now and then.
        if not self.references or time.monotonic() - self.last_status_check < 61:
            return
        self.last_status_check = time.monotonic()
        page = self.page("/status/")
        form = form_with(page.text, "reference")
        with self.client.post(
            "/status/",
            name="POST /status/",
            data={
                **form["fields"],
                "reference": self.references[-1],
                "citizen_id_or_phone": self.citizen_id,
                "g-recaptcha-response": "stand-in-token",
            },
            headers={"Referer": page.url},
            catch_response=True,
        ) as response:
            if response.status_code != 200 or self.references[-1] not in response.text:
                response.failure(f"{response.status_code}: the status check found nothing")


class Officer(Visitor):
    weight = 1
    wait_time = between(3, 8)
    # One authenticator, one code per 30-second step: django_otp refuses a code (or an earlier one)
    # once used, so the officers' log-ins take turns, each with a step of its own.
    code_lock, last_step = Semaphore(), [0]

    def on_start(self):
        super().on_start()
        response = self.post_form(
            "/admin/login/",
            "username",
            {
                "username": OFFICER_CITIZEN_ID,
                "password": DEMO_PASSWORD,
                "g-recaptcha-response": "stand-in-token",
            },
        )
        if response is None:
            return
        verify = response.headers["Location"]
        with self.code_lock:
            for _attempt in range(4):
                while int(time.time() // 30) <= self.last_step[0]:
                    time.sleep(1)
                self.last_step[0] = int(time.time() // 30)
                page = self.page(verify, name="/two-factor/verify/")
                form = form_with(page.text, "token")
                with self.client.post(
                    urljoin(page.url, form["action"]) if form["action"] else page.url,
                    data={**form["fields"], "token": totp(OFFICER_KEY)},
                    headers={"Referer": page.url},
                    allow_redirects=False,
                    name="POST /two-factor/verify/",
                    catch_response=True,
                ) as answer:
                    if answer.status_code == 302:
                        return
                    # 200: this step's code was used already (by the journey or the other locust
                    # run, each with an officer of the same authenticator): the next step's.
                    answer.success()
            self.environment.events.request.fire(
                request_type="POST",
                name="POST /two-factor/verify/",
                response_time=0,
                response_length=0,
                response=None,
                context={},
                exception=RuntimeError("the officer's code was refused four times"),
            )

    @task(3)
    def list_and_process(self):
        listing = self.page("/admin/service-requests/")
        processes = re.findall(r'href="(/admin/service-requests/process/\d+/)"', listing.text or "")
        if not processes:
            return
        process = processes[0]
        page = self.page(process, name="/admin/service-requests/process/[id]/")
        if 'value="in_progress"' in (page.text or ""):
            self.post_form(
                process,
                "to_status",
                {"to_status": "in_progress", "message": ""},
                name="/admin/service-requests/process/[id]/",
            )
        printout = re.search(r'href="([^"]*print[^"]*)"', page.text or "")
        if printout:
            self.page(printout.group(1).replace("&amp;", "&"), name="/admin/…/print (PDF)")
