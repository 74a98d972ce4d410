"""Opening the SQLite file: refusing what is plainly not ours (or plainly damaged) before SQLite
touches it, making a new file whole or not at all, and SQLite's English errors as sentences for
the agency's staff.

A new database is made under a temporary name and put in place once its tables exist, so a
file at the database's path is never one this program left half-made: an empty file there is
damage (a disk that lost it, a copy that failed), never a new database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.store_errors import DamagedStore, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"


def connect(
    path: Path,
    *,
    create: bool,
    busy_timeout: float,
    read_only: bool = False,
    initialise: Callable[[sqlite3.Connection], None] | None = None,
) -> sqlite3.Connection:
    """A connection to the database at `path`; a missing file is made (when `create`) with
    `initialise` run on it first."""
    try:
        if path.is_dir():
            raise StoreError("这是一个文件夹，不是数据库文件")
        exists = path.exists()
    except OSError as exc:
        raise StoreError(f"无法打开数据库文件（{_os_problem(exc)}）") from None
    if exists:
        check_header(path)
    elif not create or read_only:
        raise StoreError("数据库文件不存在")
    else:
        create_file(path, initialise or (lambda conn: None))
    if read_only:
        return connect_read_only(path, busy_timeout)
    return sqlite3.connect(str(path), timeout=busy_timeout)


def connect_read_only(path: Path, busy_timeout: float = 0.0) -> sqlite3.Connection:
    from urllib.parse import quote  # only here: a second window, a backup's contents

    return sqlite3.connect(
        f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=busy_timeout
    )


def create_file(path: Path, initialise: Callable[[sqlite3.Connection], None]) -> None:
    """A new database at `path`, whole: made beside it, then linked into place."""
    from app.writing import sync_file  # only now: not on the way to the window

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        # With exist_ok, only a part of the path that is a file (Windows says so this way,
        # Linux with ENOTDIR).
        raise StoreError(f"无法创建文件夹 {path.parent}（路径中有一部分不是文件夹）") from None
    except OSError as exc:
        raise StoreError(f"无法创建文件夹 {path.parent}（{_os_problem(exc)}）") from None
    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.new")
    try:
        conn = sqlite3.connect(str(temp))
        try:
            initialise(conn)
            conn.commit()
        finally:
            conn.close()
        sync_file(temp)
        try:
            os.link(temp, path)  # never over a file another process made meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if not path.exists():
                os.replace(temp, path)
    except OSError as exc:
        raise StoreError(f"无法创建数据库文件（{_os_problem(exc)}）") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            Path(f"{temp}-journal").unlink(missing_ok=True)


def check_header(path: Path) -> None:
    """Refuse a file that is plainly not SQLite, or plainly damaged, before SQLite touches it."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except PermissionError:
        raise StoreError("没有读取数据库文件的权限") from None
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件（{_os_problem(exc)}）") from None
    if not head:
        raise DamagedStore("数据库文件是空的（0 字节），文件已损坏", path)
    if not head.startswith(SQLITE_HEADER):
        raise DamagedStore("这不是年报编制器的数据库文件，或文件已损坏", path)
    if len(head) < 100:
        raise DamagedStore("数据库文件已损坏（文件不完整）", path)


def _os_problem(exc: OSError) -> str:
    from app.writing import describe_os_error  # only now: not on the way to the window

    return describe_os_error(exc)


# What SQLite says of a damaged file (a damaged schema can also read "no such table", but so can
# a mistake of the program's, which a backup would not mend: that one is no damage here).
_DAMAGE = (
    "not a database",
    "malformed",
    "corrupt",
    "could not decode",
    "file is not",
    "unsupported file format",
)


def store_error(exc: sqlite3.Error, path: Path | None = None) -> StoreError:
    """SQLite's English error as a sentence for the agency's staff (DamagedStore when the file
    is damaged)."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError("数据库正被另一个程序使用，请关闭其他年报编制器窗口后再试")
    if "readonly" in text or "read-only" in text:
        return StoreError("数据库文件是只读的，无法保存")
    if "full" in text:
        return StoreError("磁盘空间不足，无法保存")
    if any(words in text for words in _DAMAGE):
        return DamagedStore("数据库文件已损坏", path)
    if "unable to open" in text:
        return StoreError("无法打开数据库文件（文件夹不存在或没有权限）")
    if "closed" in text:
        return StoreError("数据库已关闭")
    if "disk i/o" in text:
        return StoreError("读写数据库文件时出错（磁盘错误）")
    code = getattr(exc, "sqlite_errorcode", None)
    return StoreError("数据库出错" + (f"（错误代码 {code}）" if code is not None else ""))
