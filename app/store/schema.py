"""The schema and its migrations, and the checks made before a file is used.

Each migration brings the schema from version i to i + 1; the version reached is stored in
meta.schema_version in the same transaction as the change. Append, never edit or reorder.
sqlite-utils is imported at the first write or migration, not on the way to the first window:
its own imports take about 40 ms, as long as the rest of the core's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.store.integrity import fill_checksums, problems
from app.store_errors import DamagedStore, StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

# Marks the file as ours in the SQLite header ("NBAO"), so another program's database is
# recognised even before its tables are read.
APPLICATION_ID = 0x4E42414F


def _create_tables(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("units").create(
        {"name": str, "level": str, "profile": str}, pk="name", not_null={"level"}
    )
    db.table("reports").create(
        {"unit": str, "year": int, "data": str, "updated_at": str},
        pk=("unit", "year"),
        not_null={"data", "updated_at"},
        foreign_keys=[("unit", "units", "name")],
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")


def _add_unit_hierarchy(db: Database) -> None:
    """Units under units (parent), the recycle bin, and when each unit's report came in."""
    db.execute("ALTER TABLE units ADD COLUMN parent TEXT")
    db.table("recycle_bin").create(
        {"id": int, "kind": str, "unit": str, "year": int, "deleted_at": str, "data": str},
        pk="id",
        not_null={"kind", "unit", "deleted_at", "data"},
    )
    db.table("receipts").create(
        {"unit": str, "year": int, "received_at": str, "source": str},
        pk=("unit", "year"),
        not_null={"received_at", "source"},
    )


def _add_revisions_and_checksums(db: Database) -> None:
    """Each report's revision, counted up by every save (a window's save based on an older one
    is refused, app.store.database), and the checksum of its data (app.store.integrity)."""
    db.execute("ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE reports ADD COLUMN checksum TEXT NOT NULL DEFAULT ''")
    fill_checksums(db.conn)


MIGRATIONS: list[Callable[[Database], None]] = [
    _create_tables,
    _add_unit_hierarchy,
    _add_revisions_and_checksums,
]
SCHEMA_VERSION = len(MIGRATIONS)


def database(conn: sqlite3.Connection) -> Database:
    from sqlite_utils import Database  # see the module's docstring

    return Database(conn, execute_plugins=False)


def prepare(
    conn: sqlite3.Connection,
    *,
    read_only: bool = False,
    before_upgrade: Callable[[], object] = lambda: None,
) -> None:
    """Check the file is ours, from no newer version and sound, then bring it up to date
    (`before_upgrade` is called first, for a backup).

    Nothing is written before the checks pass, so a refused file keeps its bytes. A damaged
    file raises DamagedStore (app.store.integrity says what is wrong).
    """
    version = schema_version(conn)
    latest = len(MIGRATIONS)
    if version > latest:
        raise StoreError(
            f"此数据库由更新版本的年报编制器创建（版本 {version}），请升级程序后再打开"
        )
    if version:
        found = problems(conn)
        if found:
            raise DamagedStore(
                "数据库文件已损坏：" + "；".join(found[:3]) + ("等" if len(found) > 3 else "")
            )
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        if version < latest:
            raise StoreError("数据库需要先升级，请在已经打开它的年报编制器窗口中操作")
        return
    conn.execute("PRAGMA synchronous = FULL")
    if version == latest:
        return
    if version:
        before_upgrade()
    db = database(conn)
    for number in range(version, latest):
        with db.atomic():
            MIGRATIONS[number](db)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(number + 1),),
            )


def schema_version(conn: sqlite3.Connection) -> int:
    tables = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return 0
    if "meta" not in tables:
        raise StoreError("这不是年报编制器的数据库文件")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else 0
    except (TypeError, ValueError):
        raise DamagedStore("数据库的版本信息已损坏") from None
