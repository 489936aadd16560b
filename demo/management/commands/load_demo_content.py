"""`python manage.py load_demo_content`: the demo office, pages, documents, groups and logins."""

import time
import unicodedata

from django.core.management.base import BaseCommand

from demo.accounts import DEMO_PASSWORD
from demo.loader import load_demo_content

SITE_URL = "http://127.0.0.1:8000/"


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: Thai vowel and tone marks take none."""
    return sum(1 for char in text if unicodedata.category(char) != "Mn")


def table(rows) -> list[str]:
    widths = [max(display_width(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  ".join(
            cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]


class Command(BaseCommand):
    help = "Load the demo content (idempotent: a second run changes nothing) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help=(
                "Without the demo logins (their password is published) and the made-up biller ID: the "
                "demo office's pages, documents, groups and settings only, to start a production "
                "database from."
            ),
        )

    def handle(self, *args, no_logins, **options):
        started = time.monotonic()
        accounts = load_demo_content(logins=not no_logins)
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {time.monotonic() - started:.1f} s."))
        if no_logins:
            self.stdout.write(
                "No logins were made: create the first administrator with `manage.py createsuperuser`."
            )
            return
        self.stdout.write(f"Site: {SITE_URL}  Admin: {SITE_URL}admin/")
        self.stdout.write(
            "Demo logins (passwords are set again on every run). Staff also give a code from an "
            "authenticator app: add the account's authenticator key (TOTP) to any app, e.g. "
            "Google Authenticator, or compute it with `oathtool --totp -b KEY`:"
        )
        rows = [
            ("Role", "Citizen ID", "Name", "Password", "E-mail", "Group", "Log in at", "Authenticator key")
        ]
        for account in accounts:
            login_url = f"{SITE_URL}admin/" if account.is_staff else f"{SITE_URL}accounts/login/"
            rows.append(
                (
                    account.role,
                    account.citizen_id,
                    account.full_name,
                    DEMO_PASSWORD,
                    account.email,
                    account.groups_label,
                    login_url,
                    account.authenticator_key,
                )
            )
        for line in table(rows):
            self.stdout.write(line)
        self.stdout.write("Notification e-mails to these addresses are printed on the server's console.")
