"""How fast the portal's pages are against what the stack allows, in one run (issue 12, item 6).

    .venv/bin/python benchmarks/page_benchmark.py [--seconds 10] [--concurrency 10] [--redis URL]

In a temporary folder it builds and serves, each with gunicorn (3 sync workers, DEBUG off, the
PostgreSQL server at 127.0.0.1:5432 with a database of its own per project):

- the floor of the stack: a bare Django project whose one view returns 2 kB of HTML;
- the floor of a Wagtail form: a Wagtail project with `wagtail.contrib.forms`' FormPage carrying the
  certificate service's 10 fields (service_requests/catalogue/certificate.py), GET and POST;
- the portal with the production settings (benchmarks/benchmark_settings.py: production with the
  environment it requires set here: PostgreSQL through the pool, Redis as the cache (--redis),
  static files collected for whitenoise, private files in the folder rather than a bucket), its
  demo content (manage.py load_demo_content) and the demo applicant logged in.

GETs are loaded with `ab` (apache2-utils) at --concurrency; POSTs, which need a new submission key
each, with a small Python load generator (threads, one connection per request, as `ab` does). It
prints req/s per target and the ratios against the goals, then serves 1,000 mixed requests to a
freshly started portal and reads each worker's resident memory. Ports 8221-8224.
"""

# ruff: noqa: S603, S607 - a benchmark that starts its own servers and `ab` from PATH
import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

REPOSITORY = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORTAL_PORT, BARE_PORT, FORM_PORT, UNCACHED_PORT = 8221, 8222, 8223, 8224
HOST = "127.0.0.1"
SERVICE_PATH = "/services/certificate/"
APPLICANT_CITIZEN_ID = "1000000000017"  # demo.accounts.APPLICANT
PDF_SIZE = 100 * 1024
MIXED_REQUESTS = 1000
GOALS = {
    "anonymous": ("bare", 0.5),
    "logged_in": ("form_get", 1.5),
    "submission": ("form_post", 1.0),
}
RSS_GOAL_MB = 150

# ---------------------------------------------------------------------------------------------
# The floors' sources


BARE_PROJECT = '''
"""A bare Django project: one view returning 2 kB of HTML."""
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="benchmark-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
)
PAGE = ("<!doctype html><html lang=th><head><meta charset=utf-8><title>floor</title></head><body>"
        + "<p>" + "ระบบบริการแบบจุดเดียวเบ็ดเสร็จ " * 22 + "</p></body></html>")


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", page)]
application = get_wsgi_application()
'''

FORM_SETTINGS = '''
"""Wagtail's own FormPage, nothing else: the floor of a Wagtail form page."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
DEBUG = False
SECRET_KEY = "benchmark-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "floor",
    "wagtail.contrib.forms",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "floorurls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "%(database)s",
    "USER": "%(user)s",
    "HOST": "%(host)s",
    "PORT": "%(port)s",
    "CONN_MAX_AGE": None,
}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"
WAGTAIL_SITE_NAME = "floor"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
USE_TZ = True
TIME_ZONE = "Asia/Bangkok"
LANGUAGE_CODE = "th"
'''

FORM_URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
"""

FORM_MODELS = """
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractForm):
    pass
