"""Units under units, and the recycle bin where deleted units and reports wait to be restored.

A unit has a level and, optionally, a parent unit (the county above its departments). The
functions here run inside a transaction the Store opens; they raise StoreError (Chinese) for
anything the user asked that cannot be done, before changing a row.

A deleted unit goes to the bin with everything beneath it (its subordinate units, their
reports and receipts), as the rows were, so restoring puts back exactly what was there. Rows
are copied column by column, whatever columns a later migration adds.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.domain.report import LEVELS, MAX_UNIT_NAME
from app.domain.report_form import report_from_json, report_to_json
from app.store.integrity import checksum
from app.store_errors import StoreError


@dataclass(frozen=True)
class UnitInfo:
    name: str
    level: str  # a key of app.domain.report.LEVELS
    parent: str | None = None  # the name of the unit above it


@dataclass(frozen=True)
class BinEntry:
    """Something deleted that can be restored."""

    id: int
    kind: str  # "unit" or "report"
    unit: str
    year: int | None  # the report's year; None for a unit
    deleted_at: str  # ISO time, UTC
    units: int  # how many units it holds (0 for a report)
    reports: int

    @property
    def label(self) -> str:
        if self.kind == "report":
            return f"{self.unit} {self.year}年度报告"
        below = f"，含下级单位 {self.units - 1} 个" if self.units > 1 else ""
        return f"单位“{self.unit}”（报告 {self.reports} 份{below}）"


# -- reading ------------------------------------------------------------------------------------


def all_units(conn: sqlite3.Connection) -> list[UnitInfo]:
    rows = conn.execute("SELECT name, level, parent FROM units ORDER BY rowid").fetchall()
    return [UnitInfo(name, level, parent or None) for name, level, parent in rows]


def find_unit(conn: sqlite3.Connection, name: str) -> UnitInfo | None:
    row = conn.execute("SELECT name, level, parent FROM units WHERE name = ?", (name,)).fetchone()
    return None if row is None else UnitInfo(row[0], row[1], row[2] or None)


def children(conn: sqlite3.Connection, name: str) -> list[UnitInfo]:
    rows = conn.execute(
        "SELECT name, level, parent FROM units WHERE parent = ? ORDER BY rowid", (name,)
    ).fetchall()
    return [UnitInfo(n, level, parent) for n, level, parent in rows]


def subtree(conn: sqlite3.Connection, name: str) -> list[str]:
    """`name` and every unit beneath it, each after its parent."""
    names = [name]
    for current in names:  # grows while walked: a breadth-first walk
        names += [u.name for u in children(conn, current) if u.name not in names]
    return names


# -- changing units -----------------------------------------------------------------------------


def clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise StoreError("单位名称不能为空")
    if len(name) > MAX_UNIT_NAME:
        raise StoreError(
            f"单位名称太长（{len(name)} 个字，最多 {MAX_UNIT_NAME} 个），不像是一个单位的名称"
        )
    if any(unicodedata.category(c) == "Cc" for c in name):
        # A tab, a line break, NUL or a terminal's escape: never typed in a name, and each
        # would break the lists, the file names and the messages it is shown in.
        raise StoreError("单位名称中有换行、制表符等控制字符，请删去后再试")
    return name


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise StoreError(f"不认识的单位层级“{level}”")


def add_unit(conn: sqlite3.Connection, name: str, level: str, parent: str | None) -> UnitInfo:
    name = clean_name(name)
    check_level(level)
    if find_unit(conn, name) is not None:
        raise StoreError(f"单位“{name}”已经存在")
    if parent is not None:
        _need_unit(conn, parent)
    conn.execute(
        "INSERT INTO units (name, level, profile, parent) VALUES (?, ?, '{}', ?)",
        (name, level, parent),
    )
    return UnitInfo(name, level, parent)


def rename_unit(conn: sqlite3.Connection, old: str, new: str, now: str) -> None:
    """Rename a unit everywhere: its reports (their unit, and the name in title and signature
    where it was written), its subordinate units' parent, its receipts."""
    new = clean_name(new)
    _need_unit(conn, old)
    if new == old:
        return
    if find_unit(conn, new) is not None:
        raise StoreError(f"已有名为“{new}”的单位")
    # The reports point at the unit's name: checked at commit, once all rows are renamed.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("UPDATE units SET name = ? WHERE name = ?", (new, old))
    conn.execute("UPDATE units SET parent = ? WHERE parent = ?", (new, old))
    conn.execute("UPDATE receipts SET unit = ? WHERE unit = ?", (new, old))
    rows = conn.execute("SELECT year, data FROM reports WHERE unit = ?", (old,)).fetchall()
    for year, data in rows:
        renamed = _renamed(data, old, new)
        # A new revision: a window with the report open under its old name must not save it back.
        conn.execute(
            "UPDATE reports SET unit = ?, data = ?, updated_at = ?, checksum = ?, "
            "revision = revision + 1 WHERE unit = ? AND year = ?",
            (new, renamed, now, checksum(renamed), old, year),
        )


