"""Which snapshot the screens and commands read: the latest saved for this database.

`hearth snapshot` takes a new one (run it nightly); if there is none yet, the first caller takes it.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from hearth.analytics.extract import snapshot_from_record
from hearth.analytics.snapshot import Snapshot, cached_snapshot, latest_folder


def snapshot_root() -> Path:
    """One folder of snapshots per database, so a test database never reads the demo's figures."""
    name = str(connection.settings_dict["NAME"])
    return Path(settings.VAR_DIR) / "snapshots" / hashlib.sha1(f"{connection.vendor}:{name}".encode()).hexdigest()[:12]


def take_snapshot(as_at: date | None = None, now: datetime | None = None) -> Path:
    now = now or datetime.now()
    snap = snapshot_from_record(as_at or now.date(), extracted_at=now)
    return snap.save(snapshot_root() / now.strftime("%Y%m%dT%H%M%S"))


def current_snapshot() -> Snapshot:
    folder = latest_folder(snapshot_root())
    if folder is None:
        folder = take_snapshot()
    return cached_snapshot(folder)
