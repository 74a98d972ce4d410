"""The program's database: units and their reports by year, in one SQLite file.

This is the only module that talks to SQLite. sqlite-utils creates and migrates the schema and
runs every write in one transaction (`db.atomic()`); reads are plain SQL on the same connection.
sqlite-utils is imported at the first write, not on the way to the first window: its own imports
take about 40 ms, as long as the rest of the core's.

Reports are kept in their JSON form (spec/interfaces.md §1), so a report stored by this version
keeps the fields a later version adds. The file keeps SQLite's rollback journal with
synchronous=FULL, so a commit is on disk before `save` returns, and a process killed in the middle
of a write leaves a hot journal that the next open rolls back: nothing committed is lost and the
file is never half-written. (The rollback journal rather than WAL because it leaves one file at
rest, which office users copy and back up, and it works on network drives.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir

from app.domain.report import LEVELS, Report
from app.readers.errors import ReadError
from app.readers.json_form import report_from_json, report_to_json
from app.store_errors import StoreError as StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

APP_NAME = "Nianbao"
DB_FILE_NAME = "nianbao.sqlite3"
DB_ENV_VAR = "NIANBAO_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
# Marks the file as ours in the SQLite header ("NBAO"), so another program's database is
# recognised even before its tables are read.
APPLICATION_ID = 0x4E42414F
DEFAULT_BUSY_TIMEOUT = 5.0


@dataclass(frozen=True)
class UnitInfo:
    name: str
    level: str  # a key of app.domain.report.LEVELS


def default_db_path() -> Path:
    """`NIANBAO_DB` when set, else nianbao.sqlite3 in the platform's user data folder."""
    configured = os.environ.get(DB_ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    return user_data_folder() / DB_FILE_NAME


def user_data_folder() -> Path:
    """Where the program keeps its files for this user (never beside the executable)."""
    # roaming: %APPDATA%\Nianbao on Windows (spec/interfaces.md §3), so the data follows the
    # user's profile on office networks.
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


# -- migrations ------------------------------------------------------------------------------
# Each function brings the schema from version i to i + 1; the version reached is stored in
# meta.schema_version in the same transaction as the change. Append, never edit or reorder.


def _create_tables(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("units").create({"name": str, "level": str, "profile": str}, pk="name", not_null={"level"})
    db.table("reports").create(
        {"unit": str, "year": int, "data": str, "updated_at": str},
        pk=("unit", "year"),
        not_null={"data", "updated_at"},
        foreign_keys=[("unit", "units", "name")],
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")


MIGRATIONS: list[Callable[[Database], None]] = [_create_tables]
SCHEMA_VERSION = len(MIGRATIONS)


# -- the store -------------------------------------------------------------------------------


class Store:
    """One open database. Methods raise StoreError (Chinese) when SQLite fails."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self._db: Database | None = None  # sqlite-utils, from the first write on
        self._path = path

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> Store:
        """Open the database at `path`, creating or upgrading it.

        Refused (StoreError naming the file) when it was made by a newer version of the program,
        is not a database of this program, is damaged or stays locked by another program for
        `busy_timeout` seconds. A refused file is left exactly as it was. With create=False a
        missing file is refused too.
        """
        path = Path(path)
        try:
            conn = _connect(path, create=create, busy_timeout=busy_timeout)
            try:
                _prepare(conn)
            except BaseException:
                conn.close()
                raise
        except StoreError as exc:
            raise StoreError(f"{path.name}：{exc}") from None
        except sqlite3.Error as exc:
            raise StoreError(f"{path.name}：{_describe(exc)}") from None
        return cls(conn, path)

    @classmethod
    def in_memory(cls) -> Store:
        """A database that lives only as long as this object (tests, the command line demo)."""
        conn = sqlite3.connect(":memory:")
        _prepare(conn)
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
            rows = self._conn.execute("SELECT name, level FROM units ORDER BY rowid").fetchall()
        return [UnitInfo(name, level) for name, level in rows]

    def add_unit(self, name: str, level: str = "department") -> UnitInfo:
        """A new unit; StoreError when the name is empty or taken, or the level unknown."""
        name = _unit_name(name)
        if level not in LEVELS:
            raise StoreError(f"不认识的单位层级“{level}”")
        with self._writing():
            if self._has_unit(name):
                raise StoreError(f"单位“{name}”已经存在")
            self._conn.execute(
                "INSERT INTO units (name, level, profile) VALUES (?, ?, '{}')", (name, level)
            )
        return UnitInfo(name, level)

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
            cursor = self._conn.execute(
                "UPDATE units SET profile = ? WHERE name = ?", (text, name)
            )
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
        with self._reading():
            row = self._conn.execute(
                "SELECT data FROM reports WHERE unit = ? AND year = ?", (unit, year)
            ).fetchone()
        if row is None:
            return None
        try:
            return report_from_json(json.loads(row[0]))
        except (json.JSONDecodeError, ReadError) as exc:
            raise StoreError(f"{unit}{year}年的报告无法读取：{exc}") from None

    def save(self, report: Report) -> None:
        """Store the report (replacing the unit's report of that year); adds the unit if new."""
        unit = _unit_name(report.unit)
        form = report_to_json(report)
        try:
            report_from_json(form)  # never store what could not be loaded back
        except ReadError as exc:
            raise StoreError(f"报告无法保存：{exc}") from None
        data = json.dumps(form, ensure_ascii=False)
        level = report.level if report.level in LEVELS else "department"
        with self._writing():
            if not self._has_unit(unit):
                self._conn.execute(
                    "INSERT INTO units (name, level, profile) VALUES (?, ?, '{}')", (unit, level)
                )
            self._conn.execute(
                "INSERT INTO reports (unit, year, data, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (unit, year) DO UPDATE SET "
                "data = excluded.data, updated_at = excluded.updated_at",
                (unit, report.year, data, _now()),
            )

    def delete_report(self, unit: str, year: int) -> None:
        with self._writing():
            self._conn.execute("DELETE FROM reports WHERE unit = ? AND year = ?", (unit, year))

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
            raise StoreError(_describe(exc)) from None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction: all of the block is stored, or (on any error) none of it."""
        try:
            if self._db is None:
                self._db = _database(self._conn)
            with self._db.atomic():
                yield
        except sqlite3.Error as exc:
            raise StoreError(_describe(exc)) from None


def _connect(path: Path, *, create: bool, busy_timeout: float) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError("这是一个文件夹，不是数据库文件")
    if path.exists():
        _check_header(path)
    elif not create:
        raise StoreError("数据库文件不存在")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"无法创建文件夹 {path.parent}（{exc.strerror}）") from None
    return sqlite3.connect(str(path), timeout=busy_timeout)


def _check_header(path: Path) -> None:
    """Refuse a file that is plainly not SQLite before SQLite touches it."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except PermissionError:
        raise StoreError("没有读取数据库文件的权限") from None
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件（{exc.strerror}）") from None
    if head and not head.startswith(SQLITE_HEADER):
        raise StoreError("这不是年报编制器的数据库文件")
    if head and len(head) < 100:
        raise StoreError("数据库文件已损坏（文件不完整）")


def _database(conn: sqlite3.Connection) -> Database:
    from sqlite_utils import Database  # see the module's docstring

    return Database(conn, execute_plugins=False)


def _prepare(conn: sqlite3.Connection) -> None:
    """Check the file is ours and not from a newer version, then bring it up to date.

    Nothing is written before the version check passes, so a refused file keeps its bytes.
    """
    version = _schema_version(conn)
    latest = len(MIGRATIONS)
    if version > latest:
        raise StoreError(
            f"此数据库由更新版本的年报编制器创建（版本 {version}），请升级程序后再打开"
        )
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise StoreError("数据库文件已损坏")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    if version == latest:
        return
    db = _database(conn)
    for number in range(version, latest):
        with db.atomic():
            MIGRATIONS[number](db)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(number + 1),),
            )


def _schema_version(conn: sqlite3.Connection) -> int:
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return 0
    if "meta" not in tables:
        raise StoreError("这不是年报编制器的数据库文件")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else 0
    except (TypeError, ValueError):
        raise StoreError("数据库的版本信息已损坏") from None


def _unit_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise StoreError("单位名称不能为空")
    return name


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _describe(exc: sqlite3.Error) -> str:
    """SQLite's English error as a sentence for the agency's staff."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "数据库正被另一个程序使用，请关闭其他年报编制器窗口后再试"
    if "readonly" in text or "read-only" in text:
        return "数据库文件是只读的，无法保存"
    if "full" in text:
        return "磁盘空间不足，无法保存"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "数据库文件已损坏"
    if "unable to open" in text:
        return "无法打开数据库文件（文件夹不存在或没有权限）"
    if "closed" in text:
        return "数据库已关闭"
    if "disk i/o" in text:
        return "读写数据库文件时出错（磁盘错误）"
    return f"数据库出错（{exc}）"
