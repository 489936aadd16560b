"""What backup_portal and restore_portal answer with a CommandError naming it, not a traceback."""

from base.faults import STORAGE_FAULTS

from . import archive, database, remote

# STORAGE_FAULTS: OSError, and the S3 client's errors (refused, no keys, no such bucket).
FAILURES = (archive.BackupError, database.DatabaseError, remote.RemoteError, *STORAGE_FAULTS)
