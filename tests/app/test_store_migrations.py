"""A database made by an older version is brought up to date on opening, keeping its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.store import SCHEMA_VERSION, Store, StoreError
from app.store import schema as store_module
from tests.app.store_samples import sample_report


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        )
    finally:
        conn.close()


def test_a_new_database_is_at_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "nianbao.sqlite3"
    Store.open(path).close()
    assert _version(path) == SCHEMA_VERSION


def test_a_later_migration_runs_once_and_keeps_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nianbao.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report(21))
    runs = []

    def add_note_column(db: Database) -> None:
        runs.append(1)
        db.execute("ALTER TABLE reports ADD COLUMN note TEXT")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_note_column])
    with Store.open(path) as store:
        assert store.years("测试单位0") == [2021]
    with Store.open(path):
        pass
    assert runs == [1]
    assert _version(path) == SCHEMA_VERSION + 1


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nianbao.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report(21))

    def half_done(db: Database) -> None:
        db.execute("ALTER TABLE reports ADD COLUMN note TEXT")
        db.execute("THIS IS NOT SQL")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, half_done])
    with pytest.raises(StoreError, match=r"nianbao\.sqlite3"):
        Store.open(path)
    assert _version(path) == SCHEMA_VERSION
    monkeypatch.undo()
    with Store.open(path) as store:
        assert store.years("测试单位0") == [2021]
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(reports)")]
    conn.close()
    assert "note" not in columns