def _renamed(data: str, old: str, new: str) -> str:
    report = report_from_json(json.loads(data))
    report.unit = new
    report.title = report.title.replace(old, new)
    if report.signature_unit == old:
        report.signature_unit = new
    return json.dumps(report_to_json(report), ensure_ascii=False)


def move_unit(conn: sqlite3.Connection, name: str, parent: str | None) -> None:
    """Put `name` under `parent` (None: at the top); never under itself or its own units."""
    _need_unit(conn, name)
    if parent is not None:
        _need_unit(conn, parent)
        if parent in subtree(conn, name):
            raise StoreError(f"不能把“{name}”移到它自己或它的下级单位“{parent}”之下")
    conn.execute("UPDATE units SET parent = ? WHERE name = ?", (parent, name))


def set_level(conn: sqlite3.Connection, name: str, level: str) -> None:
    check_level(level)
    _need_unit(conn, name)
    conn.execute("UPDATE units SET level = ? WHERE name = ?", (level, name))


def _need_unit(conn: sqlite3.Connection, name: str) -> None:
    if find_unit(conn, name) is None:
        raise StoreError(f"没有名为“{name}”的单位")


# -- the recycle bin ----------------------------------------------------------------------------


def delete_unit(conn: sqlite3.Connection, name: str, now: str) -> int:
    """Move the unit, the units beneath it and all their reports to the bin; its entry id."""
    _need_unit(conn, name)
    names = subtree(conn, name)
    marks = ",".join("?" * len(names))
    content = {
        "units": _rows(conn, f"SELECT * FROM units WHERE name IN ({marks}) ORDER BY rowid", names),
        "reports": _rows(conn, f"SELECT * FROM reports WHERE unit IN ({marks})", names),
        "receipts": _rows(conn, f"SELECT * FROM receipts WHERE unit IN ({marks})", names),
    }
    conn.execute(f"DELETE FROM receipts WHERE unit IN ({marks})", names)
    conn.execute(f"DELETE FROM reports WHERE unit IN ({marks})", names)
    conn.execute(f"DELETE FROM units WHERE name IN ({marks})", names)
    return _put_in_bin(conn, "unit", name, None, now, content)


def delete_report(conn: sqlite3.Connection, unit: str, year: int, now: str) -> int:
    where, key = "WHERE unit = ? AND year = ?", (unit, year)
    reports = _rows(conn, f"SELECT * FROM reports {where}", key)
    if not reports:
        raise StoreError(f"没有“{unit}”{year}年度的报告")
    content = {
        "units": [],
        "reports": reports,
        "receipts": _rows(conn, f"SELECT * FROM receipts {where}", key),
    }
    conn.execute(f"DELETE FROM receipts {where}", key)
    conn.execute(f"DELETE FROM reports {where}", key)
    return _put_in_bin(conn, "report", unit, year, now, content)


def bin_entries(conn: sqlite3.Connection) -> list[BinEntry]:
    """What the bin holds, the latest deleted first."""
    rows = conn.execute(
        "SELECT id, kind, unit, year, deleted_at, data FROM recycle_bin ORDER BY id DESC"
    ).fetchall()
    entries = []
    for entry_id, kind, unit, year, deleted_at, data in rows:
        content = _content(data)
        entries.append(
            BinEntry(
                entry_id,
                kind,
                unit,
                year,
                deleted_at,
                len(content["units"]),
                len(content["reports"]),
            )
        )
    return entries


