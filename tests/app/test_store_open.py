"""Opening a database that is not fit to use is refused with a Chinese message, and the file is
left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.store import SCHEMA_VERSION, Store, StoreError
from app.store_errors import DamagedStore
from tests.app.store_samples import sample_report


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "nianbao.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report(21))
    return path


def _refused(path: Path, message: str) -> None:
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(path.name + "：")
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-journal").exists()


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    conn.close()
    _refused(
        db_path,
        f"此数据库由更新版本的年报编制器创建（版本 {SCHEMA_VERSION + 1}），请升级程序后再打开",
    )


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "报告.sqlite3"
    path.write_text("一、总体情况\n本年度……\n" * 50, encoding="utf-8")
    _refused(path, "这不是年报编制器的数据库文件")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.close()
    _refused(path, "这不是年报编制器的数据库文件")


def test_a_truncated_database_is_refused(db_path: Path) -> None:
    db_path.write_bytes(db_path.read_bytes()[:60])
    _refused(db_path, "数据库文件已损坏")


def test_a_database_with_damaged_pages_is_refused(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) >= 3 * page_size
    # Scribble over every page after the first (the schema page stays readable).
    for offset in range(page_size, len(data), page_size):
        data[offset : offset + 64] = b"\xa5" * 64
    db_path.write_bytes(bytes(data))
    _refused(db_path, "数据库文件已损坏")


def test_a_locked_database_is_refused_then_opens_once_released(db_path: Path) -> None:
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="正被另一个程序使用"):
            Store.open(db_path, busy_timeout=0.1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store.open(db_path) as store:
        assert store.years("测试单位0") == [2021]


def test_a_save_while_another_program_writes_fails_cleanly(db_path: Path) -> None:
    store = Store.open(db_path, busy_timeout=0.1)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="正被另一个程序使用"):
            store.save(sample_report(22))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.years("测试单位0") == [2021]
    store.save(sample_report(22))
    assert store.years("测试单位0") == [2022, 2021]
    store.close()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="这是一个文件夹"):
        Store.open(tmp_path)


def test_a_missing_file_is_refused_when_not_to_be_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(StoreError, match="数据库文件不存在"):
        Store.open(path, create=False)
    assert not path.exists()


def test_an_empty_file_is_damage_not_a_new_database(tmp_path: Path) -> None:
    # The program makes a new database whole (tests/app/test_store_recovery.py), so an empty
    # file where one should be was a database once: refused, never filled with empty tables.
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with pytest.raises(DamagedStore):
        Store.open(path)
    _refused(path, "数据库文件是空的")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="file permissions do not bind the superuser",
)
def test_a_read_only_database_can_be_read_but_saving_says_why(db_path: Path) -> None:
    db_path.chmod(0o444)
    try:
        with Store.open(db_path) as store:
            assert store.years("测试单位0") == [2021]
            with pytest.raises(StoreError, match="只读"):
                store.save(sample_report(22))
    finally:
        db_path.chmod(0o644)


def test_a_store_closed_under_a_writer_says_so_in_chinese(db_path: Path) -> None:
    # The first write of a session is also where sqlite-utils is loaded: a connection that is
    # gone by then is a StoreError like any other, not a crash.
    store = Store.open(db_path)
    assert store.years("测试单位0") == [2021]
    store.close()
    with pytest.raises(StoreError, match="数据库已关闭"):
        store.save(sample_report(22))
