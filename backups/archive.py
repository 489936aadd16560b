"""A backup folder: the database dump, every file of the storages, and manifest.json listing each
with its size and sha256, every table's row count, the app's version and when it was made.

    oss-portal-20261130T021500Z/
        manifest.json
        database.dump            (PostgreSQL, pg_dump's custom format) or database.sqlite3
        files/private/requests/...   files/default/documents/...

Files are read and written through Django's storage API by alias, so the same code serves the
file system and S3 (django-storages). A backup is written under a hidden name and renamed once its
manifest is complete: a folder with a manifest is a whole backup.
"""

import datetime
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import storages

from . import database

logger = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "manifest.json"
# Django's storage aliases: the private files (applicants' uploads, replies, data copies) and the
# public media (Wagtail's documents and images).
STORAGE_ALIASES = ("private", "default")
NAME_PATTERN = re.compile(r"oss-portal-\d{8}T\d{6}Z")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be made or used; the message says why."""


@dataclass
class RestoreReport:
    tables_checked: int = 0
    files_checked: int = 0
    files_written: int = 0
    mismatches: list[str] = field(default_factory=list)
    extra_files: list[str] = field(default_factory=list)


def create_backup(destination, *, now=None):
    """Back up the database and the files into a new folder under `destination`; returns
    (folder, manifest)."""
    now = now or datetime.datetime.now(datetime.UTC)
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    name = f"oss-portal-{now:%Y%m%dT%H%M%SZ}"
    folder = destination / name
    if folder.exists():
        raise BackupError(f"{folder} already exists.")
    partial = destination / f".{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(mode=0o700)
    try:
        dump = partial / database.dump_name()
        tables = database.dump(dump)
        size, digest = _hash_file(dump)
        copied = [_copy_out(alias, name, partial) for alias in STORAGE_ALIASES for name in _walk(alias)]
        files = [entry for entry in copied if entry is not None]
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "app_version": app_version(),
            "database": {
                "engine": database.engine(),
                "dump": dump.name,
                "size": size,
                "sha256": digest,
                "tables": tables,
            },
            "files": files,
            # Listed but deleted before they could be read (a request deleted meanwhile).
            "files_vanished": len(copied) - len(files),
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    logger.info(
        "backup made",
        extra={"backup": str(folder), "tables": len(tables), "files": len(files)},
    )
    return folder, manifest


def verify_backup(folder):
    """Every problem of the backup at `folder` (empty when all is whole); returns (manifest, problems)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        return None, [f"{folder / MANIFEST} is missing: not a backup, or an unfinished one."]
    except (ValueError, OSError) as error:
        return None, [f"{folder / MANIFEST} cannot be read: {error}"]
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        return None, [f"Backup format {found!r} is not {FORMAT}."]
    try:
        return manifest, _problems(folder, manifest)
    except (KeyError, TypeError, AttributeError) as error:
        return None, [f"{folder / MANIFEST} is malformed: {error!r}"]


def _problems(folder, manifest):
    problems = []
    dump = manifest["database"]
    if dump["engine"] != database.engine():
        problems.append(f"The backup is of a {dump['engine']} database; this one is {database.engine()}.")
    entries = [("database dump", lambda: folder / _safe(dump["dump"]), dump)]
    entries += [
        (
            f"{entry['storage']}:{entry['name']}",
            partial(_backup_path, folder, entry["storage"], entry["name"]),
            entry,
        )
        for entry in manifest["files"]
    ]
    for label, path_of, entry in entries:
        try:
            path = path_of()
        except BackupError as error:
            problems.append(str(error))
            continue
        problems += _check(path, entry["size"], entry["sha256"], label)
    return problems


def restore_backup(folder, manifest):
    """Put a verified backup back: the database, then the files; then compare every table's rows
    and every file's checksum with the manifest. Returns a RestoreReport."""
    folder = Path(folder)
    database.restore(folder / _safe(manifest["database"]["dump"]))
    report = RestoreReport()
    for entry in manifest["files"]:
        if _copy_in(entry, _backup_path(folder, entry["storage"], entry["name"])):
            report.files_written += 1
    # The shared caches (pages, settings) describe the database before.
    for alias in settings.CACHES:
        caches[alias].clear()

    counts = database.row_counts()
    for table, rows in manifest["database"]["tables"].items():
        report.tables_checked += 1
        if counts.get(table) != rows:
            report.mismatches.append(f"table {table}: {counts.get(table)} rows, the backup has {rows}")
    for entry in manifest["files"]:
        report.files_checked += 1
        label = f"{entry['storage']}:{entry['name']}"
        storage = storages[entry["storage"]]
        if not storage.exists(entry["name"]):
            report.mismatches.append(f"file {label} is missing after the restore")
            continue
        size, digest = _hash_stored(storage, entry["name"])
        if (size, digest) != (entry["size"], entry["sha256"]):
            report.mismatches.append(f"file {label} differs from the backup after the restore")
    listed = {(entry["storage"], entry["name"]) for entry in manifest["files"]}
    report.extra_files = [
        f"{alias}:{name}" for alias in STORAGE_ALIASES for name in _walk(alias) if (alias, name) not in listed
    ]
    logger.info(
        "backup restored",
        extra={"backup": str(folder), "mismatches": len(report.mismatches)},
    )
    return report