def restore(conn: sqlite3.Connection, entry_id: int) -> BinEntry:
    """Put an entry back as it was; refused, changing nothing, where its place is taken."""
    entry = next((e for e in bin_entries(conn) if e.id == entry_id), None)
    if entry is None:
        raise StoreError("回收站中没有这一项（可能已经恢复或清除）")
    row = conn.execute("SELECT data FROM recycle_bin WHERE id = ?", (entry_id,)).fetchone()
    content = _content(row[0])
    for unit in content["units"]:
        if find_unit(conn, unit["name"]) is not None:
            raise StoreError(f"已有名为“{unit['name']}”的单位，请先将它改名，再恢复")
    restored = {u["name"] for u in content["units"]}
    for report in content["reports"]:
        name, year = report["unit"], report["year"]
        if name not in restored and find_unit(conn, name) is None:
            raise StoreError(f"单位“{name}”已被删除，请先恢复该单位")
        taken = conn.execute(
            "SELECT 1 FROM reports WHERE unit = ? AND year = ?", (name, year)
        ).fetchone()
        if taken:
            raise StoreError(f"“{name}”已有{year}年度的报告，请先删除它，再恢复")
    for unit in content["units"]:
        parent = unit.get("parent")
        if parent and parent not in restored and find_unit(conn, parent) is None:
            unit = {**unit, "parent": None}  # the unit above is gone: back at the top
        _insert(conn, "units", unit)
    for table in ("reports", "receipts"):
        for values in content[table]:
            _insert(conn, table, values)
    conn.execute("DELETE FROM recycle_bin WHERE id = ?", (entry_id,))
    return entry


def purge(conn: sqlite3.Connection, entry_id: int | None = None) -> None:
    """Delete an entry (None: everything) from the bin for good."""
    if entry_id is None:
        conn.execute("DELETE FROM recycle_bin")
    else:
        conn.execute("DELETE FROM recycle_bin WHERE id = ?", (entry_id,))


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    kept = {k: v for k, v in values.items() if k in columns}
    names = ", ".join(f'"{k}"' for k in kept)
    marks = ", ".join("?" * len(kept))
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(kept.values()))


def _put_in_bin(
    conn: sqlite3.Connection,
    kind: str,
    unit: str,
    year: int | None,
    now: str,
    content: dict[str, list[dict[str, Any]]],
) -> int:
    cursor = conn.execute(
        "INSERT INTO recycle_bin (kind, unit, year, deleted_at, data) VALUES (?, ?, ?, ?, ?)",
        (kind, unit, year, now, json.dumps(content, ensure_ascii=False)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _content(data: str) -> dict[str, list[dict[str, Any]]]:
    try:
        content = json.loads(data)
    except json.JSONDecodeError:
        raise StoreError("回收站中的这一项已损坏，无法恢复") from None
    if not isinstance(content, dict):
        raise StoreError("回收站中的这一项已损坏，无法恢复")
    return {k: list(content.get(k) or []) for k in ("units", "reports", "receipts")}


# -- receipts: when a unit's report came in -----------------------------------------------------


@dataclass(frozen=True)
class Receipt:
    unit: str
    year: int
    received_at: str  # ISO date the file was stored
    source: str  # the file's name


def set_receipt(conn: sqlite3.Connection, receipt: Receipt) -> None:
    conn.execute(
        "INSERT INTO receipts (unit, year, received_at, source) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (unit, year) DO UPDATE SET "
        "received_at = excluded.received_at, source = excluded.source",
        (receipt.unit, receipt.year, receipt.received_at, receipt.source),
    )


def receipts(conn: sqlite3.Connection, year: int | None = None) -> list[Receipt]:
    sql = "SELECT unit, year, received_at, source FROM receipts"
    rows = conn.execute(sql + " WHERE year = ?", (year,)) if year is not None else conn.execute(sql)
    return [Receipt(*row) for row in rows.fetchall()]
