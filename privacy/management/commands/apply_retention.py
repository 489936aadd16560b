"""manage.py apply_retention [--dry-run]: the daily retention job (README: Retention)."""

from django.core.management.base import BaseCommand

from privacy import actions, queries
from service_requests import actions as request_actions

LABELS = {
    "requests_deidentified": "requests de-identified",
    "files_deleted": "files deleted",
    "axes_access_attempts": "log-in attempts (axes) deleted",
    "axes_access_logs": "log-in records (axes) deleted",
    "axes_access_failure_logs": "failed log-in records (axes) deleted",
    "status_lookups": "status-lookup counters deleted",
    "address_attempts": "per-address attempts deleted",
    "task_results": "finished background tasks deleted",
    "data_exports_expired": "expired copies of personal data deleted",
}
WOULD = {
    "requests_deidentified": "requests to de-identify",
    "files_deleted": "files to delete",
}


class Command(BaseCommand):
    help = (
        "De-identify closed requests past their service's retention period (deleting their files) "
        "and delete log-in records, status-lookup counters and per-address attempts older than "
        "LOG_RETENTION_DAYS, and expired copies of personal data. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be done; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = request_actions.apply_retention(dry_run=dry_run)
        # The applicants' copies of their data past their 24 hours (privacy, above the requests).
        if dry_run:
            counts["data_exports_expired"] = queries.expired_exports().count()
        else:
            counts["data_exports_expired"] = actions.expire_data_exports()
        if dry_run:
            self.stdout.write("Dry run: nothing was changed. It would do this:")
        for kind, count in counts.items():
            label = LABELS[kind]
            if dry_run:
                label = WOULD.get(kind, label.replace(" deleted", " to delete"))
            self.stdout.write(f"{count} {label}")