"""

FORM_TEMPLATE = """{% load wagtailcore_tags %}<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>
<h1>{{ page.title }}</h1>
<form action="{% pageurl page %}" method="POST">{% csrf_token %}{{ form.as_p }}<button>ส่ง</button></form>
</body></html>
"""

FORM_LANDING = """{% load wagtailcore_tags %}<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>
<h1>{{ page.title }}</h1><p>ได้รับแล้ว</p></body></html>
"""

# The certificate service's fields (CertificateForm.Meta.fields) as FormPage fields.
FORM_FIELDS = [
    ("ประเภทบุคลากร", "dropdown", "ข้าราชการครู\nข้าราชการพลเรือน\nลูกจ้างประจำ\nพนักงานราชการ", True, "ข้าราชการครู"),
    ("กลุ่มงาน / โรงเรียน", "singleline", "", True, "โรงเรียนบ้านหนองบัว"),
    ("ตำแหน่ง", "singleline", "", True, "ครู"),
    ("วิทยฐานะ / อันดับ / ระดับ", "singleline", "", True, "ชำนาญการ คศ.2"),
    ("เงินเดือน (บาท)", "number", "", True, "32150.00"),
    ("เงินวิทยฐานะ (บาท)", "number", "", False, "3500.00"),
    ("ค่าตอบแทน (บาท)", "number", "", False, "0"),
    (
        "หนังสือรับรองที่ต้องการ",
        "dropdown",
        "รับรองความประพฤติ\nรับรองเงินเดือน\nรับรองการปฏิบัติงาน\nอื่น ๆ",
        True,
        "รับรองเงินเดือน",
    ),
    ("หนังสือรับรองอื่น ๆ", "singleline", "", False, ""),
    ("เพื่อใช้ประกอบ", "singleline", "", True, "ประกอบการขอสินเชื่อธนาคารออมสิน"),
]

FORM_SETUP = """
import json, sys
import django
django.setup()
from wagtail.models import Page, Site
from floor.models import FormPage, FormField

fields = json.loads(sys.argv[1])
root = Page.get_first_root_node()
Site.objects.all().delete()
Page.objects.filter(depth=2).delete()
page = root.add_child(instance=FormPage(title="คำขอหนังสือรับรอง", slug="certificate"))
for order, (label, kind, choices, required, _value) in enumerate(fields):
    FormField.objects.create(page=page, sort_order=order, label=label, field_type=kind, choices=choices, required=required)
