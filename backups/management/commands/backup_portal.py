"""manage.py backup_portal --to DIR|s3://bucket/prefix [--keep N] (README: Backups)."""

import tempfile

from django.core.management.base import BaseCommand, CommandError

from backups import archive, remote
from backups.failures import FAILURES


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump's custom format on PostgreSQL, SQLite's online backup) and "
        "every file of the private and public storages into a new timestamped folder under --to, "
        "with manifest.json (checksums, row counts, app version). --to s3://bucket/prefix copies "
        "the folder into a bucket (django-storages)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, help="A folder, or s3://bucket/prefix.")
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="In a folder: afterwards delete all but the KEEP newest backups (default: keep all).",
        )

    def handle(self, *args, to, keep, **options):
        if keep < 0:
            raise CommandError("--keep must be 0 (keep all) or more.")
        bucket = remote.parse(to)
        try:
            if bucket is None:
                folder, manifest = archive.create_backup(to)
                where = str(folder)
            else:
                with tempfile.TemporaryDirectory(prefix="oss-backup-") as scratch:
                    folder, manifest = archive.create_backup(scratch)
                    where = remote.address(
                        bucket, archive.upload(folder, remote.storage(bucket), bucket.prefix)
                    )
        except FAILURES as error:
            raise CommandError(f"Backup failed: {error}") from error
        self._summary(manifest, where)
        if keep and bucket is None:
            for path in archive.prune(to, keep):
                self.stdout.write(f"Deleted the old backup {path}")
        # Last line: where the backup is, for scripts (restore_portal --from it).
        self.stdout.write(where)

    def _summary(self, manifest, where):
        dump = manifest["database"]
        files = manifest["files"]
        rows = sum(dump["tables"].values())
        self.stdout.write(f"Backup made at {manifest['created']} (app version {manifest['app_version']})")
        self.stdout.write(
            f"  database ({dump['engine']}): {dump['dump']}, {dump['size']:,} bytes, "
            f"{len(dump['tables'])} tables, {rows:,} rows"
        )
        for alias in archive.STORAGE_ALIASES:
            of_storage = [entry for entry in files if entry["storage"] == alias]
            size = sum(entry["size"] for entry in of_storage)
            self.stdout.write(f"  {alias} storage: {len(of_storage)} files, {size:,} bytes")
        if manifest["files_vanished"]:
            self.stdout.write(
                self.style.WARNING(f"  {manifest['files_vanished']} files were deleted while being backed up")
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {where}"))
