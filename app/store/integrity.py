"""Knowing the database is sound: SQLite's own check, the links between units and reports, and
a checksum stored with each report, so that a figure changed by damage SQLite cannot see (bytes
overwritten inside a page) is caught before it is shown or exported as if it were typed.

Whatever writes a report's `data` stores `checksum(data)` beside it (Store.save does, and so must
any module that rewrites reports, as units.rename_unit does). The checksum is CRC-32 and the
length: it catches damage (any changed byte, a cut), not someone rewriting the file on purpose,
and zlib is loaded in a millisecond where hashlib loads OpenSSL on the way to the window.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

from app.domain.report import LEVELS


def checksum(data: str) -> str:
    raw = data.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(raw):08x}-{len(raw)}"


def problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the file, in Chinese; [] when it is sound."""
    found: list[str] = []
    if conn.execute("PRAGMA integrity_check(1)").fetchall() != [("ok",)]:
        found.append("数据库文件的结构已损坏")
    if conn.execute("PRAGMA foreign_key_check").fetchall():
        found.append("单位与报告之间的对应关系已损坏")
    found += _unit_problems(conn)
    if "checksum" not in {row[1] for row in conn.execute("PRAGMA table_info(reports)")}:
        return found  # a backup made before checksums were kept
    # A scan of the table itself, not of its index, so a row the index lost is still seen.
    for unit, year, data, stored in conn.execute(
        "SELECT unit, year, data, checksum FROM reports NOT INDEXED"
    ):
        if not isinstance(data, str) or checksum(data) != stored:
            named = isinstance(unit, str) and isinstance(year, int)
            found.append(
                f"“{unit}”{year}年的报告内容与保存时不符"
                if named
                else "有一份报告的内容与保存时不符"
            )
    return found


def _unit_problems(conn: sqlite3.Connection) -> list[str]:
    """Units whose level, parent or layout settings are not what the program writes."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(units)")}
    parent = "parent" if "parent" in columns else "NULL"
    names = {name for (name,) in conn.execute("SELECT name FROM units")}
    found = []
    for name, level, above, profile in conn.execute(
        f"SELECT name, level, {parent}, profile FROM units"
    ):
        if level not in LEVELS or (above and above not in names) or not _is_object(profile):
            found.append(f"单位“{name}”的信息已损坏")
    return found


def _is_object(text: object) -> bool:
    if text is None or text == "":
        return True
    try:
        return isinstance(json.loads(str(text)), dict)
    except (ValueError, RecursionError):
        return False


def fill_checksums(conn: sqlite3.Connection) -> None:
    """Checksums for reports stored without one (by a version before checksums, or put back
    from the recycle bin as they were then)."""
    rows = conn.execute("SELECT rowid, data FROM reports WHERE checksum = ''").fetchall()
    for rowid, data in rows:
        conn.execute("UPDATE reports SET checksum = ? WHERE rowid = ?", (checksum(data), rowid))