Site.objects.create(hostname="127.0.0.1", port=80, root_page=page, is_default_site=True)
print(json.dumps({field.label: field.clean_name for field in page.form_fields.all()}))
"""


# ---------------------------------------------------------------------------------------------
# Building and serving


def run(command, *, env=None, cwd=REPOSITORY, capture=False):
    result = subprocess.run(command, env=env, cwd=cwd, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout if capture else None


def fresh_database(server_url: str, name: str) -> str:
    """Drops and creates database `name` on the PostgreSQL server of `server_url`; its URL."""
    address = urlsplit(server_url)
    with psycopg.connect(urlunsplit(address._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(address._replace(path=f"/{name}"))


def fresh_redis(url: str):
    redis.Redis.from_url(url).flushdb()


def portal_environment(folder: Path, *, database_url: str, redis_url: str, page_cache=True):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.benchmark_settings",
        PYTHONPATH=str(REPOSITORY),
        SECRET_KEY="benchmark-only-" + "x" * 50,
        CITIZEN_ID_HASH_KEY="benchmark-only-" + "y" * 50,
        ALLOWED_HOSTS=f"{HOST},localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        AWS_STORAGE_BUCKET_NAME="unused-the-benchmark-keeps-files-in-its-folder",
        TRUSTED_PROXY_COUNT="0",
        PORTAL_BASE_URL=f"http://{HOST}:{PORTAL_PORT}",
        RECAPTCHA_PUBLIC_KEY="benchmark-public",
        RECAPTCHA_PRIVATE_KEY="benchmark-private",
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private_media"),
        STATIC_ROOT=str(folder / "static"),
        SECURE_SSL_REDIRECT="false",
        ANONYMOUS_PAGE_CACHE="true" if page_cache else "false",
        # A throw-away certificate made by build_portal (production refuses to start without one).
        SIGNING_CERTIFICATE=str(folder / "signing" / "office-certificate.pem"),
        SIGNING_KEY=str(folder / "signing" / "office-key.pem"),
        SIGNING_TRUST_ROOTS=str(folder / "signing" / "demo-ca.pem"),
        # gunicorn.conf.py recycles a worker after about 1,000 requests; not what is measured here.
        GUNICORN_MAX_REQUESTS="0",
    )
    return env


def build_bare(folder: Path):
    bare = folder / "bare"
    bare.mkdir()
    (bare / "bare.py").write_text(BARE_PROJECT)
    return {"chdir": bare, "app": "bare:application", "env": dict(os.environ)}


def build_form_floor(folder: Path, database_url: str):
    project = folder / "formfloor"
    templates = project / "floor" / "templates" / "floor"
    templates.mkdir(parents=True)
    address = urlsplit(database_url)
    (project / "floorsettings.py").write_text(
        FORM_SETTINGS
        % {
            "database": address.path.lstrip("/"),
            "user": address.username or "postgres",
            "host": address.hostname or "127.0.0.1",
            "port": address.port or 5432,
        }
    )
    (project / "floorurls.py").write_text(FORM_URLS)
    (project / "floor" / "__init__.py").write_text("")
    (project / "floor" / "models.py").write_text(FORM_MODELS)
    (templates / "form_page.html").write_text(FORM_TEMPLATE)
    (templates / "form_page_landing.html").write_text(FORM_LANDING)
    (project / "floorwsgi.py").write_text(
        "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n"
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="floorsettings", PYTHONPATH=str(project))
    django_admin = [sys.executable, "-m", "django"]
    run([*django_admin, "makemigrations", "floor", "-v0"], env=env, cwd=project)
    run([*django_admin, "migrate", "-v0"], env=env, cwd=project)
    (project / "setup_page.py").write_text(FORM_SETUP)
    names = json.loads(
        run([sys.executable, "setup_page.py", json.dumps(FORM_FIELDS)], env=env, cwd=project, capture=True)
    )
    post_fields = {names[label]: value for label, _kind, _choices, _required, value in FORM_FIELDS}
    return {"chdir": project, "app": "floorwsgi:application", "env": env, "fields": post_fields}


def build_portal(folder: Path, *, database_url: str, redis_url: str):
    fresh_redis(redis_url)
    env = portal_environment(folder, database_url=database_url, redis_url=redis_url)
    manage = [sys.executable, "manage.py"]
    run(
        [*manage, "make_demo_signing_certificate", "--folder", str(folder / "signing")],
        env=dict(env, DJANGO_SETTINGS_MODULE="portal.settings.dev"),
    )
    run([*manage, "migrate", "-v0"], env=env)
    run([*manage, "collectstatic", "--noinput", "-v0"], env=env)
    run([*manage, "load_demo_content"], env=env, capture=True)
    session = json.loads(
        run([sys.executable, __file__, "--prepare-portal"], env=env, capture=True).splitlines()[-1]
    )
    return {
        "chdir": REPOSITORY,
        "app": "portal.wsgi:application",
        "env": env,
        "database_url": database_url,
        "redis_url": redis_url,
        "config": str(REPOSITORY / "gunicorn.conf.py"),
        "log": folder / "portal-access.log",
        **session,
    }


def prepare_portal():
    """In a process with the portal's settings: the demo applicant's session and what her
    browser posts from the certificate page (printed as JSON on the last line)."""
    sys.path.insert(0, str(REPOSITORY))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from service_requests.catalogue import get_service
    from service_requests.forms import ContactForm

    applicant = get_user_model().objects.get(citizen_id=APPLICANT_CITIZEN_ID)
    client = Client(HTTP_HOST=HOST)
    client.force_login(applicant)
    response = client.get(SERVICE_PATH)
    html = response.content.decode()
    assert response.status_code == 200 and applicant.first_name in html, "the service page did not log in"
    service = get_service("12")
    fields = {f"contact-{name}": str(value) for name, value in ContactForm.initial_for(applicant).items()}
    details = service.details_form.posted_data(service.sample_details(0))
    fields.update({f"details-{name}": value for name, value in details.items()})
    fields.pop("contact-submission_key", None)
    # One submission as the load will send it, so that a form the portal refuses stops here.
    posted = {
        "csrfmiddlewaretoken": "unused-by-the-test-client",
        **fields,
        "contact-submission_key": str(uuid.uuid4()),
        f"files-{service.attachment_slots[0].name}": SimpleUploadedFile("payslip.pdf", pdf_bytes(PDF_SIZE)),
    }
    response = client.post(SERVICE_PATH, posted)
    if response.status_code != 302:
        html = response.content.decode()
        errors = re.findall(r"<(?:li|p|div)[^>]*error[^>]*>\s*([^<]+)", html)
        sys.exit(f"the portal refused the benchmark's submission: {errors}")
    print(
        json.dumps(
            {
                "session": client.cookies["sessionid"].value,
                "csrf_cookie": client.cookies["csrftoken"].value,
                "csrf_token": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
                "fields": fields,
                "file_field": f"files-{service.attachment_slots[0].name}",
                "name": applicant.first_name,
            }
        )
    )


class Server:
    """gunicorn, 3 sync workers, serving one of the targets on a port of ours. The portal runs
    with the office's gunicorn.conf.py (its JSON access log to a file in the folder); the floors
    with gunicorn's defaults."""

    def __init__(self, target, port, *, workers=3):
        self.port = port
        config = ["--config", target["config"]] if target.get("config") else []
        self.log = open(target["log"], "ab") if target.get("log") else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                *config,
                "--workers", str(workers),
                "--worker-class", "sync",
                "--bind", f"{HOST}:{port}",
                "--chdir", str(target["chdir"]),
                "--log-level", "warning",
                "--timeout", "60",
                target["app"],
            ],
            env=target["env"],
            cwd=target["chdir"],
            stdout=self.log,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=5).read()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        sys.exit(f"gunicorn did not answer on port {port}")

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                sizes.append(int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.M).group(1)) / 1024)
        return sorted(sizes)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.log is not subprocess.DEVNULL:
            self.log.close()


