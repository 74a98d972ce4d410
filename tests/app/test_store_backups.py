"""Rolling backups: one at the first start of a day and one before every upgrade, the latest
ten kept, each a whole database that says what it holds."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.store import Store, StoreError, backups
from app.store import schema as store_schema
from tests.app.store_samples import sample_report

DAY = dt.datetime(2022, 1, 10, 8, 0)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nianbao.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report(21))
    return path


def test_one_backup_a_day(db: Path) -> None:
    with Store.open(db) as store:
        first = store.make_daily_backup(DAY)
        assert first is not None
        assert store.make_daily_backup(DAY + dt.timedelta(hours=3)) is None
        store.save(sample_report(22))
        second = store.make_daily_backup(DAY + dt.timedelta(days=1))
        assert second is not None
        assert [b.path for b in store.backups()] == [second.path, first.path]
    assert first.path.parent == db.with_name("nianbao-备份")
    assert backups.contents(first.path).describe().startswith("1 个单位，1 份报告，最近一次修改于 ")
    assert backups.contents(second.path).reports == 2
    assert first.label.startswith("2022-01-10 08:00")


def test_the_latest_ten_are_kept(db: Path) -> None:
    with Store.open(db) as store:
        made = [store.make_daily_backup(DAY + dt.timedelta(days=k)) for k in range(14)]
        kept = store.backups()
    assert [b.path for b in kept] == [b.path for b in reversed(made[4:]) if b]
    assert len(list(backups.folder_for(db).iterdir())) == backups.KEEP


def test_a_backup_is_made_before_an_upgrade(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def add_note_column(database: Database) -> None:
        database.execute("ALTER TABLE reports ADD COLUMN note TEXT")

    monkeypatch.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, add_note_column])
    with Store.open(db) as store:
        assert store.years("测试单位0") == [2021]
        made = store.backups()
    assert [b.reason for b in made] == ["upgrade"]
    conn = sqlite3.connect(made[0].path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(reports)")]
    conn.close()
    assert "note" not in columns  # the database as it was before the upgrade


def test_a_read_only_store_makes_no_backup_and_saves_nothing(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        assert store.make_daily_backup(DAY) is None
        assert store.years("测试单位0") == [2021]
        with pytest.raises(StoreError, match="只读方式"):
            store.save(sample_report(22))
    assert not backups.folder_for(db).exists()


def test_a_backup_that_cannot_be_written_leaves_the_database_alone(db: Path) -> None:
    backups.folder_for(db).write_text("a file where the folder should be")
    with Store.open(db) as store, pytest.raises(StoreError, match="无法写入备份"):
        store.make_daily_backup(DAY)
    with Store.open(db) as store:
        assert store.years("测试单位0") == [2021]


def test_copies_half_made_by_a_killed_program_are_removed_at_the_next_backup(db: Path) -> None:
    """A program killed while making a backup, a new database or a restore leaves a copy as
    large as the database: the next backup removes those an hour old, each with its journal,
    and leaves a copy being made right now and everything else alone."""
    folder = backups.folder_for(db)
    folder.mkdir()
    stale = [
        folder / ".20220301-090000-daily.sqlite3.0a1b2c3d.tmp",
        folder / ".20220301-090000-daily.sqlite3.0a1b2c3d.tmp-journal",
        db.with_name(f".{db.name}.9f8e7d6c.new"),
        db.with_name(f".{db.name}.12345678.restoring"),
    ]
    fresh = folder / ".20220302-090000-daily.sqlite3.feedbeef.tmp"
    others = [
        db.with_name(".other.sqlite3.12345678.new"),
        db.with_name("报告.docx.tmp"),
        folder / "说明.txt",
    ]
    an_hour_ago = time.time() - 3600
    for path in [*stale, fresh, *others]:
        path.write_bytes(b"half a database")
        if path != fresh:
            os.utime(path, (an_hour_ago, an_hour_ago))
    with Store.open(db) as store:
        made = store.make_daily_backup(DAY)
    assert made is not None and made.path.exists()
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists() and all(p.exists() for p in others)