def target_holds_data():
    """What restoring would overwrite: tables in the database, files in the storages."""
    held = []
    if not database.is_empty():
        held.append("the database has tables")
    for alias in STORAGE_ALIASES:
        if next(iter(_walk(alias)), None) is not None:
            held.append(f"the {alias} storage has files")
    return held


def find_backup(location):
    """`location` itself if it holds a manifest, else its newest complete backup."""
    location = Path(location)
    if (location / MANIFEST).exists():
        return location
    candidates = sorted(path for path in location.glob("oss-portal-*") if (path / MANIFEST).exists())
    if not candidates:
        raise BackupError(f"No backup in {location} (no {MANIFEST} there or in an oss-portal-* folder).")
    return candidates[-1]


def prune(destination, keep):
    """Delete all but the `keep` newest complete backups under `destination`; returns their paths."""
    backups = sorted(
        path
        for path in Path(destination).iterdir()
        if NAME_PATTERN.fullmatch(path.name) and (path / MANIFEST).exists()
    )
    removed = backups[:-keep] if keep > 0 else []
    for path in removed:
        shutil.rmtree(path)
    return removed


def upload(folder, storage, prefix):
    """Copy a finished backup folder into a (bucket) storage under prefix/<folder name>/, the
    manifest last, so a backup there is whole once its manifest is."""
    folder = Path(folder)
    paths = sorted(path for path in folder.rglob("*") if path.is_file() and path.name != MANIFEST)
    for path in [*paths, folder / MANIFEST]:
        name = str(PurePosixPath(prefix, folder.name, *path.relative_to(folder).parts))
        if storage.exists(name):
            storage.delete(name)
        with path.open("rb") as handle:
            saved = storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"The bucket stored {name} as {saved}.")
    return str(PurePosixPath(prefix, folder.name))


def download(storage, prefix, target):
    """Copy the backup under `prefix` in a (bucket) storage (or, when prefix holds backups, the
    newest of them) into the local folder `target`; returns the local backup folder."""
    prefix = prefix.strip("/")
    manifest_name = str(PurePosixPath(prefix, MANIFEST)) if prefix else MANIFEST
    if not storage.exists(manifest_name):
        folders, _ = storage.listdir(prefix)
        complete = sorted(
            name
            for name in folders
            if NAME_PATTERN.fullmatch(name) and storage.exists(str(PurePosixPath(prefix, name, MANIFEST)))
        )
        if not complete:
            raise BackupError(f"No backup under {prefix or 'the bucket root'}.")
        prefix = str(PurePosixPath(prefix, complete[-1]))
    local = Path(target) / PurePosixPath(prefix).name
    for name in _walk_storage(storage, prefix):
        path = local / _safe(str(PurePosixPath(name).relative_to(prefix)))
        path.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, path.open("wb") as copy:
            shutil.copyfileobj(source, copy, CHUNK)
    return local


def app_version():
    """PORTAL_VERSION if the deployment sets it, else the git commit of the code, else unknown."""
    if os.environ.get("PORTAL_VERSION"):
        return os.environ["PORTAL_VERSION"]
    try:
        command = ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"]
        finished = subprocess.run(command, capture_output=True, text=True, check=False, timeout=10)  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return finished.stdout.strip() if finished.returncode == 0 else "unknown"


def _walk(alias):
    return _walk_storage(storages[alias], "")


def _walk_storage(storage, directory):
    """Every file's name under `directory`, depth first, sorted."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield str(PurePosixPath(directory, name)) if directory else name
    for folder in sorted(folders):
        yield from _walk_storage(storage, str(PurePosixPath(directory, folder)) if directory else folder)


def _copy_out(alias, name, folder):
    path = _backup_path(folder, alias, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    try:
        source = storages[alias].open(name, "rb")
    except FileNotFoundError:
        logger.warning("file deleted during the backup", extra={"storage": alias, "file": name})
        return None
    with source, path.open("wb") as copy:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            copy.write(chunk)
    return {"storage": alias, "name": name, "size": size, "sha256": digest.hexdigest()}


def _copy_in(entry, path):
    """Write one backed-up file into its storage under its own name; False if it is there already."""
    storage = storages[entry["storage"]]
    name = entry["name"]
    if storage.exists(name):
        if _hash_stored(storage, name) == (entry["size"], entry["sha256"]):
            return False
        storage.delete(name)
    with path.open("rb") as handle:
        saved = storage.save(name, File(handle))
    if saved != name:
        raise BackupError(f"The {entry['storage']} storage stored {name} as {saved}.")
    return True


def _check(path, size, sha256, label):
    if not path.is_file():
        return [f"{label}: missing from the backup ({path})"]
    if _hash_file(path) != (size, sha256):
        return [f"{label}: damaged, its checksum differs from the manifest ({path})"]
    return []


def _hash_file(path):
    with Path(path).open("rb") as handle:
        return _hash_stream(handle)


def _hash_stored(storage, name):
    with storage.open(name, "rb") as handle:
        return _hash_stream(handle)


def _hash_stream(handle):
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _backup_path(folder, alias, name):
    if alias not in STORAGE_ALIASES:
        raise BackupError(f"Unknown storage {alias!r} in the manifest.")
    return Path(folder) / "files" / alias / _safe(name)


def _safe(name):
    """A relative path inside the backup: a manifest never points outside its folder."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise BackupError(f"Refusing the path {name!r} from the manifest.")
    return Path(*path.parts)
