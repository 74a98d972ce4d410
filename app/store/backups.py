"""Backups of the database, and putting one back.

A backup is a whole copy made with SQLite's backup API, which copies a consistent state of a
database in use (a file copy of a live database may catch half a write). It is written under a
temporary name and flushed to the disk before it takes its name, in a folder beside the
database ("nianbao-备份" for nianbao.sqlite3), and the latest KEEP are kept. The Store makes one
before every upgrade of the schema, and the window and the command line one on the first start
of each day; a database that fails its check is never backed up over the good copies.

Putting a backup back moves the database in use (with any journal it left) into the backup
folder first, so nothing is lost by restoring, not even the damaged file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from app.store.connection import connect_read_only
from app.store.integrity import problems
from app.store_errors import StoreError
from app.writing import STALE_AFTER_S, describe_os_error, sync_file

KEEP = 10
REASONS = {"daily": "每日自动备份", "upgrade": "升级前备份", "restore": "恢复备份前的数据库"}
_NAME = re.compile(r"^(\d{8}-\d{6})(?:-\d+)?-([a-z]+)\.sqlite3$")
# What a program killed while copying leaves: a backup being written (.tmp, in the backup
# folder), a new database (.new) or a restore (.restoring) beside the database; each with the
# journal SQLite kept while writing it.
_HALF_MADE = re.compile(r"^\..+\.[0-9a-f]{8}\.(?:tmp|new|restoring)(?:-journal)?$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: dt.datetime  # local time
    reason: str  # a key of REASONS

    @property
    def label(self) -> str:
        return f"{self.made:%Y-%m-%d %H:%M}　{REASONS.get(self.reason, self.reason)}"


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for choosing one."""

    units: int = 0
    reports: int = 0
    latest: str = ""  # the latest time a report in it was saved (ISO, UTC)
    problem: str = ""  # why it cannot be used; "" when it is sound

    @property
    def sound(self) -> bool:
        return not self.problem

    def describe(self) -> str:
        if self.problem:
            return f"不可用：{self.problem}"
        latest = _local(self.latest)
        when = f"，最近一次修改于 {latest:%Y-%m-%d %H:%M}" if latest else ""
        return f"{self.units} 个单位，{self.reports} 份报告{when}"


def folder_for(db: Path) -> Path:
    return db.with_name(f"{db.stem}-备份")


def make_backup(conn: sqlite3.Connection, db: Path, reason: str, now: dt.datetime) -> Backup:
    """A backup of the database `conn` has open (the file at `db`); StoreError when it cannot
    be written (the database itself is untouched)."""
    folder = folder_for(db)
    try:
        folder.mkdir(exist_ok=True)
        remove_half_made(db)
        target = _free_name(folder, now, reason)
        temp = folder / f".{target.name}.{os.urandom(4).hex()}.tmp"
        try:
            copy = sqlite3.connect(str(temp))
            try:
                conn.backup(copy)
            finally:
                copy.close()
            sync_file(temp)
            os.replace(temp, target)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    except OSError as exc:
        raise StoreError(f"无法写入备份（{describe_os_error(exc)}）") from None
    except sqlite3.Error:
        raise StoreError("无法写入备份（复制数据库时出错）") from None
    prune(db)
    return Backup(target, now.replace(microsecond=0), reason)


def remove_half_made(db: Path) -> None:
    """Remove the half-made copies of `db` a killed program left (each as large as the
    database), once older than STALE_AFTER_S: one another process is making now stays."""
    now = time.time()
    for folder, prefix in ((folder_for(db), "."), (db.parent, f".{db.name}.")):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not entry.name.startswith(prefix) or not _HALF_MADE.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                if (
                    entry.is_file(follow_symlinks=False)
                    and now - entry.stat(follow_symlinks=False).st_mtime >= STALE_AFTER_S
                ):
                    os.unlink(entry.path)


def backups(db: Path) -> list[Backup]:
    """The backups of `db`, the latest first."""
    try:
        names = [entry.name for entry in os.scandir(folder_for(db)) if entry.is_file()]
    except OSError:
        return []
    found = []
    for name in names:
        m = _NAME.match(name)
        if m is None:
            continue
        try:
            made = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(Backup(folder_for(db) / name, made, m.group(2)))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def made_on(db: Path, day: dt.date) -> bool:
    return any(b.made.date() == day for b in backups(db))


def prune(db: Path, keep: int = KEEP) -> None:
    for old in backups(db)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def contents(backup: Path) -> Contents:
    """What the backup holds, or why it cannot be used."""
    try:
        conn = connect_read_only(backup)
    except sqlite3.Error:
        return Contents(problem="无法打开")
    try:
        found = problems(conn)
        if found:
            return Contents(problem=found[0])
        units = conn.execute("SELECT count(*) FROM units").fetchone()[0]
        reports, latest = conn.execute("SELECT count(*), max(updated_at) FROM reports").fetchone()
        return Contents(int(units), int(reports), str(latest or ""))
    except (sqlite3.Error, ValueError, TypeError):
        return Contents(problem="文件已损坏")
    finally:
        conn.close()


def latest_sound(db: Path) -> tuple[Backup, Contents] | None:
    """The latest backup that passes the check."""
    for backup in backups(db):
        held = contents(backup.path)
        if held.sound:
            return backup, held
    return None


def restore(db: Path, backup: Backup, now: dt.datetime) -> Backup:
    """Put `backup` in the place of the database at `db` (which no one may have open); the
    database that was there is kept in the backup folder, as the Backup returned."""
    held = contents(backup.path)
    if not held.sound:
        raise StoreError(f"这份备份不能使用（{held.problem}）")
    folder = folder_for(db)
    temp = db.with_name(f".{db.name}.{os.urandom(4).hex()}.restoring")
    try:
        source = connect_read_only(backup.path)
        copy = sqlite3.connect(str(temp))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        sync_file(temp)
        kept = _free_name(folder, now, "restore")
        moved = []
        try:
            for suffix in ("", "-journal"):  # a hot journal belongs to the file it was beside
                current = Path(f"{db}{suffix}")
                if current.exists():
                    os.replace(current, Path(f"{kept}{suffix}"))
                    moved.append(suffix)
            os.replace(temp, db)
        except OSError:
            for suffix in moved:  # back where they were: never a database gone missing
                with contextlib.suppress(OSError):
                    os.replace(Path(f"{kept}{suffix}"), Path(f"{db}{suffix}"))
            raise
    except sqlite3.Error:
        raise StoreError("无法恢复备份（读取备份时出错）") from None
    except OSError as exc:
        raise StoreError(f"无法恢复备份（{describe_os_error(exc)}）") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return Backup(kept, now.replace(microsecond=0), "restore")


def _free_name(folder: Path, now: dt.datetime, reason: str) -> Path:
    stamp = f"{now:%Y%m%d-%H%M%S}"
    target = folder / f"{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}-{reason}.sqlite3"
    return target


def _local(iso: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return None
