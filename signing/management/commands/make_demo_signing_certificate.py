"""Make the demo's throw-away CA and office certificate (never for real documents)."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError

from cryptography import x509

from signing import queries
from signing.demo_certificates import demo_files, make_demo_certificates

FALLBACK_OFFICE = "สำนักงานตัวอย่าง"


class Command(BaseCommand):
    help = (
        "Make a throw-away demo CA ('DEMO CA — ห้ามใช้จริง / not for real use') and an office certificate "
        "signed by it, with its key, in --folder (default: settings.DEMO_SIGNING_FOLDER). Kept when a "
        "valid one is there already, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=None, help="where to write the files (created, mode 0700)")
        parser.add_argument(
            "--office", default=None, help="the office's name (default: the office settings')"
        )
        parser.add_argument("--days", type=int, default=730, help="how long the office certificate is valid")
        parser.add_argument("--force", action="store_true", help="make new ones even if valid ones exist")

    def handle(self, *args, folder, office, days, force, **options):
        folder = Path(folder or settings.DEMO_SIGNING_FOLDER)
        files = demo_files(folder)
        if not force and self._still_valid(files):
            self.stdout.write(f"The demo signing certificate in {folder} is still valid; kept.")
            return
        office = office or self._office_name() or FALLBACK_OFFICE
        make_demo_certificates(folder, office_name=office, valid_days=days)
        self.stdout.write(
            f"Made a DEMO certificate (not for real use) for {office} in {folder}:\n"
            f"  SIGNING_CERTIFICATE={files.certificate}\n  SIGNING_KEY={files.key}\n"
            f"  SIGNING_TRUST_ROOTS={files.trust_roots}"
        )

    @staticmethod
    def _still_valid(files) -> bool:
        if not (files.certificate.exists() and files.key.exists() and files.trust_roots.exists()):
            return False
        try:
            certificate = x509.load_pem_x509_certificates(files.certificate.read_bytes())[0]
        except (ValueError, IndexError):
            return False
        return certificate.not_valid_after_utc > datetime.datetime.now(datetime.UTC) + datetime.timedelta(
            days=7
        )

    @staticmethod
    def _office_name() -> str:
        try:
            return queries.office_name()
        except DatabaseError:  # no database yet (e.g. before migrate)
            return ""
