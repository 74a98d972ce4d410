"""A full or read-only disk: saving fails with a Chinese message and what was saved stays intact."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.exporters import ExportError, export_report
from app.readers.json_form import report_to_json
from app.store import Store, StoreError
from tests.app.store_samples import sample_report


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 256 KiB of its own (a real full disk needs root to mount one)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder = tmp_path / "小盘"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def test_saving_on_a_full_disk_fails_cleanly_and_keeps_earlier_reports(small_disk: Path) -> None:
    db = small_disk / "nianbao.sqlite3"
    saved = []
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="磁盘空间不足"):
            for number in range(1000):
                store.save(sample_report(number))
                saved.append(number)
        assert saved, "the disk was full before the first report"
        # The open store is still usable for reading.
        assert store.years("测试单位0")
    with Store.open(db) as store:
        for number in saved:
            expected = sample_report(number)
            loaded = store.load(expected.unit, expected.year)
            assert loaded is not None
            assert report_to_json(loaded) == report_to_json(expected)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_exporting_to_a_full_disk_keeps_the_old_file(small_disk: Path) -> None:
    old = small_disk / "报告.json"
    old.write_text("旧", encoding="utf-8")
    with (small_disk / "filler.bin").open("wb", buffering=0) as filler, pytest.raises(OSError):
        while True:
            filler.write(b"\0" * 1024)
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export_report(sample_report(3), old)
    assert old.read_text(encoding="utf-8") == "旧"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin", "报告.json"]


def test_a_database_on_a_read_only_disk_opens_for_reading(small_disk: Path) -> None:
    db = small_disk / "nianbao.sqlite3"
    with Store.open(db) as store:
        store.save(sample_report(21))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = db.read_bytes()
    with Store.open(db) as store:
        assert store.years("测试单位0") == [2021]
        with pytest.raises(StoreError, match="只读"):
            store.save(sample_report(22))
        with pytest.raises(StoreError, match="只读"):
            store.set_setting("last_year", "2021")
    assert db.read_bytes() == before
