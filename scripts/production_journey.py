"""The main journey over HTTPS through nginx, for scripts/production-check.sh.

    production_journey.py journey --base-url https://localhost:8204 --ca ca.pem \
        --nginx-log access.log --officer-key BASE32 --app-servers 127.0.0.1:8201,127.0.0.1:8202 \
        --kill-group PID
    production_journey.py recaptcha-stand-in --port 8205 --certificate cert.pem --key key.pem

The journey registers an applicant, logs in, submits a certificate request with a PDF, has the
officer (password and authenticator code) process it with a reply file, downloads the attachment
and the reply (through the app server that did not take the upload: nginx's access log says which
one answered each request ID), checks the status, prints the PDF, checks that the reply and the
printout are signed and that /verify/ (reached by their QR codes) calls them genuine and a copy with
one byte changed altered, checks /healthz and /readyz, then kills the first app server (its process
group) and walks it again. Any failure exits non-zero.

The stand-in answers django-recaptcha's verification requests ("success") over HTTPS, so the
production settings keep reCAPTCHA on (RECAPTCHA_DOMAIN points at it).
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import re
import signal
import socketserver
import ssl
import struct
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from urllib.parse import urljoin, urlsplit

import psycopg
import requests
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from requests.adapters import HTTPAdapter

OFFICER_CITIZEN_ID = "1000000000025"  # the demo's personnel officer (certificates)
DEMO_PASSWORD = "demo-pass-2568"  # noqa: S105 - the demo's printed password
PASSWORD = "Prod-check-2568!x"  # noqa: S105 - a throw-away applicant of a throw-away database
# What /verify/ answers (templates/signing/verify.html, in Thai).
GENUINE = "เอกสารนี้เป็นฉบับที่สำนักงานออกให้ ไม่มีการแก้ไข"
ALTERED = "ไม่ตรงกับเอกสารที่ออก / ถูกแก้ไข"


def step(message):
    print(f"journey: {message}", flush=True)


class JourneyError(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise JourneyError(message)


# --- HTML forms ------------------------------------------------------------------------------------


class FormParser(HTMLParser):
    """Every <form>: its action, method and fields with the values a browser would send untouched."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attributes.get("action") or "",
                "method": (attributes.get("method") or "get").lower(),
                "fields": {},
                "names": set(),
            }
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            self._form["names"].add(name)
            kind = (attributes.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self._form["fields"][name] = attributes.get("value") or "on"
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._form["fields"][name] = attributes.get("value") or ""
        elif tag == "select" and name:
            self._form["names"].add(name)
            self._select = name
        elif tag == "option" and self._select:
            value = attributes.get("value", "")
            if self._select not in self._form["fields"] or "selected" in attributes:
                self._form["fields"][self._select] = value
        elif tag == "textarea" and name:
            self._form["names"].add(name)
            self._textarea = name
            self._form["fields"][name] = ""

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_with(html, field_name):
    parser = FormParser()
    parser.feed(html)
    for form in parser.forms:
        if field_name in form["names"]:
            return form
    raise JourneyError(f"no form with a field {field_name!r} on the page")


def certificate_details(purpose: str) -> dict:
    """The certificate form's own fields, as a teacher fills them in (the journey and the load test)."""
    return {
        "details-officer_type": "teacher",
        "details-work_unit": "โรงเรียนบ้านหนองบัว",
        "details-position": "ครู",
        "details-academic_standing": "ครูชำนาญการ",
        "details-salary": "32150.00",
        "details-academic_allowance": "3500",
        "details-compensation": "0",
        "details-certificate_kind": "salary",
        "details-purpose": purpose,
    }


def minimal_pdf(text, filler_lines=0):
    """A small valid PDF with one line of text (and `filler_lines` more, about 45 bytes each, to
    make it bigger: the load test sends about 100 kB)."""
    filler = "".join(
        f"\nBT /F1 6 Tf 72 {700 - line % 600} Td (filler {line:08d}) Tj ET" for line in range(filler_lines)
    )
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET{filler}".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def totp(secret_base32, when=None):
    """RFC 6238, as authenticator apps compute it (30 s, 6 digits, SHA-1)."""
    key = base64.b32decode(secret_base32)
    counter = int((when or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def citizen_id():
    """A valid (checksum) citizen ID with province "00": it belongs to no one."""
    digits = [1, 0, 0] + [random.randint(0, 9) for _ in range(9)]
    check = (11 - sum(d * (13 - i) for i, d in enumerate(digits)) % 11) % 10
    return "".join(map(str, digits)) + str(check)


class TrustingAdapter(HTTPAdapter):
    """HTTPS that trusts the check's throw-away CA (an SSL context of its own: requests' verify=PATH
    did not take the CA with this requests/urllib3 pair)."""

    def __init__(self, ca):
        self.context = ssl.create_default_context(cafile=ca)
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self.context
        return super().init_poolmanager(*args, **kwargs)


def https_session(ca):
    session = requests.Session()
    session.mount("https://", TrustingAdapter(ca))
    return session


# --- the browser stand-in ----------------------------------------------------------------------------


class Visitor:
    """A browser: cookies, the CSRF token in each form, a Referer (Django asks for it over HTTPS)."""

    def __init__(self, journey, name):
        self.journey, self.name = journey, name
        self.session = https_session(journey.ca)
        self.session.headers["Accept-Language"] = "th"

    def url(self, path):
        return urljoin(self.journey.base_url + "/", path.lstrip("/"))

    def get(self, path, expected=200, **kwargs):
        response = self.session.get(self.url(path), timeout=60, **kwargs)
        self.journey.seen(response)
        expect(
            response.status_code == expected,
            f"{self.name}: GET {path} answered {response.status_code}, expected {expected}",
        )
        return response

    def submit(self, path, field_name, values, files=None, expected=302):
        page = self.get(path)
        form = form_with(page.text, field_name)
        data = {**form["fields"], **values}
        action = urljoin(page.url, form["action"]) if form["action"] else page.url
        response = self.session.post(
            action, data=data, files=files, headers={"Referer": page.url}, allow_redirects=False, timeout=60
        )
        self.journey.seen(response)
        if response.status_code != expected:
            errors = [
                re.sub(r"<[^>]+>|\s+", " ", error).strip()
                for error in re.findall(
                    r'class="[^"]*error[^"]*"[^>]*>(.*?)</(?:ul|p|div|span)>', response.text, re.S
                )
            ][:5]
            raise JourneyError(
                f"{self.name}: POST {action} answered {response.status_code}, expected {expected}; {errors}"
            )
        return response


class Journey:
    def __init__(self, arguments):
        self.base_url = arguments.base_url.rstrip("/")
        self.ca = arguments.ca
        self.nginx_log = arguments.nginx_log
        self.officer_key = arguments.officer_key
        self.app_servers = arguments.app_servers.split(",")
        self.kill_group = arguments.kill_group
        self.redis_group = arguments.redis_group
        self.database_url, self.connection_bound = arguments.database_url, arguments.connection_bound
        self.request_ids = []

    def seen(self, response):
        for earlier in [*response.history, response]:
            if "X-Request-ID" in earlier.headers:
                self.request_ids.append(earlier.headers["X-Request-ID"])

    def upstream_of(self, response):
        """The app server nginx's access log names for this response's request ID."""
        request_id = response.headers.get("X-Request-ID")
        expect(request_id, "the response has no X-Request-ID")
        for _attempt in range(20):
            with open(self.nginx_log, encoding="utf-8") as log:
                for line in log:
                    entry = json.loads(line)
                    if entry["request_id"] == request_id:
                        return entry["upstream"].split(",")[-1].strip()
            time.sleep(0.1)
        raise JourneyError(f"request {request_id} is not in nginx's access log")

    # --- the steps -----------------------------------------------------------------------------

    def health(self, *, app_servers_up):
        anonymous = https_session(self.ca)
        response = anonymous.get(self.base_url + "/healthz", timeout=10)
        expect(response.status_code == 200 and response.json() == {"status": "ok"}, "/healthz is not ok")
        for _attempt in range(60):  # the worker's first heartbeat comes within 15 s of its start
            response = anonymous.get(self.base_url + "/readyz", timeout=30)
            if response.status_code == 200 and response.json()["status"] == "ok":
                break
            time.sleep(1)
        expect(response.status_code == 200, f"/readyz answered {response.status_code}: {response.text}")
        checks = response.json()["checks"]
        expect(
            response.json()["status"] == "ok"
            and checks == {"database": "ok", "cache": "ok", "private_storage": "ok", "worker": "ok"},
            f"/readyz: {response.text}",
        )
        for server in app_servers_up:  # each app server, asked directly as a load balancer would
            direct = requests.get(f"http://{server}/readyz", timeout=30)
            expect(direct.status_code == 200, f"/readyz of {server} answered {direct.status_code}")
        step(f"/healthz and /readyz ok through nginx ({checks}); directly on {', '.join(app_servers_up)}")

    def page_images(self):
        """Every image of the home page and a service page, through nginx: the office's emblem in
        each page's header is a Wagtail rendition in MEDIA_ROOT, which nginx serves itself."""
        visitor = Visitor(self, "visitor")
        sources = set()
        for path in ("/", "/services/certificate/"):
            sources |= set(re.findall(r'<img[^>]+src="([^"]+)"', visitor.get(path).text))
        expect(any("/media/images/" in source for source in sources), f"no emblem on the pages: {sources}")
        for source in sorted(sources):
            image = visitor.get(source)
            expect(
                image.headers.get("Content-Type", "").startswith("image/") and image.content,
                f"{source} answered {image.headers.get('Content-Type')}",
            )
        step(f"the pages' images are served: {', '.join(sorted(sources))}")

    def register(self):
        applicant = Visitor(self, "applicant")
        self.citizen_id = citizen_id()
        applicant.submit(
            "/accounts/register/",
            "citizen_id",
            {
                "citizen_id": self.citizen_id,
                "phone": "0812345678",
                "personnel_type": "teacher",
                "title": "นาย",
                "first_name": "ทดสอบ",
                "last_name": "ระบบจริง",
                "email": f"prodcheck-{self.citizen_id}@example.com",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "consent": "on",
                "g-recaptcha-response": "stand-in-token",
            },
        )
        step(f"registered applicant {self.citizen_id[:3]}…")

    def log_in(self):
        applicant = Visitor(self, "applicant")
        response = applicant.submit(
            "/accounts/login/",
            "username",
            {"username": self.citizen_id, "password": PASSWORD, "g-recaptcha-response": "stand-in-token"},
        )
        expect("sessionid" in applicant.session.cookies, "no session after logging in")
        step(f"applicant logged in (→ {response.headers.get('Location')})")
        return applicant

    def submit_request(self, applicant, purpose):
        attachment = minimal_pdf(f"ID card copy {time.time()}")
        response = applicant.submit(
            "/services/certificate/",
            "files-id_card_copy",
            certificate_details(purpose),
            files={"files-id_card_copy": ("id-card.pdf", attachment, "application/pdf")},
        )
        match = re.search(r"/my/requests/([^/]+)/submitted/$", response.headers.get("Location", ""))
        expect(match, f"the submission went to {response.headers.get('Location')}, not a request")
        reference, upload_server = match.group(1), self.upstream_of(response)
        step(f"submitted {reference} with a {len(attachment)}-byte PDF through app server {upload_server}")
        return reference, attachment, upload_server

    def download_through_another_server(self, visitor, path, expected_bytes, not_server, what):
        """GET until nginx's round robin picks the other app server (it alternates); returns the
        bytes (compared with `expected_bytes` unless None)."""
        for _attempt in range(6):
            response = visitor.get(path)
            server = self.upstream_of(response)
            if server != not_server:
                expect(
                    expected_bytes is None or response.content == expected_bytes,
                    f"{what}: the downloaded bytes differ",
                )
                step(f"downloaded {what} ({len(response.content)} bytes) through app server {server}")
                return response.content
        raise JourneyError(f"{what}: nginx never sent the download to another app server than {not_server}")

    def attachment_path(self, applicant, reference):
        page = applicant.get(f"/my/requests/{reference}/").text
        match = re.search(rf'href="([^"]*/requests/{re.escape(reference)}/files/\d+/)"', page)
        expect(match, "the request's page has no link to its attachment")
        return match.group(1)

    def officer_processes(self, reference):
        officer = Visitor(self, "officer")
        response = officer.submit(
            "/admin/login/",
            "username",
            {
                "username": OFFICER_CITIZEN_ID,
                "password": DEMO_PASSWORD,
                "g-recaptcha-response": "stand-in-token",
            },
        )
        asked = officer.session.get(officer.url(response.headers["Location"]), timeout=60)
        expect("/two-factor/verify/" in asked.url, f"the officer was not asked for a code ({asked.url})")
        officer.submit(asked.url, "token", {"token": totp(self.officer_key)})
        listing = officer.get("/admin/service-requests/").text
        match = re.search(
            # The reference is the link's text, in the span the bulk-action checkbox names.
            r'href="(/admin/service-requests/process/\d+/)"[^>]*>\s*(?:<span[^>]*>\s*)?'
            + re.escape(reference),
            listing,
        )
        expect(match, f"{reference} is not in the officer's list")
        process = match.group(1)
        officer.submit(process, "to_status", {"to_status": "in_progress", "message": ""})
        reply = minimal_pdf(f"Certificate for {reference}")
        officer.submit(
            process,
            "to_status",
            {"to_status": "completed", "message": "ออกหนังสือรับรองแล้ว", "confirm_final": "on"},
            files={"reply_file": ("certificate.pdf", reply, "application/pdf")},
        )
        step(f"officer logged in with a code, took {reference} and completed it with a reply file")
        return reply

    def status_check(self, reference):
        visitor = Visitor(self, "visitor")
        page = visitor.get("/status/")
        form = form_with(page.text, "reference")
        response = visitor.session.post(
            page.url,
            data={
                **form["fields"],
                "reference": reference,
                "citizen_id_or_phone": self.citizen_id,
                "g-recaptcha-response": "stand-in-token",
            },
            headers={"Referer": page.url},
            timeout=60,
        )
        self.seen(response)
        expect(response.status_code == 200 and reference in response.text, "the status check found nothing")
        step(f"status check shows {reference}")

    def printout(self, applicant, reference):
        response = applicant.get(f"/my/requests/{reference}/print.pdf")
        expect(response.content.startswith(b"%PDF"), "the printout is not a PDF")
        step(f"printout of {reference}: {len(response.content)}-byte PDF")
        return response.content

    def verify(self, content, what):
        """Scan the signed PDF's QR code as a phone would, open its /verify/ page as anyone, and
        upload the file (genuine) and a copy with one byte changed (altered)."""
        expect(b"/ETSI.CAdES.detached" in content, f"{what} is not signed (PAdES)")
        urls = [
            result.text
            for page in PdfReader(BytesIO(content)).pages
            for image in page.images
            for result in zxingcpp.read_barcodes(
                Image.open(BytesIO(image.data)).convert("L").resize((600, 600), Image.NEAREST)
            )
            if "/verify/" in result.text
        ]
        expect(urls, f"{what}: no QR code to /verify/ on its pages")
        expect(urls[-1].startswith(self.base_url + "/verify/"), f"{what}: the QR code opens {urls[-1]}")
        visitor = Visitor(self, "verifier")
        path = urlsplit(urls[-1]).path
        changed = bytearray(content)
        changed[len(changed) // 2] ^= 0x01
        for upload, answer in ((content, GENUINE), (bytes(changed), ALTERED)):
            response = visitor.submit(
                path,
                "document",
                {},
                files={"document": ("document.pdf", upload, "application/pdf")},
                expected=200,
            )
            expect(answer in response.text, f"{what}: /verify/ did not answer {answer!r}")
        step(f"{what}: signed, its QR code opens {path}, which calls it genuine and a changed copy altered")

    def burst(self, count=100):
        """`count` requests at once through nginx; PostgreSQL's connections to the portal's database
        are sampled meanwhile and must stay within the pools' bound."""
        peak, done = [0], threading.Event()

        def sample():
            with psycopg.connect(self.database_url, autocommit=True) as connection:
                while not done.is_set():
                    (current,) = connection.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    ).fetchone()
                    peak[0] = max(peak[0], current)
                    time.sleep(0.02)

        def one(_number):
            return (
                https_session(self.ca).get(self.base_url + "/services/certificate/", timeout=120).status_code
            )

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=count) as pool:
            statuses = list(pool.map(one, range(count)))
        done.set()
        sampler.join()
        failures = [status for status in statuses if status != 200]
        expect(not failures, f"burst: {len(failures)} of {count} failed: {sorted(set(failures))}")
        expect(
            peak[0] <= self.connection_bound, f"burst: {peak[0]} connections, over {self.connection_bound}"
        )
        step(
            f"burst of {count} concurrent requests: all 200 in {time.monotonic() - started:.1f} s, "
            f"at most {peak[0]} PostgreSQL connections (bound {self.connection_bound})"
        )

    def run(self):
        self.health(app_servers_up=self.app_servers)
        self.page_images()
        self.register()
        applicant = self.log_in()
        reference, attachment, upload_server = self.submit_request(applicant, "ยื่นกู้เงินธนาคาร")
        self.download_through_another_server(
            applicant, self.attachment_path(applicant, reference), attachment, upload_server, "the attachment"
        )
        self.officer_processes(reference)
        reply = self.download_through_another_server(
            applicant, f"/requests/{reference}/reply/", None, upload_server, "the officer's reply"
        )
        self.verify(reply, "the officer's reply")
        self.status_check(reference)
        printout = self.printout(applicant, reference)
        self.verify(printout, "the completed request's printout")
        expect(
            self.printout(applicant, reference) == printout, "the signed printout changed between downloads"
        )
        self.burst()

        step(f"killing app server {self.app_servers[0]} (process group {self.kill_group}, SIGKILL)")
        os.killpg(self.kill_group, signal.SIGKILL)
        survivors = self.app_servers[1:]
        after_kill = len(self.request_ids)
        self.health(app_servers_up=survivors)
        applicant = self.log_in()
        reference, attachment, upload_server = self.submit_request(applicant, "ยื่นขอสินเชื่อ (หลังปิดเครื่องหนึ่ง)")
        response = applicant.get(self.attachment_path(applicant, reference))
        expect(response.content == attachment, "the attachment differs after the app server went down")
        self.status_check(reference)
        self.printout(applicant, reference)
        servers = {self.upstream_of_id(request_id) for request_id in self.request_ids[after_kill:]}
        expect(servers == set(survivors), f"after the kill, requests were answered by {servers}")
        step(
            f"with {self.app_servers[0]} down, all {len(self.request_ids) - after_kill} requests answered by {servers}"
        )

        self.redis_paused()

    def redis_paused(self):
        """Redis stopped in its tracks (SIGSTOP: connections open, nothing answered, as a hung
        server or a lost network): pages, logging in and filing a request still work, from the
        database; /readyz says the cache is failing and the portal degraded, and keeps each app
        server in the load balancer (200). Then Redis resumes, with what it held."""
        step(f"pausing Redis (process group {self.redis_group}, SIGSTOP)")
        os.killpg(self.redis_group, signal.SIGSTOP)
        try:
            visitor = Visitor(self, "visitor")
            for path in ("/", "/services/", "/services/certificate/", "/status/"):
                visitor.get(path)
            applicant = self.log_in()
            reference, _attachment, _server = self.submit_request(applicant, "ยื่นขอสินเชื่อ (ระหว่าง Redis หยุด)")
            expect(reference in applicant.get("/my/requests/").text, "my requests does not list it")
            self.status_check(reference)
            for server in self.app_servers[1:]:  # as a load balancer asks each app server
                ready = requests.get(f"http://{server}/readyz", timeout=30)
                expect(
                    ready.status_code == 200
                    and ready.json()["status"] == "degraded"
                    and ready.json()["checks"]["cache"] == "failing",
                    f"/readyz of {server} with Redis paused answered {ready.status_code}: {ready.text}",
                )
            step(
                "with Redis paused: pages, log-in, a submission and the status check answered; "
                "/readyz 200, degraded (cache failing)"
            )
        finally:
            os.killpg(self.redis_group, signal.SIGCONT)
        self.health(app_servers_up=self.app_servers[1:])
        expect(reference in applicant.get("/my/requests/").text, "my requests lost it after Redis resumed")
        step("Redis resumed: /readyz ok again, the request filed meanwhile is there")

    def upstream_of_id(self, request_id):
        class Response:
            headers = {"X-Request-ID": request_id}

        return self.upstream_of(Response)


# --- the mail server stand-in ------------------------------------------------------------------------


class MailStandIn(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: accepts every message and counts it in the log."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 stand-in ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 stand-in")
            elif command == "DATA":
                self.reply("354 end with .")
                while self.rfile.readline() not in (b".\r\n", b".\n", b""):
                    pass
                print("mail stand-in: one message received", flush=True)
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


def serve_mail_stand_in(arguments):
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", arguments.port), MailStandIn) as server:
        server.serve_forever()


# --- the reCAPTCHA stand-in ---------------------------------------------------------------------------


class StandIn(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"success": True, "hostname": "localhost"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_stand_in(arguments):
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), StandIn)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(arguments.certificate, arguments.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    journey = commands.add_parser("journey")
    journey.add_argument("--base-url", required=True)
    journey.add_argument("--ca", required=True)
    journey.add_argument("--nginx-log", required=True)
    journey.add_argument("--officer-key", required=True)
    journey.add_argument("--app-servers", required=True)
    journey.add_argument("--database-url", required=True)
    journey.add_argument("--connection-bound", type=int, required=True)
    journey.add_argument("--kill-group", type=int, required=True, help="the first app server's process group")
    journey.add_argument(
        "--redis-group", type=int, required=True, help="Redis's process group (paused, resumed)"
    )
    stand_in = commands.add_parser("recaptcha-stand-in")
    stand_in.add_argument("--port", type=int, required=True)
    stand_in.add_argument("--certificate", required=True)
    stand_in.add_argument("--key", required=True)
    mail = commands.add_parser("mail-stand-in")
    mail.add_argument("--port", type=int, required=True)
    arguments = parser.parse_args()
    if arguments.command == "recaptcha-stand-in":
        serve_stand_in(arguments)
        return 0
    if arguments.command == "mail-stand-in":
        serve_mail_stand_in(arguments)
        return 0
    try:
        Journey(arguments).run()
    except (JourneyError, requests.RequestException) as error:
        print(f"journey: FAILED: {error}", file=sys.stderr, flush=True)
        return 1
    step("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
