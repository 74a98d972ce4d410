"""One open database: units and their reports by year, and the window's settings.

Reads are plain SQL on the connection; every write runs in one sqlite-utils transaction
(`db.atomic()`), begun IMMEDIATE so that what a write reads (a report's revision) cannot change
under it, and all of it is stored or none.

Each report row carries a revision, counted up by every save, and the checksum of its data. A
window saves with the revision it loaded (`base_revision`): when another window or the command
line saved the report since, the save is refused (StaleReport) instead of undoing that. A
report whose data no longer matches its checksum is damage, and is never shown as if typed.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.report import LEVELS, Report
from app.domain.report_form import FormError, report_from_json, report_to_json
from app.store import units as hierarchy
from app.store.connection import connect, store_error
from app.store.integrity import checksum, fill_checksums
from app.store.schema import database, prepare
from app.store.units import BinEntry, Receipt, UnitInfo
from app.store_errors import DamagedStore, StaleReport, StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from app.store.backups import Backup

DEFAULT_BUSY_TIMEOUT = 5.0
# What damaged rows can raise besides SQLite's own errors (text that is not UTF-8, a number
# where text belongs).
_DAMAGE_ERRORS = (ValueError, TypeError, OverflowError, UnicodeError)


@dataclass(frozen=True)
class Stored:
    """A report as loaded, with the revision a save must be based on."""

    report: Report
    revision: int


class Store:
    """One open database. Methods raise StoreError (Chinese) when SQLite fails."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, read_only: bool = False
    ) -> None:
        self._conn = conn
        self._db: Database | None = None  # sqlite-utils, from the first write on
        self._path = path
        self.read_only = read_only

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> Store:
        """Open the database at `path`, creating or upgrading it (a backup is made first).

        Refused (StoreError naming the file) when it was made by a newer version of the program,
        is not a database of this program or stays locked by another program for
        `busy_timeout` seconds; DamagedStore when it is damaged (a backup may put it right). A
        refused file is left exactly as it was. With create=False a missing file is refused too;
        `read_only` opens an existing file for reading only (a second window).
        """
        path = Path(path)
        try:
            conn = connect(
                path,
                create=create,
                busy_timeout=busy_timeout,
                read_only=read_only,
                initialise=prepare,
            )
            try:
                prepare(
                    conn,
                    read_only=read_only,
                    before_upgrade=lambda: _back_up(conn, path, "upgrade"),
                )
            except BaseException:
                conn.close()
                raise
        except StoreError as exc:
            raise _naming(exc, path) from None
        except sqlite3.Error as exc:
            raise _naming(store_error(exc, path), path) from None
        except _DAMAGE_ERRORS:
            raise _naming(DamagedStore("数据库文件已损坏"), path) from None
        return cls(conn, path, read_only)

    @classmethod
    def in_memory(cls) -> Store:
        """A database that lives only as long as this object (tests, the command line demo)."""
        conn = sqlite3.connect(":memory:")
        prepare(conn)
        return cls(conn, None)

    @property
    def path(self) -> Path | None:
        """The file, or None for an in-memory store."""
        return self._path

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- units ---------------------------------------------------------------------------------

    def units(self) -> list[UnitInfo]:
        """Every unit, in the order they were added."""
        with self._reading():
            return hierarchy.all_units(self._conn)

    def unit(self, name: str) -> UnitInfo | None:
        with self._reading():
            return hierarchy.find_unit(self._conn, name)

    def subordinates(self, name: str) -> list[UnitInfo]:
        """The units directly beneath `name`, in the order they were added."""
        with self._reading():
            return hierarchy.children(self._conn, name)

    def units_below(self, name: str) -> list[str]:
        """Every unit beneath `name`, at any depth, each after the unit above it."""
        with self._reading():
            return hierarchy.subtree(self._conn, name)[1:]

    def add_unit(self, name: str, level: str = "department", parent: str | None = None) -> UnitInfo:
        """A new unit (under `parent`); StoreError when the name is empty or taken, the level
        unknown or the parent missing."""
        with self._writing():
            return hierarchy.add_unit(self._conn, name, level, parent)

    def rename_unit(self, old: str, new: str) -> None:
        """Rename the unit, in its reports' titles and signatures too."""
        with self._writing():
            hierarchy.rename_unit(self._conn, old, new, _now())

    def move_unit(self, name: str, parent: str | None) -> None:
        with self._writing():
            hierarchy.move_unit(self._conn, name, parent)

    def set_unit_level(self, name: str, level: str) -> None:
        with self._writing():
            hierarchy.set_level(self._conn, name, level)

    def unit_profile(self, name: str) -> dict[str, Any]:
        """The unit's layout profile for the .docx (empty when none has been set)."""
        with self._reading():
            row = self._conn.execute("SELECT profile FROM units WHERE name = ?", (name,)).fetchone()
        if row is None or not row[0]:
            return {}
        try:
            profile = json.loads(row[0])
        except json.JSONDecodeError:
            raise StoreError(f"单位“{name}”的排版设置已损坏") from None
        return profile if isinstance(profile, dict) else {}

    def set_unit_profile(self, name: str, profile: dict[str, Any]) -> None:
        try:
            text = json.dumps(profile, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError):
            raise StoreError("排版设置中有无法保存的内容") from None
        with self._writing():
            cursor = self._conn.execute("UPDATE units SET profile = ? WHERE name = ?", (text, name))
            if cursor.rowcount == 0:
                raise StoreError(f"没有名为“{name}”的单位")

    # -- reports -------------------------------------------------------------------------------

    def years(self, unit: str) -> list[int]:
        """The years of the unit's reports, latest first."""
        with self._reading():
            rows = self._conn.execute(
                "SELECT year FROM reports WHERE unit = ? ORDER BY year DESC", (unit,)
            ).fetchall()
        return [year for (year,) in rows]

    def load(self, unit: str, year: int) -> Report | None:
        stored = self.load_stored(unit, year)
        return None if stored is None else stored.report

    def load_stored(self, unit: str, year: int) -> Stored | None:
        """The report and its revision, read together; DamagedStore when its data is not what
        was saved."""
        with self._reading():
            row = self._conn.execute(
                "SELECT data, revision, checksum FROM reports WHERE unit = ? AND year = ?",
                (unit, year),
            ).fetchone()
        if row is None:
            return None
        data, revision, stored_checksum = row
        if not isinstance(data, str) or checksum(data) != stored_checksum:
            raise DamagedStore(
                f"{unit}{year}年的报告已损坏（内容与保存时不符），可以用“恢复备份…”找回", self._path
            )
        try:
            return Stored(report_from_json(json.loads(data)), int(revision))
        except (json.JSONDecodeError, FormError, RecursionError, ValueError, TypeError) as exc:
            raise StoreError(f"{unit}{year}年的报告无法读取：{exc}") from None

    def save(self, report: Report, *, base_revision: int | None = None) -> int:
        """Store the report (replacing the unit's report of that year); adds the unit if new.

        With `base_revision` (the revision the report was loaded at; 0 for a report not stored
        yet) the save is refused with StaleReport, nothing written, when the stored report has
        moved on since. Returns the report's new revision.
        """
        unit = hierarchy.clean_name(report.unit)
        form = report_to_json(report)
        try:
            report_from_json(form)  # never store what could not be loaded back
        except FormError as exc:
            raise StoreError(f"报告无法保存：{exc}") from None
        data = json.dumps(form, ensure_ascii=False)
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            raise StoreError("报告中有无法保存的字符（不成对的代理项），请删去后再保存") from None
        level = report.level if report.level in LEVELS else "department"
        with self._writing():
            if not self._has_unit(unit):
                self._conn.execute(
                    "INSERT INTO units (name, level, profile) VALUES (?, ?, '{}')", (unit, level)
                )
            row = self._conn.execute(
                "SELECT revision FROM reports WHERE unit = ? AND year = ?", (unit, report.year)
            ).fetchone()
            current = int(row[0]) if row is not None else 0
            if base_revision is not None and base_revision != current:
                raise StaleReport(
                    f"“{unit}”{report.year}年度报告已在别处（另一个窗口或命令行）"
                    "修改过，为免覆盖那些修改，这次没有保存"
                )
            self._conn.execute(
                "INSERT INTO reports (unit, year, data, updated_at, revision, checksum) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit, year) DO UPDATE SET "
                "data = excluded.data, updated_at = excluded.updated_at, "
                "revision = excluded.revision, checksum = excluded.checksum",
                (unit, report.year, data, _now(), current + 1, checksum(data)),
            )
        return current + 1

    def delete_report(self, unit: str, year: int) -> None:
        """Delete the report for good (the window uses discard_report, to the recycle bin)."""
        with self._writing():
            self._conn.execute("DELETE FROM receipts WHERE unit = ? AND year = ?", (unit, year))
            self._conn.execute("DELETE FROM reports WHERE unit = ? AND year = ?", (unit, year))

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """Several writes as one: every write inside the block is stored, or (on any error,
        cancel included) none of them."""
        with self._writing():
            yield

    # -- the recycle bin -----------------------------------------------------------------------

    def discard_unit(self, name: str) -> int:
        """Move the unit, the units beneath it and their reports to the recycle bin."""
        with self._writing():
            return hierarchy.delete_unit(self._conn, name, _now())

    def discard_report(self, unit: str, year: int) -> int:
        """Move one report to the recycle bin; the id of its entry there."""
        with self._writing():
            return hierarchy.delete_report(self._conn, unit, year, _now())

    def recycle_bin(self) -> list[BinEntry]:
        with self._reading():
            return hierarchy.bin_entries(self._conn)

    def restore(self, entry_id: int) -> BinEntry:
        """Put a deleted unit or report back; StoreError (nothing changed) where its name or
        year is taken meanwhile."""
        with self._writing():
            entry = hierarchy.restore(self._conn, entry_id)
            fill_checksums(self._conn)
            return entry

    def purge(self, entry_id: int | None = None) -> None:
        """Empty the recycle bin, or remove one entry from it, for good."""
        with self._writing():
            hierarchy.purge(self._conn, entry_id)

    # -- receipts ------------------------------------------------------------------------------

    def set_receipt(self, receipt: Receipt) -> None:
        """Record when and from which file a unit's report came in."""
        with self._writing():
            hierarchy.set_receipt(self._conn, receipt)

    def receipts(self, year: int | None = None) -> list[Receipt]:
        with self._reading():
            return hierarchy.receipts(self._conn, year)

    def data_version(self) -> int:
        """A number that changes when another connection (another window, `nianbao import`)
        has written to the file since this one last asked; its own writes leave it alone."""
        with self._reading():
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    # -- backups -------------------------------------------------------------------------------

    def backups(self) -> list[Backup]:
        """The backups of this database, the latest first."""
        from app.store import backups  # only now: not on the way to the window

        return [] if self._path is None else backups.backups(self._path)

    def make_daily_backup(self, now: dt.datetime) -> Backup | None:
        """A backup, unless one was made on `now`'s day already (or there is no file, or
        nothing in it yet)."""
        from app.store import backups  # only now: not on the way to the window

        if self._path is None or self.read_only or backups.made_on(self._path, now.date()):
            return None
        with self._reading():
            if self._conn.execute("SELECT 1 FROM units LIMIT 1").fetchone() is None:
                return None
        return backups.make_backup(self._conn, self._path, "daily", now)

    # -- settings (UI state) ---------------------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        with self._reading():
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self._writing():
            self._conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, str(value)),
            )

    # -- helpers -------------------------------------------------------------------------------

    def _has_unit(self, name: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM units WHERE name = ?", (name,)).fetchone()
        return row is not None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise store_error(exc, self._path) from None
        except _DAMAGE_ERRORS:
            raise DamagedStore("数据库文件已损坏（读到的内容不完整）", self._path) from None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction: all of the block is stored, or (on any error) none of it."""
        if self.read_only:
            raise StoreError("这个窗口以只读方式打开了数据库，不能保存修改")
        try:
            if self._db is None:
                self._db = database(self._conn)
            if self._conn.in_transaction:  # inside all_or_nothing: one transaction already
                with self._db.atomic():
                    yield
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                with self._db.atomic():  # a savepoint inside the transaction begun here
                    yield
                self._conn.commit()
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.rollback()
                raise
        except sqlite3.Error as exc:
            raise store_error(exc, self._path) from None


def _back_up(conn: sqlite3.Connection, path: Path, reason: str) -> None:
    from app.store import backups  # only before an upgrade

    backups.make_backup(conn, path, reason, dt.datetime.now())


def _naming(error: StoreError, path: Path) -> StoreError:
    """The error with the file's name in front, of the same kind."""
    message = f"{path.name}：{error}"
    return DamagedStore(message, path) if isinstance(error, DamagedStore) else StoreError(message)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
