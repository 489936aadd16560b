"""manage.py restore_portal --from DIR|s3://bucket/prefix [--yes] (README: Backups)."""

import tempfile

from django.core.management.base import BaseCommand, CommandError

from backups import archive, remote
from backups.failures import FAILURES


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_portal: checks every checksum of its manifest first, "
        "then replaces the database and writes the files back into the storages, then compares "
        "every table's row count and every file's checksum with the manifest. --from is a backup "
        "folder, or a folder (or s3://bucket/prefix) of backups, whose newest is taken. Stop the "
        "app servers and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, help="A backup, or where backups are.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Overwrite a database that has tables (and files in the storages): they are replaced.",
        )

    def handle(self, *args, source, yes, **options):
        bucket = remote.parse(source)
        try:
            if bucket is None:
                self._restore(archive.find_backup(source), yes)
                return
            with tempfile.TemporaryDirectory(prefix="oss-restore-") as scratch:
                folder = archive.download(remote.storage(bucket), bucket.prefix, scratch)
                self._restore(folder, yes, label=f"{source} (copied to {folder})")
        except FAILURES as error:
            raise CommandError(f"Restore failed: {error}") from error

    def _restore(self, folder, yes, label=None):
        self.stdout.write(f"Checking the backup {label or folder} ...")
        manifest, problems = archive.verify_backup(folder)
        if problems:
            for problem in problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(
                f"The backup {folder} is damaged or incomplete ({len(problems)} problems): nothing was restored."
            )
        self.stdout.write(
            f"  whole: the database dump and {len(manifest['files'])} files match their checksums "
            f"(made {manifest['created']}, app version {manifest['app_version']})"
        )
        held = archive.target_holds_data()
        if held and not yes:
            raise CommandError(
                f"Not restoring: {' and '.join(held)}, which the backup would replace. "
                "Run again with --yes to replace them."
            )
        version = archive.app_version()
        if version != manifest["app_version"]:
            self.stdout.write(
                self.style.WARNING(
                    f"  note: the backup was made by app version {manifest['app_version']}, this is {version}; "
                    "run manage.py migrate after the restore if this one is newer."
                )
            )
        report = archive.restore_backup(folder, manifest)
        self.stdout.write(
            f"Restored: {report.tables_checked} tables, {report.files_checked} files "
            f"({report.files_written} written, the others were there already and equal)"
        )
        if report.extra_files:
            self.stdout.write(
                self.style.WARNING(
                    f"  {len(report.extra_files)} files in the storages are not in the backup (left as they are):"
                )
            )
            for name in report.extra_files[:20]:
                self.stdout.write(f"    {name}")
        if report.mismatches:
            for mismatch in report.mismatches:
                self.stderr.write(f"  {mismatch}")
            raise CommandError(
                f"The restore does not match the backup ({len(report.mismatches)} differences)."
            )
        self.stdout.write(
            self.style.SUCCESS("Every table's row count and every file's checksum match the backup.")
        )