# ---------------------------------------------------------------------------------------------
# Load


def ab(url, *, seconds, concurrency, cookie=""):
    """Requests per second of GET `url` (20 requests of warm-up first); exits on failed requests."""
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    subprocess.run(
        ["ab", "-q", "-n", "200", "-c", str(concurrency), *headers, url], capture_output=True, check=False
    )
    output = subprocess.run(
        ["ab", "-q", "-t", str(seconds), "-n", "10000000", "-c", str(concurrency), *headers, url],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    rate = re.search(r"Requests per second:\s+([\d.]+)", output)
    failed = re.search(r"Failed requests:\s+(\d+)", output)
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", output)
    if not rate or (failed and int(failed.group(1))) or non_2xx:
        sys.exit(f"ab {url} went wrong:\n{output}")
    return float(rate.group(1))


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content_type, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def one_request(port, method, path, *, body=b"", headers=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, content
    finally:
        connection.close()


def load(make_request, *, seconds=None, total=None, concurrency):
    """Run make_request() (-> True when the answer is the expected one) from `concurrency`
    threads for `seconds` or `total` requests; requests per second and failures."""
    lock = threading.Lock()
    counts = {"done": 0, "failed": 0, "started": 0}
    deadline = time.monotonic() + seconds if seconds else None

    def worker():
        while True:
            with lock:
                if total is not None and counts["started"] >= total:
                    return
                counts["started"] += 1
            if deadline and time.monotonic() > deadline:
                return
            ok = make_request()
            with lock:
                counts["done"] += 1
                counts["failed"] += 0 if ok else 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    return counts["done"] / elapsed, counts["failed"]


def pdf_bytes(size: int) -> bytes:
    """A one-page PDF padded by a comment after its header to `size` bytes."""

    def build(padding: int) -> bytes:
        header = b"%PDF-1.4\n%" + b"0" * (padding - 2) + b"\n"
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
        body, offsets = header, []
        for number, content in enumerate(objects, start=1):
            offsets.append(len(body))
            body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
        xref = len(body)
        body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        return body

    padding = size - len(build(2)) + 2
    document = build(padding)
    while len(document) != size:
        padding += size - len(document)
        document = build(padding)
    return document


def form_floor_post(form, port, csrf):
    cookie, token = csrf
    body, content_type = multipart({"csrfmiddlewaretoken": token, **form["fields"]}, {})
    headers = {"Content-Type": content_type, "Cookie": f"csrftoken={cookie}"}

    def post():
        status, content = one_request(port, "POST", "/", body=body, headers=headers)
        return status == 200 and "ได้รับแล้ว".encode() in content

    return post


def portal_submission(portal, pdf):
    cookie = f"sessionid={portal['session']}; csrftoken={portal['csrf_cookie']}"

    def post():
        fields = {
            "csrfmiddlewaretoken": portal["csrf_token"],
            **portal["fields"],
            "contact-submission_key": str(uuid.uuid4()),
        }
        body, content_type = multipart(
            fields, {portal["file_field"]: ("payslip.pdf", "application/pdf", pdf)}
        )
        status, content = one_request(
            PORTAL_PORT,
            "POST",
            SERVICE_PATH,
            body=body,
            headers={"Content-Type": content_type, "Cookie": cookie},
        )
        return status == 302

    return post


def csrf_of(port, path="/"):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


def mixed(portal, pdf):
    """The mix of the memory run: what visitors, applicants and the status check ask, in turn."""
    logged_in = {"Cookie": f"sessionid={portal['session']}; csrftoken={portal['csrf_cookie']}"}
    paths = [
        ("/", {}),
        ("/services/", {}),
        (SERVICE_PATH, {}),
        ("/downloads/", {}),
        ("/en/", {}),
        ("/status/", {}),
        (SERVICE_PATH, logged_in),
        ("/my/requests/", logged_in),
        ("/services/id-card/", {}),
    ]
    counter = iter(range(10**9))
    lock = threading.Lock()
    submit = portal_submission(portal, pdf)

    def request():
        with lock:
            number = next(counter)
        if number % 10 == 9:
            return submit()
        path, headers = paths[number % len(paths)]
        status, _content = one_request(PORTAL_PORT, "GET", path, headers=headers)
        return status == 200

    return request


# ---------------------------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    versions = subprocess.run(
        [sys.executable, "-c", "import django, wagtail, gunicorn; print(django.__version__, wagtail.__version__, gunicorn.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    load_average = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} CPU(s), {model}; Python {platform.python_version()}; Django {versions[0]}, "
        f"Wagtail {versions[1]}, gunicorn {versions[2]} (3 sync workers); PostgreSQL; load average before: "
        f"{load_average}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="how long each target is loaded in all")
    parser.add_argument("--rounds", type=int, default=3, help="turns each target takes (--seconds in all)")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432/",
        help="the PostgreSQL server (databases oss_page_benchmark and oss_page_benchmark_floor are dropped and made)",
    )
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/13",
        help="a Redis database for the portal's cache (flushed)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--prepare-portal", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare_portal:
        prepare_portal()
        return
    if not shutil.which("ab"):
        sys.exit("ab is missing: scripts/apt-install.sh apache2-utils")

    print(machine(), flush=True)
    folder = Path(tempfile.mkdtemp(prefix="oss-page-benchmark-"))
    seconds, concurrency = arguments.seconds, arguments.concurrency
    results, servers = {}, []

    def serve(target, port):
        server = Server(target, port)
        servers.append(server)
        return server

    try:
        print("building the floors and the portal ...", flush=True)
        bare = build_bare(folder)
        form = build_form_floor(folder, fresh_database(arguments.postgres, "oss_page_benchmark_floor"))
        portal = build_portal(
            folder,
            database_url=fresh_database(arguments.postgres, "oss_page_benchmark"),
            redis_url=arguments.redis,
        )
        pdf = pdf_bytes(PDF_SIZE)

        # Every server runs throughout (an idle one costs nothing) and the targets take turns in
        # rounds, so that a change in the machine's load (other work on it) touches them alike.
        serve(bare, BARE_PORT)
        form_server = serve(form, FORM_PORT)
        serve(portal, PORTAL_PORT)
        uncached = dict(
            portal,
            env=portal_environment(
                folder, database_url=portal["database_url"], redis_url=arguments.redis, page_cache=False
            ),
        )
        serve(uncached, UNCACHED_PORT)
        service_url = f"http://{HOST}:{PORTAL_PORT}{SERVICE_PATH}"
        uncached_url = f"http://{HOST}:{UNCACHED_PORT}{SERVICE_PATH}"
        logged_in = f"sessionid={portal['session']}; csrftoken={portal['csrf_cookie']}"
        form_post = form_floor_post(form, FORM_PORT, csrf_of(FORM_PORT))
        submit = portal_submission(portal, pdf)

        def posting(make_request):
            def measure(duration):
                rate, failed = load(make_request, seconds=duration, concurrency=concurrency)
                if failed:
                    sys.exit(f"{failed} posts failed")
                return rate

            return measure

        def getting(url, cookie=""):
            return lambda duration: ab(url, seconds=duration, concurrency=concurrency, cookie=cookie)

        targets = {
            "bare": getting(f"http://{HOST}:{BARE_PORT}/"),
            "form_get": getting(f"http://{HOST}:{FORM_PORT}/"),
            "form_post": posting(form_post),
            "anonymous": getting(service_url),
            "anonymous_uncached": getting(uncached_url),
            "logged_in": getting(service_url, logged_in),
            "logged_in_uncached": getting(uncached_url, logged_in),
            "my_requests": getting(f"http://{HOST}:{PORTAL_PORT}/my/requests/", logged_in),
            "submission": posting(submit),
        }
        load(form_post, total=30, concurrency=concurrency)
        load(submit, total=30, concurrency=concurrency)
        rates = {key: [] for key in targets}
        for round_number in range(arguments.rounds):
            print(f"round {round_number + 1} of {arguments.rounds} ...", flush=True)
            for key, measure in targets.items():
                rates[key].append(measure(max(1, seconds // arguments.rounds)))
        results = {key: sum(values) / len(values) for key, values in rates.items()}
        floor_rss = form_server.worker_rss_mb()  # Wagtail and Django alone, after all its rounds
        for server in servers:
            server.stop()

        server = serve(portal, PORTAL_PORT)  # a fresh one
        _rate, failed = load(mixed(portal, pdf), total=MIXED_REQUESTS, concurrency=concurrency)
        rss = server.worker_rss_mb()
        server.stop()
        if failed:
            sys.exit(f"{failed} of the mixed requests failed")
    finally:
        for server in servers:
            server.stop()
        if not arguments.keep:
            shutil.rmtree(folder, ignore_errors=True)

    report(results, rss, floor_rss, seconds=seconds, rounds=arguments.rounds, concurrency=concurrency)


def report(results, rss, floor_rss, *, seconds, rounds, concurrency):
    labels = {
        "bare": "floor: bare Django view, 2 kB of HTML",
        "form_get": "floor: Wagtail FormPage, certificate's 10 fields, GET",
        "form_post": "floor: Wagtail FormPage, POST",
        "anonymous": f"portal: anonymous {SERVICE_PATH} (page cache)",
        "anonymous_uncached": "portal: the same, page cache and fragments off",
        "logged_in": "portal: logged in, pre-filled form",
        "logged_in_uncached": "portal: logged in, page cache and fragments off",
        "my_requests": "portal: logged in, /my/requests/",
        "submission": "portal: submission with a 100 kB PDF",
    }
    print(f"\n{seconds} s per target in {rounds} rounds (mean req/s), {concurrency} concurrent clients\n")
    print(f"{'target':58} {'req/s':>8}")
    for key, label in labels.items():
        print(f"{label:58} {results[key]:8.1f}")
    print()
    for key, (floor, goal) in GOALS.items():
        ratio = results[key] / results[floor]
        verdict = "yes" if ratio >= goal else "NO"
        print(f"{labels[key]:58} {ratio:5.2f} x {floor:9}  goal >= {goal}: {verdict}")
    biggest = max(rss)
    sizes = ", ".join(f"{size:.0f}" for size in rss)
    verdict = "yes" if biggest < RSS_GOAL_MB else "NO"
    print(
        f"{'worker RSS after ' + str(MIXED_REQUESTS) + ' mixed requests (MB)':58} {sizes}  goal < {RSS_GOAL_MB}: {verdict}"
    )
    floor_sizes = ", ".join(f"{size:.0f}" for size in floor_rss)
    print(f"{'floor: Wagtail FormPage worker RSS after its rounds (MB)':58} {floor_sizes}")


if __name__ == "__main__":
    main()
